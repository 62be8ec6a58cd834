import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const projectDir = fileURLToPath(new URL('../../..', import.meta.url));

// npm run bench is not part of npm test (its figures need a quiet machine), so that a schema change
// cannot leave it broken unseen, every figure is run here once at a tiny size; no time is judged.
const TINY = {
  BENCH_RECEIPTS: '2',
  BENCH_ISSUANCES: '4',
  BENCH_ACTS: '20',
  BENCH_AGED_ENTRIES: '2000',
  BENCH_AGED_TOKENS: '200',
  BENCH_PSKC: '20',
  BENCH_STOCK: '20',
  BENCH_HISTORY: '200',
  BENCH_OTP_SEARCH: '200',
  BENCH_GLANCE_ENTRIES: '2000',
  BENCH_GLANCE_TOKENS: '200',
  BENCH_LOG: '2000',
  BENCH_SYNC: '200',
  BENCH_SYNC_TERMINALS: '3',
  BENCH_SYNC_PER_TERMINAL: '20',
};

describe('npm run bench', () => {
  it('runs every figure to its end beside its floor, and the sync loses and doubles nothing', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/run.ts'], {
      cwd: projectDir,
      env: { ...process.env, ...TINY },
      maxBuffer: 4 * 1024 * 1024,
    });
    const figures = stdout.trim().split('\n').map((line) => line.split(':')[0]!.trim());
    expect(new Set(figures)).toEqual(
      new Set(['receipt PDF', 'receipt size', 'issuance', 'counter act', 'counter act aged', 'PSKC import', 'stock list', 'find by OTP', '概況', 'log page', 'log CSV export', 'sync drain', 'sync fan-in']),
    );
    expect(stdout).not.toMatch(/NOT FOUND|DIFFER|NaN|Infinity/);
    expect(stdout).toContain('nothing lost or doubled');
  }, 240_000);
});
