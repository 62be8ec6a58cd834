import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electron, keychain } from '../../support/fake-electron';
import { safeStorageKeyStore } from '../../../electron/safe-storage-key';
import { CannotStart } from '../../../services/start-refusal';

vi.mock('electron', async () => (await import('../../support/fake-electron')).electron);

let dir: string;
const file = () => join(dir, 'madoguchi.key.enc');
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'madoguchi-keychain-'));
  Object.assign(keychain, { backend: 'gnome_libsecret', available: true, rotated: false, wrap: 'wrapped' });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the data key kept by safeStorage (asynchronous API only)', () => {
  it('keeps a key wrapped by the keychain, owner-only, and reads the same key back at the next start', async () => {
    const store = await safeStorageKeyStore(file());
    expect(store.read()).toBeNull();
    const key = randomBytes(32);
    await store.write(key);
    expect(store.read()).toEqual(key);
    expect(readFileSync(file(), 'utf8')).toBe(`wrapped:${key.toString('base64')}`);
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect((await safeStorageKeyStore(file())).read()).toEqual(key);
  });

  it('reads no key where this keychain cannot open the file (a new PC, a reset Windows profile)', async () => {
    await (await safeStorageKeyStore(file())).write(randomBytes(32));
    keychain.wrap = 'another-profile';
    expect((await safeStorageKeyStore(file())).read()).toBeNull();
  });

  it('wraps the key again when the keychain says its own key was rotated', async () => {
    const key = randomBytes(32);
    await (await safeStorageKeyStore(file())).write(key);
    const wrapping = vi.spyOn(electron.safeStorage, 'encryptStringAsync');
    expect((await safeStorageKeyStore(file())).read()).toEqual(key);
    expect(wrapping).not.toHaveBeenCalled();
    keychain.rotated = true;
    expect((await safeStorageKeyStore(file())).read()).toEqual(key);
    expect(wrapping).toHaveBeenCalledWith(key.toString('base64'));
  });

  it.runIf(process.platform === 'linux')('refuses Linux’s plain-text fallback with a clear message, and writes nothing', async () => {
    keychain.backend = 'basic_text';
    const started = safeStorageKeyStore(file());
    await expect(started).rejects.toBeInstanceOf(CannotStart);
    await expect(started).rejects.toThrow('平文同然');
    expect(() => statSync(file())).toThrow();
  });

  it('refuses to start where the keychain cannot encrypt', async () => {
    keychain.available = false;
    await expect(safeStorageKeyStore(file())).rejects.toThrow('OS の鍵保管庫（safeStorage）が使えない');
  });
});
