import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';
import type { Db } from './db';
import type { SecretBox } from './sealed-secret';

export type { Db } from './db';

/**
 * Opens (or creates) the ledger file. WAL lets the log screen read while a counter transaction
 * writes; synchronous=FULL because a receipt handed to a customer must survive a power cut;
 * secure_delete so that what is deleted or replaced (customer data sealed in place) is overwritten,
 * not left in free pages. `box` (the data key) is needed only by migrations that seal existing data.
 */
export function openDatabase(file: string, migrations: Migration[] = MIGRATIONS, box?: SecretBox): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, migrations, box);
  return db;
}

export function migrate(db: Db, migrations: Migration[], box?: SecretBox): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.upgrade?.(db, box);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    if (m.vacuum) {
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
  }
}
