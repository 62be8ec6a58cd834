import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The Electron executable if it is really there, else null. Reads the electron package's path.txt
 * (written when its binary was downloaded) rather than require('electron'), which starts a
 * download when the binary is missing and throws when that fails.
 */
export function electronBinary(packageDir?: string, env: NodeJS.ProcessEnv = process.env): string | null {
  try {
    const dir = packageDir ?? dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const exe = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    const full = join(env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), exe);
    return existsSync(full) ? full : null;
  } catch {
    return null;
  }
}
