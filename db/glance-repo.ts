/**
 * What the managers' 概況 reads, each bounded by a kept count or an index (migration 11), so that
 * a view costs the same in a branch's tenth year as in its first.
 */
import type { Db } from './db';
import { sql } from './prepared';
import type { TokenState } from '../domain/types';

// Live tokens (LIVE_STATES) through the partial index, named: without stats SQLite would rather walk
// tokens_state_serial over every live token, and INDEXED BY fails loudly if the index cannot serve.
const AGED = "FROM tokens INDEXED BY tokens_live_issued WHERE state IN ('ISSUED', 'ACTIVE') AND issued_at < ?";

/** The statements, as their plans are tested (tests/integration/db/glance-repo.test.ts). */
export const GLANCE_SQL = {
  dayCounts: 'SELECT day, kind, n FROM journal_day_counts WHERE day BETWEEN ? AND ? ORDER BY day',
  tokensIssuedBefore: `SELECT serial, state, issued_at AS issuedAt, contract_ref AS contractRef ${AGED} ORDER BY issued_at LIMIT ?`,
  countTokensIssuedBefore: `SELECT COUNT(*) AS n FROM (SELECT 1 ${AGED} LIMIT ?)`,
};

/** Entries per day (Japan time) and kind, from the counts the journal's insert trigger keeps: days × kinds rows. */
export function dayCounts(db: Db, fromDay: string, toDay: string): Array<{ day: string; kind: string; n: number }> {
  return sql(db, GLANCE_SQL.dayCounts).all(fromDay, toDay) as Array<{ day: string; kind: string; n: number }>;
}

export interface AgedToken {
  serial: string;
  state: TokenState;
  issuedAt: string;
  contractRef: string | null;
}

/** Live tokens handed out before `before`, oldest first: a walk along the index, never over the stock's history. */
export function tokensIssuedBefore(db: Db, before: string, limit: number): AgedToken[] {
  return sql(db, GLANCE_SQL.tokensIssuedBefore).all(before, limit) as AgedToken[];
}

/** How many, counted in the same index up to `upTo`: a count of every old token would grow with them. */
export function countTokensIssuedBefore(db: Db, before: string, upTo: number): number {
  return (sql(db, GLANCE_SQL.countTokensIssuedBefore).get(before, upTo) as { n: number }).n;
}
