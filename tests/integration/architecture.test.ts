/**
 * The import rules and the per-process compiler options bite: the committed fixtures, laid out
 * like the repository in a temporary folder, break them on purpose, and the real configuration
 * files (copied as they are) name what is wrong.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;

/** Runs a tool's own script with this Node, in the temporary repository; its exit code and all it printed. */
function run(script: string, args: string[]): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [join(repo, 'node_modules', script), ...args], { cwd: dir, encoding: 'utf8', timeout: 80_000 });
  if (r.error) throw r.error;
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'madoguchi-architecture-'));
  cpSync(join(repo, 'tests/fixtures/architecture'), dir, { recursive: true });
  for (const config of ['.dependency-cruiser.cjs', 'tsconfig.base.json', 'tsconfig.renderer.json']) copyFileSync(join(repo, config), join(dir, config));
  // The renderer's options without its project references (the other projects are not copied).
  writeFileSync(join(dir, 'tsconfig.check.json'), JSON.stringify({ extends: './tsconfig.renderer.json', compilerOptions: { noEmit: true } }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each tool loads TypeScript afresh: seconds on a busy two-core machine.
describe('the architecture rules', { timeout: 90_000 }, () => {
  it('dependency-cruiser refuses a renderer file importing node:fs and a domain file importing db/, and nothing else', () => {
    const { status, output } = run('dependency-cruiser/bin/dependency-cruise.mjs', ['--config', '.dependency-cruiser.cjs', '.']);
    expect(status, output).not.toBe(0);
    const errors = output.split('\n').filter((line) => line.trim().startsWith('error '));
    expect(errors.map((line) => line.trim()).sort()).toEqual([
      'error domain-imports-only-domain: domain/uses-db.ts → db/open.ts',
      'error renderer-node-builtins: renderer/reads-files.ts → fs',
    ]);
  });

  it('tsc with the renderer’s compiler options refuses a renderer file using process', () => {
    const { status, output } = run('typescript/bin/tsc', ['-p', 'tsconfig.check.json']);
    expect(status, output).not.toBe(0);
    expect(output).toMatch(/renderer\/uses-process\.ts\(\d+,\d+\): error TS2591: Cannot find name 'process'/);
  });
});
