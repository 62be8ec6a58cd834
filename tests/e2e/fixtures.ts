import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, test as base, expect, type Page } from '@playwright/test';
import { ORIGIN } from '../../electron/windows';
import type { MadoguchiApi } from '../../services/contract';
import { electronToDrive } from './electron-app';

export interface Host {
  /** The URL the launcher printed, with the single-use start key in its fragment; in Electron, the app's page. */
  url: string;
  origin: string;
  /** Browser mode's; Electron has none. */
  startKey: string;
  dataDir: string;
  output: () => string;
}

/** Starts `node dist/launch.mjs --browser` on a data folder, as `npm start` would. */
export async function startHost(dataDir: string, extraArgs: string[] = []): Promise<{ host: Host; child: ChildProcess }> {
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

const browserTest = base.extend<{ host: Host }>({
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

/** The real app on a fresh data folder, started by Playwright's Electron driver; its first window is the page the specs drive. */
const electronTest = base.extend<{ host: Host; launched: { host: Host; window: Page } }>({
  // eslint-disable-next-line no-empty-pattern
  launched: async ({}, use) => {
    // Never null here: the global setup (electron-setup.ts) ends the run first.
    const electron = electronToDrive()!;
    const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-electron-'));
    const app = await _electron.launch({
      executablePath: electron.executablePath,
      args: [...electron.args, '--data-dir', dataDir],
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
    });
    let out = '';
    app.process().stdout?.on('data', (d: Buffer) => (out += d));
    app.process().stderr?.on('data', (d: Buffer) => (out += d));
    const host = { url: `${ORIGIN}/index.html`, origin: ORIGIN, startKey: '', dataDir, output: () => out };
    await use({ host, window: await app.firstWindow() });
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
  host: async ({ launched }, use) => use(launched.host),
  page: async ({ launched }, use) => use(launched.window),
});

/** Browser mode (playwright.config.ts), or the Electron app (playwright.electron.config.ts sets MADOGUCHI_E2E_SHELL). */
export const test = process.env.MADOGUCHI_E2E_SHELL === 'electron' ? electronTest : browserTest;

export { expect };

/** Calls the API the way the screen does, through window.madoguchi in the page. */
export async function api<C extends keyof MadoguchiApi>(page: Page, channel: C, req: Parameters<MadoguchiApi[C]>[0]) {
  return page.evaluate(([c, r]) => (window as unknown as { madoguchi: Record<string, (x: unknown) => Promise<unknown>> }).madoguchi[c]!(r), [channel, req] as const) as ReturnType<MadoguchiApi[C]>;
}
