import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { safeStorage } from 'electron';
import type { KeyStore } from '../db/sealed-secret';
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

/** The wrapped key in `path`, or null where this keychain cannot open it (another PC, a reset Windows profile). */
async function unwrap(path: string): Promise<Buffer | null> {
  if (!existsSync(path)) return null;
  try {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(readFileSync(path));
    const key = Buffer.from(result, 'base64');
    // The keychain's own key was rotated: wrap ours again under the new one.
    if (shouldReEncrypt) await keep(path, key);
    return key;
  } catch {
    return null;
  }
}

/**
 * The data key, wrapped by the OS keychain through safeStorage's asynchronous API; only the
 * wrapped form is on disk. Unwrapped once at start, so that the store reads synchronously. Refuses
 * to start where the keychain is missing or is Linux's plain-text fallback, rather than keep the
 * key as good as in the clear.
 */
export async function safeStorageKeyStore(path: string): Promise<KeyStore> {
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') throw new CannotStart(PLAIN_TEXT_BACKEND);
  if (!(await safeStorage.isAsyncEncryptionAvailable())) throw new CannotStart(NO_KEYCHAIN);
  let kept = await unwrap(path);
  return {
    read: () => kept,
    async write(key) {
      await keep(path, key);
      kept = key;
    },
  };
}
