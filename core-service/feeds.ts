import type pg from 'pg';
import type { ContractItem, FeedPage, StockItem, TokenStateItem } from '../domain/sync-protocol';
import { openAtRest, sealForTerminal } from './crypto';
import type { Terminal } from './auth';

export const DEFAULT_PAGE = 500;
export const MAX_PAGE = 2000;

export interface PageQuery {
  after?: string;
  limit?: string;
}

export function pageOf(q: PageQuery): { after: number; limit: number } {
  return { after: Number(q.after ?? 0), limit: Math.min(Math.max(Number(q.limit ?? DEFAULT_PAGE), 1), MAX_PAGE) };
}

/** Rows carry `rev`; one more than the limit is read to know whether more follow. */
function page<R extends { rev: number }, T>(rows: R[], after: number, limit: number, item: (r: R) => T): Omit<FeedPage<T>, 'serverTime'> {
  const mine = rows.slice(0, limit);
  return { items: mine.map(item), cursor: String(mine.length > 0 ? mine[mine.length - 1]!.rev : after), more: rows.length > limit };
}

const iso = (d: Date) => d.toISOString();

/**
 * Contracts changed after the cursor, or whose current token did: a contract's revision is the
 * later of its own and its token's, so that ACTIVE (learned from web banking) reaches the branch.
 */
export async function contractsPage(pool: pg.Pool, q: PageQuery) {
  const { after, limit } = pageOf(q);
  const r = await pool.query(
    `SELECT c.contract_id, c.name_kanji, c.name_kana, c.account_branch, c.account_subject, c.account_number, c.feature_phone, c.current_serial, t.state,
            GREATEST(c.updated_at, COALESCE(t.updated_at, c.updated_at)) AS updated_at,
            GREATEST(c.rev, COALESCE(t.rev, 0)) AS rev
     FROM contracts c LEFT JOIN tokens t ON t.serial = c.current_serial
     WHERE c.contract_id IN (
       SELECT contract_id FROM contracts WHERE rev > $1
       UNION SELECT c2.contract_id FROM tokens t2 JOIN contracts c2 ON c2.current_serial = t2.serial WHERE t2.rev > $1)
     ORDER BY rev, c.contract_id LIMIT $2`,
    [after, limit + 1],
  );
  return page(r.rows, after, limit, (c): ContractItem => ({
    contractId: c.contract_id,
    nameKanji: c.name_kanji,
    nameKana: c.name_kana,
    account: c.account_number ? { branchCode: c.account_branch, subject: c.account_subject, number: c.account_number } : null,
    featurePhone: c.feature_phone,
    currentSerial: c.current_serial,
    currentState: c.state ?? null,
    updatedAt: iso(c.updated_at),
  }));
}

export async function tokenStatesPage(pool: pg.Pool, q: PageQuery) {
  const { after, limit } = pageOf(q);
  const r = await pool.query('SELECT serial, state, contract_id, updated_at, rev FROM tokens WHERE rev > $1 ORDER BY rev LIMIT $2', [after, limit + 1]);
  return page(r.rows, after, limit, (t): TokenStateItem => ({ serial: t.serial, state: t.state, contractId: t.contract_id, updatedAt: iso(t.updated_at) }));
}

/** This terminal's allotment, each seed opened from the core's key and sealed for the terminal alone. */
export async function stockPage(pool: pg.Pool, masterKey: Buffer, terminal: Terminal, q: PageQuery) {
  const { after, limit } = pageOf(q);
  const r = await pool.query(
    `SELECT serial, params, drift_steps, secret_enc, allotted_at, stock_rev AS rev FROM tokens
     WHERE terminal_id = $1 AND stock_rev > $2 AND state = 'IN_STOCK' AND secret_enc IS NOT NULL ORDER BY stock_rev LIMIT $3`,
    [terminal.terminalId, after, limit + 1],
  );
  return page(r.rows, after, limit, (t): StockItem => ({
    serial: t.serial,
    params: t.params,
    driftSteps: t.drift_steps,
    sealedSeed: sealForTerminal(terminal.publicKey, terminal.terminalId, t.serial, openAtRest(masterKey, t.secret_enc)),
    allottedAt: iso(t.allotted_at),
  }));
}
