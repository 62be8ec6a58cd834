/**
 * `npm start`: the Electron window where Electron's binary is installed, else browser mode
 * on 127.0.0.1 (said in one line). `--browser` asks for browser mode outright.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBrowserMode } from '../browser/main';

/**
 * The Electron executable if it is really there. Reads the package's path.txt rather than
 * require('electron'), which would try to download a missing binary.
 */
function electronBinary(): string | null {
  try {
    const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const exe = readFileSync(join(pkgDir, 'path.txt'), 'utf8').trim();
    const full = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkgDir, 'dist'), exe);
    return existsSync(full) ? full : null;
  } catch {
    return null;
  }
}

const argv = process.argv.slice(2);
const electron = argv.includes('--browser') ? null : electronBinary();
if (electron) {
  const main = join(dirname(fileURLToPath(import.meta.url)), 'electron', 'main.mjs');
  const child = spawn(electron, [main, ...argv], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!argv.includes('--browser')) {
    console.log('madoguchi: Electron の実行ファイルがないため、ブラウザモードで起動します (Electron binary not installed; serving browser mode on 127.0.0.1)');
  }
  await runBrowserMode(argv);
}
