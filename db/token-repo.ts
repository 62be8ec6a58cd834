import type { Db } from './db';
import { sql } from './prepared';
import type { OtpHash, OtpMemory, OtpParams, TokenState } from '../domain/types';

/** A token with its seed here: the branch's stock and what it issued from it. */
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

/** A token whose seed is here: since migration 16 the ledger also knows tokens without one. */
const SEEDED = 'secret_enc IS NOT NULL';

export function findToken(db: Db, serial: string): TokenRow | null {
  const r = sql(db, `SELECT * FROM tokens WHERE serial = ? AND ${SEEDED}`).get(serial) as RawToken | undefined;
  return r ? fromRaw(r) : null;
}

/**
 * Any token the branch knows: with its seed (`seeded`), or without (issued at another branch or
 * before madoguchi, its state the bank's word), as a contract's current token may be.
 */
export interface KnownToken {
  serial: string;
  state: TokenState;
  contractRef: string | null;
  updatedAt: string;
  seeded: TokenRow | null;
}

export function findKnownToken(db: Db, serial: string): KnownToken | null {
  const r = sql(db, 'SELECT * FROM tokens WHERE serial = ?').get(serial) as (Omit<RawToken, 'secret_enc'> & { secret_enc: Buffer | null }) | undefined;
  if (!r) return null;
  return { serial: r.serial, state: r.state, contractRef: r.contract_ref, updatedAt: r.updated_at, seeded: r.secret_enc ? fromRaw(r as RawToken) : null };
}

type TokenFilter = { state?: TokenState; serialLike?: string };

/**
 * Only the conditions the filter has, so that SQLite can use the (state, serial) index: a condition
 * like `(@state IS NULL OR state = @state)` makes it read every token ever stored.
 */
function where(f: TokenFilter): { clause: string; params: Record<string, string> } {
  // The branch's own tokens with their seeds; one without (handed in from another branch) is listed in the collected box.
  const parts: string[] = [SEEDED, 'ours = 1'];
  const params: Record<string, string> = {};
  if (f.state) {
    parts.push('state = @state');
    params.state = f.state;
  }
  if (f.serialLike) {
    parts.push("serial LIKE @serial ESCAPE '\\'");
    params.serial = `%${f.serialLike.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
  }
  return { clause: `WHERE ${parts.join(' AND ')}`, params };
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

/**
 * Moves a token only from the state the caller saw, so a concurrent change is never overwritten.
 * A counter act here makes the token the branch's (ours), e.g. another branch's customer's token handed in.
 */
export function moveToken(
  db: Db,
  serial: string,
  from: TokenState,
  to: TokenState,
  contractRef: string | null,
  updatedAt: string,
): void {
  const r = sql(db, 'UPDATE tokens SET state = ?, contract_ref = ?, updated_at = ?, ours = 1 WHERE serial = ? AND state = ?')
    .run(to, contractRef, updatedAt, serial, from);
  if (r.changes !== 1) throw new Error(`token ${serial} was not in state ${from}`);
}

export function insertSeedBatch(
  db: Db,
  /** operatorId: null for head office's allotment, which no operator here imported. */
  b: { fileName: string; sha256: string; format: string; count: number; operatorId: string | null; importedAt: string },
): number {
  return Number(
    sql(db, 
        `INSERT INTO seed_batches (file_name, sha256, format, token_count, operator_id, imported_at)
         VALUES (@fileName, @sha256, @format, @count, @operatorId, @importedAt)`,
      )
      .run(b).lastInsertRowid,
  );
}
