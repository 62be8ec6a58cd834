import type { Db } from './db';
import { sql } from './prepared';
import type { OtpHash, OtpMemory, OtpParams, TokenState } from '../domain/types';

export interface TokenRow {
  serial: string;
  state: TokenState;
  batchId: number;
  params: OtpParams;
  secretEnc: Buffer;
  memory: OtpMemory;
  /** The keyed reference of the contract holding the token. */
  contractRef: string | null;
  updatedAt: string;
}

export interface RawToken {
  serial: string;
  state: TokenState;
  batch_id: number;
  algorithm: 'HOTP' | 'TOTP';
  hash: OtpHash;
  digits: 6 | 8;
  period: number;
  counter: number;
  secret_enc: Buffer;
  last_step: number;
  fail_count: number;
  drift_steps: number;
  contract_ref: string | null;
  updated_at: string;
}

export function fromRaw(r: RawToken): TokenRow {
  return {
    serial: r.serial,
    state: r.state,
    batchId: r.batch_id,
    params: { algorithm: r.algorithm, hash: r.hash, digits: r.digits, period: r.period, counter: r.counter },
    secretEnc: r.secret_enc,
    memory: { lastStep: r.last_step, failCount: r.fail_count, driftSteps: r.drift_steps },
    contractRef: r.contract_ref,
    updatedAt: r.updated_at,
  };
}

export function findToken(db: Db, serial: string): TokenRow | null {
  const r = sql(db, 'SELECT * FROM tokens WHERE serial = ?').get(serial) as RawToken | undefined;
  return r ? fromRaw(r) : null;
}

type TokenFilter = { state?: TokenState; serialLike?: string };

/**
 * Only the conditions the filter has, so that SQLite can use the (state, serial) index: a condition
 * like `(@state IS NULL OR state = @state)` makes it read every token ever stored.
 */
function where(f: TokenFilter): { clause: string; params: Record<string, string> } {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (f.state) {
    parts.push('state = @state');
    params.state = f.state;
  }
  if (f.serialLike) {
    parts.push("serial LIKE @serial ESCAPE '\\'");
    params.serial = `%${f.serialLike.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
  }
  return { clause: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function listTokens(db: Db, filter: TokenFilter & { limit: number }): TokenRow[] {
  const w = where(filter);
  const rows = sql(db, `SELECT * FROM tokens ${w.clause} ORDER BY serial LIMIT @limit`).all({ ...w.params, limit: filter.limit }) as RawToken[];
  return rows.map(fromRaw);
}

/** How many tokens the filter matches: from the kept counts unless a part of a serial is searched for. */
export function countTokens(db: Db, filter: TokenFilter): number {
  if (!filter.serialLike) {
    const counts = countTokensByState(db);
    return filter.state ? (counts[filter.state] ?? 0) : Object.values(counts).reduce((a, b) => a + b, 0);
  }
  const w = where(filter);
  return (sql(db, `SELECT COUNT(*) AS n FROM tokens ${w.clause}`).get(w.params) as { n: number }).n;
}

/** Tokens per state, kept by triggers (migration 6): reading them never walks the stock's history. */
export function countTokensByState(db: Db): Record<string, number> {
  const rows = sql(db, 'SELECT state, n FROM token_counts WHERE n > 0').all() as { state: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

export function insertToken(
  db: Db,
  t: { serial: string; batchId: number; params: OtpParams; driftSteps: number; secretEnc: Buffer; updatedAt: string },
): void {
  sql(db, 
    `INSERT INTO tokens (serial, state, batch_id, algorithm, hash, digits, period, counter, drift_steps, secret_enc, updated_at)
     VALUES (@serial, 'IN_STOCK', @batchId, @algorithm, @hash, @digits, @period, @counter, @driftSteps, @secretEnc, @updatedAt)`,
  ).run({ serial: t.serial, batchId: t.batchId, ...t.params, driftSteps: t.driftSteps, secretEnc: t.secretEnc, updatedAt: t.updatedAt });
}

export function saveOtpMemory(db: Db, serial: string, m: OtpMemory): void {
  sql(db, 'UPDATE tokens SET last_step = ?, fail_count = ?, drift_steps = ? WHERE serial = ?').run(
    m.lastStep,
    m.failCount,
    m.driftSteps,
    serial,
  );
}

/** Moves a token only from the state the caller saw, so a concurrent change is never overwritten. */
export function moveToken(
  db: Db,
  serial: string,
  from: TokenState,
  to: TokenState,
  contractRef: string | null,
  updatedAt: string,
): void {
  const r = sql(db, 'UPDATE tokens SET state = ?, contract_ref = ?, updated_at = ? WHERE serial = ? AND state = ?')
    .run(to, contractRef, updatedAt, serial, from);
  if (r.changes !== 1) throw new Error(`token ${serial} was not in state ${from}`);
}

export function insertSeedBatch(
  db: Db,
  b: { fileName: string; sha256: string; format: string; count: number; operatorId: string; importedAt: string },
): number {
  return Number(
    sql(db, 
        `INSERT INTO seed_batches (file_name, sha256, format, token_count, operator_id, imported_at)
         VALUES (@fileName, @sha256, @format, @count, @operatorId, @importedAt)`,
      )
      .run(b).lastInsertRowid,
  );
}
