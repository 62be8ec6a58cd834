import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { safeStorage } from 'electron';
import type { KeyProvider } from '../db/sealed-secret';

/** The data key, wrapped by the OS keychain through safeStorage; only the wrapped form is on disk. */
export function safeStorageKeyProvider(path: string): KeyProvider {
  let key: Buffer | undefined;
  return {
    dataKey() {
      if (key) return key;
      if (!safeStorage.isEncryptionAvailable()) throw new Error('OS の鍵保管庫（safeStorage）が使えません');
      if (!existsSync(path)) {
        writeFileSync(path, safeStorage.encryptString(randomBytes(32).toString('base64')), { mode: 0o600, flag: 'wx' });
      }
      key = Buffer.from(safeStorage.decryptString(readFileSync(path)), 'base64');
      return key;
    },
  };
}
