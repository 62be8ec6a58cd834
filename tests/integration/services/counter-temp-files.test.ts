import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const projectDir = fileURLToPath(new URL('../../..', import.meta.url));

describe('a counter act', () => {
  // A savepoint around the act made SQLite copy every page it touched into a sub-journal, which
  // outgrew its 64 KiB in memory and went to a temporary file (outside the data folder) at every act.
  it('writes no temporary file, accepted or refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-sqlite-tmp-'));
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'tests/support/counter-temp-files.ts'], {
        cwd: projectDir,
        env: { ...process.env, SQLITE_TMPDIR: dir },
      });
      expect(JSON.parse(stdout)).toEqual({ made: [], refused: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
