/**
 * Browser mode: the same app on 127.0.0.1, for machines without the Electron binary and for
 * the end-to-end tests. Prints the one URL (with its start-up secret) to open.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, type App } from '../services/app';
import { VIEWER_PRINTER } from '../services/printing';
import { startRefusal } from '../services/start-refusal';
import { keyFileStore } from './key-file';
import { optionValue, resolveDataDir } from '../services/data-dir';
import { startBrowserHost } from './server';

const here = dirname(fileURLToPath(import.meta.url));

export async function runBrowserMode(argv: string[]): Promise<void> {
  const dataDir = resolveDataDir(argv);
  const idle = optionValue(argv, '--idle-lock-seconds') ?? process.env.MADOGUCHI_IDLE_LOCK_SECONDS;
  let app: App;
  try {
    app = openApp({
      dataDir,
      keys: keyFileStore(join(dataDir, 'madoguchi.key')),
      printer: VIEWER_PRINTER,
      otpSearchWorker: { url: new URL('./otp-search-worker.mjs', import.meta.url) },
      ...(idle ? { idleLockSeconds: Number(idle) } : {}),
    });
  } catch (e) {
    const why = startRefusal(e);
    if (why === null) throw e;
    console.error(`madoguchi: ${why}`);
    process.exitCode = 1;
    return;
  }
  const host = await startBrowserHost({
    dispatch: app.dispatch,
    rendererDir: join(here, 'renderer'),
    bridgeFile: join(here, 'host-bridge.js'),
    port: Number(optionValue(argv, '--port') ?? process.env.MADOGUCHI_PORT ?? 0),
  });
  console.log(`madoguchi: data in ${dataDir}`);
  console.log(`madoguchi: open ${host.url}`);
  const stop = async () => {
    await host.close();
    app.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
