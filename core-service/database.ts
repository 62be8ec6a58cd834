import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { CORE_MIGRATIONS } from './migrations';

export type Tx = pg.PoolClient;

export interface CoreDb {
  pool: pg.Pool;
  /** The embedded database's loopback URL, or the DATABASE_URL given. */
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/** INTEGER and BIGINT counts come back as numbers: every count here stays far below 2^53. */
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

const POOL_SIZE = 10;

/**
 * The core's PostgreSQL: the server DATABASE_URL names, or else an embedded PGlite on disk under
 * `dataDir`, served on a loopback port by pglite-socket so that `pg` talks to both over the wire
 * and the service has one code path (PGlite runs one statement at a time; the socket server keeps
 * a transaction's statements together).
 */
export async function openCoreDb(opts: { databaseUrl?: string; dataDir: string }): Promise<CoreDb> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: POOL_SIZE });
    return { pool, url: opts.databaseUrl, embedded: false, close: () => pool.end() };
  }
  const pgdata = join(opts.dataDir, 'pgdata');
  mkdirSync(pgdata, { recursive: true, mode: 0o700 });
  const lite = await PGlite.create({ dataDir: pgdata });
  const server = new PGLiteSocketServer({ db: lite, host: '127.0.0.1', port: 0, maxConnections: 4 * POOL_SIZE });
  await server.start();
  const url = `postgresql://postgres@${server.getServerConn()}/postgres`;
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  return {
    pool,
    url,
    embedded: true,
    close: async () => {
      await pool.end();
      await server.stop();
      await lite.close();
    },
  };
}

/** Runs `fn` in one transaction on one connection; everything inside must use `tx`, never the pool. */
export async function inTransaction<T>(pool: pg.Pool, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const tx = await pool.connect();
  try {
    await tx.query('BEGIN');
    const result = await fn(tx);
    await tx.query('COMMIT');
    return result;
  } catch (e) {
    await tx.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    tx.release();
  }
}

/** A lock id of our own for pg_advisory_xact_lock. */
const MIGRATION_LOCK = 0x6d61646f;

export async function migrate(pool: pg.Pool): Promise<void> {
  for (const m of CORE_MIGRATIONS) {
    await inTransaction(pool, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await tx.query('CREATE TABLE IF NOT EXISTS core_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)');
      const done = await tx.query('SELECT 1 FROM core_migrations WHERE version = $1', [m.version]);
      if (done.rowCount) return;
      await tx.query(m.sql);
      await tx.query('INSERT INTO core_migrations VALUES ($1, $2, now())', [m.version, m.name]);
    });
  }
}
