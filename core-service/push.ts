import { createHash } from 'node:crypto';
import type pg from 'pg';
import { canonicalEntry } from '../domain/journal-chain';
import type { PushEntry, Rejection } from '../domain/sync-protocol';
import { inTransaction, type Tx } from './database';
import { Refused } from './refused';
import { touched } from '../domain/sync-moves';
import { applyToRegistry, type ContractRow, type RegistryChanges, type TokenRow } from './registry';

export interface PushOutcome {
  heldSeq: number;
  applied: number;
  skipped: number;
  rejections: Rejection[];
  /** A link that does not hold: the entries before it were kept. */
  broken?: { seq: number; reason: string };
}

const JOURNAL_COLUMNS = ['seq', 'format', 'kind', 'occurred_at', 'operator_id', 'receipt_no', 'receipt_sha256', 'serial', 'contract_id', 'amount', 'payload', 'prev_hash', 'hash'] as const;
const JOURNAL_TYPES = ['int', 'int', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'text', 'text', 'text'];

function entryHash(e: PushEntry): string {
  return createHash('sha256').update(canonicalEntry(e)).digest('hex');
}

/** The longest prefix of `fresh` whose every link holds, starting after `heldHash`. */
function verifiedPrefix(fresh: PushEntry[], heldHash: string): { ok: PushEntry[]; broken?: PushOutcome['broken'] } {
  let prev = heldHash;
  for (let i = 0; i < fresh.length; i++) {
    const e = fresh[i]!;
    if (e.prev_hash !== prev) return { ok: fresh.slice(0, i), broken: { seq: e.seq, reason: `entry ${e.seq}: prev_hash does not match the entry before it` } };
    if (entryHash(e) !== e.hash) return { ok: fresh.slice(0, i), broken: { seq: e.seq, reason: `entry ${e.seq}: its content does not match its hash` } };
    prev = e.hash;
  }
  return { ok: fresh };
}

/**
 * Applies one terminal's batch in one transaction, in few round trips (they, not the rows, cost
 * most on a busy server): lock the terminal's row, read what the registry holds, write it all in
 * one statement. The terminal's row is locked first, so that instances receiving the same batch
 * take turns and the second finds it held; the change clock next (for the registry), so that
 * every writer of the registry takes the locks in one order.
 */
export function applyBatch(pool: pg.Pool, terminalId: string, entries: PushEntry[]): Promise<PushOutcome> {
  entries.forEach((e, i) => {
    if (e.seq !== entries[0]!.seq + i) throw new Refused('BATCH_NOT_CONTIGUOUS', `バッチの連番が連続していません（${e.seq}）`);
  });
  return inTransaction(pool, async (tx) => {
    const head = await tx.query<{ held_seq: number; held_hash: string }>('SELECT held_seq, held_hash FROM terminals WHERE terminal_id = $1 FOR UPDATE', [terminalId]);
    const { held_seq: heldSeq, held_hash: heldHash } = head.rows[0]!;
    const held = entries.filter((e) => e.seq <= heldSeq);
    const fresh = entries.filter((e) => e.seq > heldSeq);
    await refuseIfHeldDiffer(tx, terminalId, held, heldSeq);
    if (fresh.length > 0 && fresh[0]!.seq !== heldSeq + 1) {
      throw new Refused('SEQUENCE_GAP', `連番 ${heldSeq + 1} から送ってください（届いたのは ${fresh[0]!.seq} から）`, { heldSeq });
    }
    const { ok, broken } = verifiedPrefix(fresh, heldHash);
    const changes = ok.length > 0 ? await registryChanges(tx, terminalId, ok) : null;
    if (changes) await write(tx, terminalId, ok, changes);
    const nowHeld = ok.length > 0 ? ok[ok.length - 1]!.seq : heldSeq;
    // Rejections of entries applied by an earlier attempt are read back; this batch's are known.
    const rejections =
      held.length > 0 || !changes
        ? await rejectionsBetween(tx, terminalId, entries[0]!.seq, entries[entries.length - 1]!.seq)
        : changes.rejections.map(({ serial, ...r }) => ({ ...r, serial: serial || null, recordedAt: new Date().toISOString() }));
    return { heldSeq: nowHeld, applied: ok.length, skipped: held.length, rejections, ...(broken ? { broken } : {}) };
  });
}

/** An entry the core holds must come again with the same hash: anything else is a chain that forked. */
async function refuseIfHeldDiffer(tx: Tx, terminalId: string, held: PushEntry[], heldSeq: number): Promise<void> {
  if (held.length === 0) return;
  const rows = await tx.query<{ seq: number; hash: string }>('SELECT seq, hash FROM journal WHERE terminal_id = $1 AND seq = ANY($2::int[])', [terminalId, held.map((e) => e.seq)]);
  const hashOf = new Map(rows.rows.map((r) => [r.seq, r.hash]));
  const differs = held.find((e) => hashOf.get(e.seq) !== e.hash);
  if (differs) {
    throw new Refused('CHAIN_BROKEN', `連番 ${differs.seq} は本部が受け取った記録と異なります`, { heldSeq, seq: differs.seq });
  }
}

type Changes = RegistryChanges & { firstRev: number };

/** What the batch does to the registry; when it touches it, the change clock is locked (and read) with the rows. */
async function registryChanges(tx: Tx, terminalId: string, entries: PushEntry[]): Promise<Changes> {
  const { serials, contractIds } = touched(entries);
  if (serials.length === 0) return { tokens: new Map(), contracts: new Map(), rejections: [], firstRev: 0 };
  const r = await tx.query<{ rev: number; contracts: (ContractRow & { contract_id: string })[]; tokens: (TokenRow & { serial: string })[] }>(
    `WITH clock AS (SELECT rev FROM change_clock WHERE id = 1 FOR UPDATE),
          c AS (SELECT contract_id, current_serial, feature_phone, name_kanji, name_kana, account_branch, account_subject, account_number
                FROM contracts WHERE contract_id = ANY($2::text[]))
     SELECT (SELECT rev FROM clock) AS rev,
            COALESCE((SELECT json_agg(c) FROM c), '[]') AS contracts,
            COALESCE((SELECT json_agg(t) FROM (SELECT serial, state, terminal_id, contract_id FROM tokens
              WHERE serial = ANY($1::text[]) OR serial IN (SELECT current_serial FROM c)) t), '[]') AS tokens`,
    [serials, contractIds],
  );
  const row = r.rows[0]!;
  const changes = applyToRegistry(terminalId, entries, new Map(row.tokens.map((t) => [t.serial, t])), new Map(row.contracts.map((c) => [c.contract_id, c])));
  return { ...changes, firstRev: row.rev + 1 };
}

/** The journal rows, the registry's changes, its rejections, the clock and the terminal's head, in one statement. */
async function write(tx: Tx, terminalId: string, entries: PushEntry[], changes: Changes): Promise<void> {
  let rev = changes.firstRev;
  const t = [...changes.tokens];
  const c = [...changes.contracts];
  const rj = changes.rejections;
  const last = entries[entries.length - 1]!;
  const params: unknown[] = [terminalId, last.seq, last.hash, t.length + c.length];
  const p = (v: unknown) => `$${params.push(v)}`;
  const journal = JOURNAL_COLUMNS.map((col, i) => `${p(entries.map((e) => e[col]))}::${JOURNAL_TYPES[i]}[]`).join(', ');
  const messages = p(entries.map((e) => (e.message === null ? null : JSON.stringify(e.message))));
  await tx.query(
    `WITH j AS (
       INSERT INTO journal (terminal_id, ${JOURNAL_COLUMNS.join(', ')}, message, received_at)
       SELECT $1, u.*, now() FROM unnest(${journal}, ${messages}::jsonb[]) AS u),
     t AS (
       INSERT INTO tokens (serial, state, terminal_id, contract_id, updated_at, rev)
       SELECT u.serial, u.state, u.terminal_id, u.contract_id, now(), u.rev
       FROM unnest(${p(t.map(([s]) => s))}::text[], ${p(t.map(([, r]) => r.state))}::text[], ${p(t.map(([, r]) => r.terminal_id))}::text[],
                   ${p(t.map(([, r]) => r.contract_id))}::text[], ${p(t.map(() => rev++))}::bigint[]) AS u(serial, state, terminal_id, contract_id, rev)
       ON CONFLICT (serial) DO UPDATE SET state = EXCLUDED.state, terminal_id = EXCLUDED.terminal_id,
         contract_id = EXCLUDED.contract_id, updated_at = EXCLUDED.updated_at, rev = EXCLUDED.rev),
     c AS (
       INSERT INTO contracts (contract_id, current_serial, feature_phone, name_kanji, name_kana, account_branch, account_subject, account_number, updated_at, rev)
       SELECT u.id, u.serial, u.fp, u.kanji, u.kana, u.ab, u.asub, u.an, now(), u.rev
       FROM unnest(${p(c.map(([id]) => id))}::text[], ${p(c.map(([, r]) => r.current_serial))}::text[], ${p(c.map(([, r]) => r.feature_phone))}::boolean[],
                   ${p(c.map(([, r]) => r.name_kanji))}::text[], ${p(c.map(([, r]) => r.name_kana))}::text[], ${p(c.map(([, r]) => r.account_branch))}::text[],
                   ${p(c.map(([, r]) => r.account_subject))}::text[], ${p(c.map(([, r]) => r.account_number))}::text[],
                   ${p(c.map(() => rev++))}::bigint[]) AS u(id, serial, fp, kanji, kana, ab, asub, an, rev)
       ON CONFLICT (contract_id) DO UPDATE SET current_serial = EXCLUDED.current_serial, feature_phone = EXCLUDED.feature_phone,
         name_kanji = EXCLUDED.name_kanji, name_kana = EXCLUDED.name_kana, account_branch = EXCLUDED.account_branch,
         account_subject = EXCLUDED.account_subject, account_number = EXCLUDED.account_number, updated_at = EXCLUDED.updated_at, rev = EXCLUDED.rev),
     r AS (
       INSERT INTO rejections (terminal_id, seq, serial, kind, code, message, recorded_at)
       SELECT $1, u.seq, u.serial, u.kind, u.code, u.message, now()
       FROM unnest(${p(rj.map((x) => x.seq))}::int[], ${p(rj.map((x) => x.serial))}::text[], ${p(rj.map((x) => x.kind))}::text[],
                   ${p(rj.map((x) => x.code))}::text[], ${p(rj.map((x) => x.message))}::text[]) AS u(seq, serial, kind, code, message)),
     -- The clock is moved only when the registry changed: other batches do not queue on its row.
     k AS (UPDATE change_clock SET rev = rev + $4::int WHERE id = 1 AND $4::int > 0)
     UPDATE terminals SET held_seq = $2, held_hash = $3, last_seen_at = now() WHERE terminal_id = $1`,
    params,
  );
}

export const REJECTION_SELECT = `SELECT terminal_id AS "terminalId", seq, kind, NULLIF(serial, '') AS serial, code, message, recorded_at AS "recordedAt" FROM rejections`;

async function rejectionsBetween(tx: Tx, terminalId: string, from: number, to: number): Promise<Rejection[]> {
  const r = await tx.query(`${REJECTION_SELECT} WHERE terminal_id = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq, serial`, [terminalId, from, to]);
  return r.rows.map(({ terminalId: _t, recordedAt, ...rest }) => ({ ...rest, recordedAt: new Date(recordedAt).toISOString() }));
}
