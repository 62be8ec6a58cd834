/** Head office's reads and its own records: contracts, daily figures, states, journals, logs. */
import type pg from 'pg';
import { isCounterKind, JOURNAL_KINDS } from '../domain/journal-kinds';
import type { Account } from '../domain/sync-protocol';
import { inTransaction } from './database';
import { pageOf, type PageQuery } from './feeds';
import { takeRevisions } from './clock';
import { REJECTION_SELECT } from './push';
import { Refused } from './refused';

export interface ContractInput {
  contractId: string;
  nameKanji: string;
  nameKana: string;
  featurePhone: boolean;
  account?: Account;
}

/** Contracts as web banking knows them (an account given replaces the one held); the current token is the branches' to set. */
export async function putContracts(pool: pg.Pool, items: ContractInput[]) {
  await inTransaction(pool, async (tx) => {
    let rev = await takeRevisions(tx, items.length);
    await tx.query(
      `INSERT INTO contracts (contract_id, name_kanji, name_kana, feature_phone, account_branch, account_subject, account_number, updated_at, rev)
       SELECT u.id, u.kanji, u.kana, u.fp, u.ab, u.asub, u.an, now(), u.rev
       FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::text[], $8::bigint[]) AS u(id, kanji, kana, fp, ab, asub, an, rev)
       ON CONFLICT (contract_id) DO UPDATE SET name_kanji = EXCLUDED.name_kanji, name_kana = EXCLUDED.name_kana, feature_phone = EXCLUDED.feature_phone,
         account_branch = COALESCE(EXCLUDED.account_branch, contracts.account_branch), account_subject = COALESCE(EXCLUDED.account_subject, contracts.account_subject),
         account_number = COALESCE(EXCLUDED.account_number, contracts.account_number), updated_at = EXCLUDED.updated_at, rev = EXCLUDED.rev`,
      [
        items.map((c) => c.contractId),
        items.map((c) => c.nameKanji),
        items.map((c) => c.nameKana),
        items.map((c) => c.featurePhone),
        items.map((c) => c.account?.branchCode ?? null),
        items.map((c) => c.account?.subject ?? null),
        items.map((c) => c.account?.number ?? null),
        items.map(() => rev++),
      ],
    );
  });
  return { count: items.length };
}

const COUNTER_KINDS = Object.keys(JOURNAL_KINDS).filter(isCounterKind);
const JST = '+09:00';

/** One JST business day after `day` (YYYY-MM-DD), at midnight, as the ISO text entries carry. */
const jstMidnight = (day: string, plusDays = 0) => new Date(new Date(`${day}T00:00:00${JST}`).getTime() + plusDays * 86_400_000).toISOString();

/** Counter acts and fees per branch and JST day of the act; occurred_at is the terminal's ISO time. */
export async function dailyReport(pool: pg.Pool, from: string, to: string) {
  const r = await pool.query(
    `SELECT t.branch_code AS "branchCode", to_char(((j.occurred_at::timestamptz AT TIME ZONE 'UTC') + interval '9 hours')::date, 'YYYY-MM-DD') AS day,
            count(*) FILTER (WHERE kind = 'TOKEN_ISSUED')::int AS issued,
            count(*) FILTER (WHERE kind = 'TOKEN_EXCHANGED')::int AS exchanged,
            count(*) FILTER (WHERE kind = 'TOKEN_REISSUED_LOST')::int AS reissued,
            count(*) FILTER (WHERE kind = 'TOKEN_SUSPENDED')::int AS suspended,
            COALESCE(sum(amount), 0)::int AS fees
     FROM journal j JOIN terminals t USING (terminal_id)
     WHERE j.kind = ANY($1::text[]) AND j.occurred_at >= $2 AND j.occurred_at < $3
     GROUP BY 1, 2 ORDER BY 2, 1`,
    [COUNTER_KINDS, jstMidnight(from), jstMidnight(to, 1)],
  );
  return { items: r.rows };
}

export async function tokenStateReport(pool: pg.Pool) {
  const r = await pool.query('SELECT state, count(*)::int AS count FROM tokens GROUP BY state ORDER BY state');
  return { items: r.rows };
}

/** A terminal's journal as held, in the shape it was pushed in. */
export async function journalPage(pool: pg.Pool, terminalId: string, q: PageQuery) {
  const { after, limit } = pageOf(q);
  const known = await pool.query('SELECT 1 FROM terminals WHERE terminal_id = $1', [terminalId]);
  if (!known.rowCount) throw new Refused('NOT_FOUND', `端末 ${terminalId} は本部に登録されていません`);
  const r = await pool.query(
    `SELECT seq, format, kind, occurred_at, operator_id, receipt_no, receipt_sha256, serial, contract_id, amount, payload, prev_hash, hash, message, received_at
     FROM journal WHERE terminal_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [terminalId, after, limit + 1],
  );
  const rows = r.rows.slice(0, limit);
  return {
    items: rows.map(({ received_at, ...entry }) => ({ entry, receivedAt: received_at.toISOString() })),
    cursor: String(rows.length > 0 ? rows[rows.length - 1].seq : after),
    more: r.rows.length > limit,
  };
}

export async function allRejections(pool: pg.Pool) {
  const r = await pool.query(`${REJECTION_SELECT} ORDER BY recorded_at, terminal_id, seq`);
  return { items: r.rows.map((x) => ({ ...x, recordedAt: x.recordedAt.toISOString() })) };
}

export async function securityEvents(pool: pg.Pool, q: PageQuery) {
  const r = await pool.query(
    `SELECT at, code, terminal_id AS "terminalId", method, path, remote, detail FROM security_events ORDER BY id DESC LIMIT $1`,
    [pageOf(q).limit],
  );
  return { items: r.rows.map((x) => ({ ...x, at: x.at.toISOString() })) };
}

export async function logSecurityEvent(
  pool: pg.Pool,
  e: { code: string; terminalId: string | null; method: string; path: string; remote: string | null; detail: string | null },
): Promise<void> {
  await pool.query('INSERT INTO security_events (at, code, terminal_id, method, path, remote, detail) VALUES (now(), $1, $2, $3, $4, $5, $6)', [
    e.code,
    e.terminalId,
    e.method,
    e.path,
    e.remote,
    e.detail,
  ]);
}
