import Database from 'better-sqlite3';
import { join } from 'node:path';

export const LOCK_FILE = 'madoguchi.lock';

/** Another madoguchi process holds this data folder. */
export class DataFolderInUse extends Error {
  constructor(readonly dataDir: string) {
    super(`このデータフォルダ（${dataDir}）は別の madoguchi が使用中です。先に起動した madoguchi を使うか、終了してから起動し直してください。`);
    this.name = 'DataFolderInUse';
  }
}

/**
 * Holds the data folder for this process's life: an exclusive SQLite lock on a file of its own.
 * The operating system drops the lock when the process ends, however it ends (a power cut, a kill),
 * so there is never a stale lock to clear by hand; a second process on the folder is refused at once.
 */
export function lockDataFolder(dataDir: string): { release(): void } {
  const db = new Database(join(dataDir, LOCK_FILE), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (e) {
    db.close();
    if ((e as { code?: unknown }).code === 'SQLITE_BUSY') throw new DataFolderInUse(dataDir);
    throw e;
  }
  return { release: () => db.close() };
}
