import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { KeyProvider } from '../db/sealed-secret';

/**
 * Browser mode keeps the data key in a file only its owner may read (0600), beside but
 * outside the database, so a copied .sqlite file alone does not reveal any seed.
 */
export function keyFileProvider(path: string): KeyProvider {
  let key: Buffer | undefined;
  return {
    dataKey() {
      if (key) return key;
      if (!existsSync(path)) {
        writeFileSync(path, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
      }
      if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
      key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
      if (key.length !== 32) throw new Error(`key file ${path} is damaged (expected 32 bytes)`);
      return key;
    },
  };
}
