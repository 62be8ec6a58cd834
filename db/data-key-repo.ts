import type { Db } from './db';
import { sql } from './prepared';

/** What the ledger knows of its data key (migration 9): never the key itself. */
export interface DataKeyRecord {
  /** A value derived from the key: tells this ledger's key from another one, and reveals nothing of it. */
  keyCheck: string;
  /** The key wrapped by the recovery passphrase, self-describing (services/key-recovery.ts); null until one is set. */
  recovery: string | null;
  recoverySetAt: string | null;
  recoverySetBy: string | null;
}

export function readDataKeyRecord(db: Db): DataKeyRecord | null {
  const row = sql(db, 'SELECT key_check AS keyCheck, recovery, recovery_set_at AS recoverySetAt, recovery_set_by AS recoverySetBy FROM data_key WHERE id = 1').get();
  return (row as DataKeyRecord | undefined) ?? null;
}

/** The key this ledger is sealed with, as first seen (a ledger from before migration 9, or a first run). */
export function recordKeyCheck(db: Db, keyCheck: string): void {
  sql(db, 'INSERT INTO data_key (id, key_check) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET key_check = excluded.key_check').run(keyCheck);
}

/** A new recovery passphrase's wrapping replaces the last one (secure_delete overwrites it in the file). */
export function saveRecovery(db: Db, r: { keyCheck: string; recovery: string; at: string; by: string }): void {
  sql(
    db,
    `INSERT INTO data_key (id, key_check, recovery, recovery_set_at, recovery_set_by) VALUES (1, @keyCheck, @recovery, @at, @by)
     ON CONFLICT (id) DO UPDATE SET key_check = excluded.key_check, recovery = excluded.recovery,
       recovery_set_at = excluded.recovery_set_at, recovery_set_by = excluded.recovery_set_by`,
  ).run(r);
}
