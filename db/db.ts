import type Database from 'better-sqlite3';

/** A connection to the ledger file (see open.ts). */
export type Db = Database.Database;
