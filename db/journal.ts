import { createHash } from 'node:crypto';
import type { JournalKind } from '../domain/journal-kinds';
import type { Db } from './open';

export interface JournalInput {
  kind: JournalKind;
  occurredAt: string;
  operatorId: string;
  receiptNo?: string | null;
  serial?: string | null;
  contractId?: string | null;
  amount?: number | null;
  payload: Record<string, unknown>;
}

export interface JournalRow {
  seq: number;
  kind: string;
  occurred_at: string;
  operator_id: string;
  receipt_no: string | null;
  serial: string | null;
  contract_id: string | null;
  amount: number | null;
  payload: string;
  prev_hash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The hash covers every column but the hash itself, in a fixed order. */
export function entryHash(row: Omit<JournalRow, 'hash'>): string {
  const canonical = JSON.stringify([
    row.seq,
    row.kind,
    row.occurred_at,
    row.operator_id,
    row.receipt_no,
    row.serial,
    row.contract_id,
    row.amount,
    row.payload,
    row.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends one entry, chained to the last. Call inside the caller's transaction. */
export function appendJournal(db: Db, input: JournalInput): JournalRow {
  const last = db.prepare('SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const base = {
    seq: (last?.seq ?? 0) + 1,
    kind: input.kind,
    occurred_at: input.occurredAt,
    operator_id: input.operatorId,
    receipt_no: input.receiptNo ?? null,
    serial: input.serial ?? null,
    contract_id: input.contractId ?? null,
    amount: input.amount ?? null,
    payload: JSON.stringify(input.payload),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const row: JournalRow = { ...base, hash: entryHash(base) };
  db.prepare(
    `INSERT INTO journal (seq, kind, occurred_at, operator_id, receipt_no, serial, contract_id, amount, payload, prev_hash, hash)
     VALUES (@seq, @kind, @occurred_at, @operator_id, @receipt_no, @serial, @contract_id, @amount, @payload, @prev_hash, @hash)`,
  ).run(row);
  return row;
}

export type ChainVerdict =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number; reason: string };

/** Walks the chain from the first entry and names the first link that does not hold. */
export function verifyChain(db: Db): ChainVerdict {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const row of db.prepare('SELECT * FROM journal ORDER BY seq').iterate() as IterableIterator<JournalRow>) {
    count++;
    if (row.seq !== expectedSeq) return { ok: false, entries: count, brokenAt: expectedSeq, reason: `entry ${expectedSeq} is missing` };
    if (row.prev_hash !== prev) return { ok: false, entries: count, brokenAt: row.seq, reason: 'prev_hash does not match the previous entry' };
    if (entryHash(row) !== row.hash) return { ok: false, entries: count, brokenAt: row.seq, reason: 'entry content does not match its hash' };
    prev = row.hash;
    expectedSeq++;
  }
  return { ok: true, entries: count };
}
