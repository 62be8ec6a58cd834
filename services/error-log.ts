import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
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
 * Size-based rotation: before a line would take errors.log past `maxBytes`, it becomes errors.log.1,
 * errors.log.1 becomes .2 … and the one beyond `keep` is dropped, so that a terminal failing all day
 * for years never fills its disk, while the latest errors are all there for support.
 */
export interface Rotation {
  maxBytes: number;
  keep: number;
}
export const ERROR_LOG_ROTATION: Rotation = { maxBytes: 1024 * 1024, keep: 5 };

function rotateBefore(file: string, incoming: number, { maxBytes, keep }: Rotation): void {
  const size = existsSync(file) ? statSync(file).size : 0;
  if (size === 0 || size + incoming <= maxBytes) return;
  rmSync(`${file}.${keep}`, { force: true });
  for (let i = keep - 1; i >= 1; i--) if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
  renameSync(file, `${file}.1`);
}

/**
 * One JSON line per unexpected error in <dataDir>/logs/errors.log, readable only by the user
 * (rotated by size, see Rotation), and a line on stderr. Requests are never written: they hold
 * customer data and, at import, seed files.
 */
export function fileErrorLog(dataDir: string, stderr: (line: string) => void = (l) => process.stderr.write(`${l}\n`), rotation: Rotation = ERROR_LOG_ROTATION): ErrorLog {
  const dir = join(dataDir, 'logs');
  const file = join(dir, ERROR_LOG_FILE);
  return {
    unexpected(report) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const line = `${JSON.stringify(report)}\n`;
      rotateBefore(file, Buffer.byteLength(line), rotation);
      appendFileSync(file, line, { mode: 0o600 });
      stderr(`[madoguchi] unexpected error in ${report.channel}: ${report.error.name}: ${report.error.message} (logs/${ERROR_LOG_FILE})`);
    },
  };
}
