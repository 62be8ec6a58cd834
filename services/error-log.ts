import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** What support needs to find a teller's 「予期しないエラー」 again: when, which call, whose session. */
export interface ErrorReport {
  at: string;
  channel: string;
  operatorId: string | null;
  error: { name: string; message: string; code?: string; stack?: string };
}

export interface ErrorLog {
  unexpected(report: ErrorReport): void;
}

export const ERROR_LOG_FILE = 'errors.log';

export function describeError(e: unknown): ErrorReport['error'] {
  if (!(e instanceof Error)) return { name: typeof e, message: String(e) };
  const code = (e as { code?: unknown }).code;
  return { name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}), ...(e.stack ? { stack: e.stack } : {}) };
}

/**
 * One JSON line per unexpected error in <dataDir>/logs/errors.log, readable only by the user, and
 * a line on stderr. Requests are never written: they hold customer data and, at import, seed files.
 */
export function fileErrorLog(dataDir: string, stderr: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): ErrorLog {
  const dir = join(dataDir, 'logs');
  return {
    unexpected(report) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      appendFileSync(join(dir, ERROR_LOG_FILE), `${JSON.stringify(report)}\n`, { mode: 0o600 });
      stderr(`[madoguchi] unexpected error in ${report.channel}: ${report.error.name}: ${report.error.message} (logs/${ERROR_LOG_FILE})`);
    },
  };
}
