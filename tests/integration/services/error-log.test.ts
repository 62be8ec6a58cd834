import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_LOG_FILE, fileErrorLog, type ErrorReport } from '../../../services/error-log';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-errors-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const report = (n: number, message = `failure ${n}`): ErrorReport => ({
  at: `2026-11-25T10:00:0${n}.000Z`,
  channel: 'issue',
  operatorId: 'teller01',
  error: { name: 'Error', message },
});
const logs = () => join(dataDir, 'logs');
const messages = (file: string) =>
  readFileSync(join(logs(), file), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as ErrorReport).error.message);

describe('the error log', () => {
  it('keeps one JSON line per unexpected error, for the user only, and tells stderr where', () => {
    const said: string[] = [];
    const log = fileErrorLog(dataDir, (line) => said.push(line));
    log.unexpected(report(1));
    log.unexpected(report(2));
    expect(messages(ERROR_LOG_FILE)).toEqual(['failure 1', 'failure 2']);
    expect(statSync(join(logs(), ERROR_LOG_FILE)).mode & 0o777).toBe(0o600);
    expect(said).toEqual([
      '[madoguchi] unexpected error in issue: Error: failure 1 (logs/errors.log)',
      '[madoguchi] unexpected error in issue: Error: failure 2 (logs/errors.log)',
    ]);
  });

  it('rotates by size: the newest in errors.log, older ones in .1, .2, and none kept beyond', () => {
    const line = Buffer.byteLength(`${JSON.stringify(report(1))}\n`);
    // Two lines fit in a file, a third would not.
    const log = fileErrorLog(dataDir, () => {}, { maxBytes: 2 * line, keep: 2 });
    for (let n = 1; n <= 7; n++) log.unexpected(report(n));

    expect(readdirSync(logs()).sort()).toEqual(['errors.log', 'errors.log.1', 'errors.log.2']);
    expect(messages('errors.log')).toEqual(['failure 7']);
    expect(messages('errors.log.1')).toEqual(['failure 5', 'failure 6']);
    expect(messages('errors.log.2')).toEqual(['failure 3', 'failure 4']);
    for (const file of readdirSync(logs())) {
      expect(statSync(join(logs(), file)).size).toBeLessThanOrEqual(2 * line);
      expect(statSync(join(logs(), file)).mode & 0o777).toBe(0o600);
    }
  });

  it('writes an error longer than the limit whole, alone in a fresh file', () => {
    const log = fileErrorLog(dataDir, () => {}, { maxBytes: 200, keep: 3 });
    log.unexpected(report(1));
    log.unexpected(report(2, 'x'.repeat(500)));
    log.unexpected(report(3));
    expect(messages('errors.log.2')).toEqual(['failure 1']);
    expect(messages('errors.log.1')).toEqual(['x'.repeat(500)]);
    expect(messages('errors.log')).toEqual(['failure 3']);
    expect(existsSync(join(logs(), 'errors.log.3'))).toBe(false);
  });
});
