/**
 * `npm run dist` builds the app, then its installers (electron-builder.yml) for the platform it runs
 * on; `npm run dist:test` the unpacked build the Electron suite drives (electron-builder.test.yml).
 * More arguments go to electron-builder (`npm run dist -- --win`). Both need Electron to be
 * downloadable. electron-builder rebuilds better-sqlite3 for Electron's ABI inside node_modules;
 * Node's build is put back afterwards, whatever happened, so that the tests and browser mode still
 * load it.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
const test = args.includes('--test');
const builderArgs = args.filter((a) => a !== '--test');
const require = createRequire(import.meta.url);
const run = (command: string, commandArgs: string[], options: SpawnSyncOptions = {}) =>
  spawnSync(command, commandArgs, { stdio: 'inherit', ...options }).status ?? 1;

await import('./build.mjs');
const built = run(process.execPath, [
  require.resolve('electron-builder/cli.js'),
  '--config',
  test ? 'electron-builder.test.yml' : 'electron-builder.yml',
  '--publish',
  'never',
  ...builderArgs,
]);
// npm_execpath is the npm that runs this script; Windows runs npm.cmd through a shell only.
const npmCli = process.env.npm_execpath;
const restored = npmCli
  ? run(process.execPath, [npmCli, 'rebuild', 'better-sqlite3'])
  : run('npm', ['rebuild', 'better-sqlite3'], { shell: process.platform === 'win32' });
if (restored !== 0) console.error('madoguchi: better-sqlite3 を Node 用に戻せませんでした: npm rebuild better-sqlite3 を実行してください (could not rebuild better-sqlite3 for Node)');
process.exit(built !== 0 ? built : restored);
