import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the ledger lives: --data-dir, else MADOGUCHI_DATA_DIR, else the user's data folder
 * (the same place Electron's app.getPath('userData') points to for this app).
 */
export function resolveDataDir(argv: string[], env: NodeJS.ProcessEnv = process.env, userDataDir?: string): string {
  const i = argv.indexOf('--data-dir');
  const fromArg = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
  if (fromArg) return fromArg;
  if (env.MADOGUCHI_DATA_DIR) return env.MADOGUCHI_DATA_DIR;
  if (userDataDir) return userDataDir;
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'madoguchi');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'madoguchi');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'madoguchi');
}

export function optionValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}
