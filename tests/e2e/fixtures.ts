import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { MadoguchiApi } from '../../services/contract';

export interface Host {
  /** The URL the launcher printed, with the single-use start key in its fragment. */
  url: string;
  origin: string;
  startKey: string;
  dataDir: string;
  output: () => string;
}

/** Starts `node dist/launch.mjs --browser` on a fresh data folder, as `npm start` would. */
async function startHost(dataDir: string, extraArgs: string[] = []): Promise<{ host: Host; child: ChildProcess }> {
  const child = spawn(process.execPath, ['dist/launch.mjs', '--browser', '--data-dir', dataDir, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d));
  child.stderr!.on('data', (d: Buffer) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${out}`)), 20_000);
    const poll = setInterval(() => {
      const m = /open (http:\/\/127\.0\.0\.1:\d+\/#k=[\w-]+)/.exec(out);
      if (m) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(m[1]!);
      }
    }, 50);
    child.on('exit', (code) => reject(new Error(`host exited ${code}:\n${out}`)));
  });
  const u = new URL(url);
  return { host: { url, origin: u.origin, startKey: u.hash.slice('#k='.length), dataDir, output: () => out }, child };
}

export const test = base.extend<{ host: Host }>({
  // Playwright reads a fixture's dependencies from this pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-e2e-'));
    const { host, child } = await startHost(dataDir);
    await use(host);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Calls the API the way the screen does, through window.madoguchi in the page. */
export async function api<C extends keyof MadoguchiApi>(page: Page, channel: C, req: Parameters<MadoguchiApi[C]>[0]) {
  return page.evaluate(([c, r]) => (window as unknown as { madoguchi: Record<string, (x: unknown) => Promise<unknown>> }).madoguchi[c]!(r), [channel, req] as const) as ReturnType<MadoguchiApi[C]>;
}
