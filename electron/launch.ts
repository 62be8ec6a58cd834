/**
 * `npm start`: the Electron window where Electron's binary is installed, else browser mode
 * on 127.0.0.1 (said in one line). `--browser` asks for browser mode outright.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBrowserMode } from '../browser/main';
import { electronBinary } from './binary';

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
