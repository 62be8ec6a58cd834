import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { KeyStore } from '../db/sealed-secret';

/**
 * Browser mode keeps the data key in a file only its owner may read (0600), beside but outside
 * the database, so a copied .sqlite file alone does not reveal any seed. A missing or damaged
 * file is no key: a ledger already set up then asks for its recovery passphrase.
 */
export function keyFileStore(path: string): KeyStore {
  return {
    read() {
      if (!existsSync(path)) return null;
      const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
      return key.length === 32 ? key : null;
    },
    async write(key) {
      writeFileSync(`${path}.tmp`, `${key.toString('base64')}\n`, { mode: 0o600 });
      renameSync(`${path}.tmp`, path);
    },
  };
}
