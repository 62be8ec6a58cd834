import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { safeStorage } from 'electron';
import type { KeyProvider } from '../db/sealed-secret';
import { CannotStart } from '../services/start-refusal';

const NO_KEYCHAIN = 'OS の鍵保管庫（safeStorage）が使えないため、データ鍵を保管できません。';
/** Linux without a keychain: Chromium would "encrypt" with a key written in its own source. */
const PLAIN_TEXT_BACKEND =
  'この PC では OS の鍵保管庫（GNOME キーリングまたは KWallet）が見つからず、データ鍵を平文同然でしか保管できないため起動しません。鍵保管庫が動くデスクトップで起動してください。';

async function keep(path: string, key: Buffer): Promise<void> {
  const wrapped = await safeStorage.encryptStringAsync(key.toString('base64'));
  writeFileSync(`${path}.tmp`, wrapped, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

/**
 * The data key, wrapped by the OS keychain through safeStorage's asynchronous API; only the
 * wrapped form is on disk. Refuses to start where the keychain is missing or is Linux's plain-text
 * fallback, rather than keep the key as good as in the clear.
 */
export async function safeStorageKeyProvider(path: string): Promise<KeyProvider> {
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') throw new CannotStart(PLAIN_TEXT_BACKEND);
  if (!(await safeStorage.isAsyncEncryptionAvailable())) throw new CannotStart(NO_KEYCHAIN);
  let key: Buffer;
  if (existsSync(path)) {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(readFileSync(path));
    key = Buffer.from(result, 'base64');
    // The keychain's own key was rotated: wrap ours again under the new one.
    if (shouldReEncrypt) await keep(path, key);
  } else {
    key = randomBytes(32);
    await keep(path, key);
  }
  return { dataKey: () => key };
}
