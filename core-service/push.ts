import { createHash } from 'node:crypto';
import type pg from 'pg';
import { canonicalEntry } from '../domain/journal-chain';
import type { PushEntry, Rejection } from '../domain/sync-protocol';
import { lockClock, takeRevisions } from './clock';
import { inTransaction, type Tx } from './database';
import { Refused } from './refused';
import { applyToRegistry, touched, type ContractRow, type TokenRow } from './registry';

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
 * Applies one terminal's batch in one transaction. The terminal's row is locked first, so that
 * instances receiving the same batch take turns and the second finds it held; the change clock
 * next (for the registry), so that every writer of the registry takes the locks in one order.
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
    if (ok.length > 0) {
      await insertJournal(tx, terminalId, ok);
      await applyRegistry(tx, terminalId, ok);
      const last = ok[ok.length - 1]!;
      await tx.query('UPDATE terminals SET held_seq = $2, held_hash = $3, last_seen_at = now() WHERE terminal_id = $1', [terminalId, last.seq, last.hash]);
    }
    const nowHeld = ok.length > 0 ? ok[ok.length - 1]!.seq : heldSeq;
    const rejections = await rejectionsBetween(tx, terminalId, entries[0]!.seq, entries[entries.length - 1]!.seq);
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

async function insertJournal(tx: Tx, terminalId: string, entries: PushEntry[]): Promise<void> {
  const columns = JOURNAL_COLUMNS.map((c) => entries.map((e) => e[c]));
  const unnest = JOURNAL_TYPES.map((t, i) => `$${i + 2}::${t}[]`).join(', ');
  const messages = entries.map((e) => (e.message === null ? null : JSON.stringify(e.message)));
  await tx.query(
    `INSERT INTO journal (terminal_id, ${JOURNAL_COLUMNS.join(', ')}, message, received_at)
     SELECT $1, u.*, now() FROM unnest(${unnest}, $${JOURNAL_TYPES.length + 2}::jsonb[]) AS u`,
    [terminalId, ...columns, messages],
  );
}

async function applyRegistry(tx: Tx, terminalId: string, entries: PushEntry[]): Promise<void> {
  const { serials, contractIds } = touched(entries);
  if (serials.length === 0) return;
  await lockClock(tx);
  const contracts = await tx.query<ContractRow & { contract_id: string }>('SELECT contract_id, current_serial, feature_phone FROM contracts WHERE contract_id = ANY($1::text[])', [contractIds]);
  const current = contracts.rows.map((c) => c.current_serial).filter((s): s is string => s !== null);
  const tokens = await tx.query<TokenRow & { serial: string }>('SELECT serial, state, terminal_id, contract_id FROM tokens WHERE serial = ANY($1::text[])', [[...serials, ...current]]);
  const changes = applyToRegistry(
    terminalId,
    entries,
    new Map(tokens.rows.map((t) => [t.serial, t])),
    new Map(contracts.rows.map((c) => [c.contract_id, c])),
  );
  const n = changes.tokens.size + changes.contracts.size;
  if (n > 0) {
    let rev = await takeRevisions(tx, n);
    const t = [...changes.tokens];
    await tx.query(
      `INSERT INTO tokens (serial, state, terminal_id, contract_id, updated_at, rev)
       SELECT u.serial, u.state, u.terminal_id, u.contract_id, now(), u.rev
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[]) AS u(serial, state, terminal_id, contract_id, rev)
       ON CONFLICT (serial) DO UPDATE SET state = EXCLUDED.state, terminal_id = EXCLUDED.terminal_id,
         contract_id = EXCLUDED.contract_id, updated_at = EXCLUDED.updated_at, rev = EXCLUDED.rev`,
      [t.map(([s]) => s), t.map(([, r]) => r.state), t.map(([, r]) => r.terminal_id), t.map(([, r]) => r.contract_id), t.map(() => rev++)],
    );
    const c = [...changes.contracts];
    await tx.query(
      `INSERT INTO contracts (contract_id, current_serial, feature_phone, updated_at, rev)
       SELECT u.id, u.serial, u.fp, now(), u.rev FROM unnest($1::text[], $2::text[], $3::boolean[], $4::bigint[]) AS u(id, serial, fp, rev)
       ON CONFLICT (contract_id) DO UPDATE SET current_serial = EXCLUDED.current_serial,
         feature_phone = EXCLUDED.feature_phone, updated_at = EXCLUDED.updated_at, rev = EXCLUDED.rev`,
      [c.map(([id]) => id), c.map(([, r]) => r.current_serial), c.map(([, r]) => r.feature_phone), c.map(() => rev++)],
    );
  }
  const rj = changes.rejections;
  if (rj.length > 0) {
    await tx.query(
      `INSERT INTO rejections (terminal_id, seq, serial, kind, code, message, recorded_at)
       SELECT $1, u.seq, u.serial, u.kind, u.code, u.message, now() FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(seq, serial, kind, code, message)`,
      [terminalId, rj.map((r) => r.seq), rj.map((r) => r.serial), rj.map((r) => r.kind), rj.map((r) => r.code), rj.map((r) => r.message)],
    );
  }
}

export const REJECTION_SELECT = `SELECT terminal_id AS "terminalId", seq, kind, NULLIF(serial, '') AS serial, code, message, recorded_at AS "recordedAt" FROM rejections`;

async function rejectionsBetween(tx: Tx, terminalId: string, from: number, to: number): Promise<Rejection[]> {
  const r = await tx.query(`${REJECTION_SELECT} WHERE terminal_id = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq, serial`, [terminalId, from, to]);
  return r.rows.map(({ terminalId: _t, recordedAt, ...rest }) => ({ ...rest, recordedAt: new Date(recordedAt).toISOString() }));
}
