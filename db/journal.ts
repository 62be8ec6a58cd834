import { createHash } from 'node:crypto';
import { canonicalEntry, GENESIS_HASH, JOURNAL_FORMAT, type ChainedEntry } from '../domain/journal-chain';
import { isCounterKind, type JournalKind } from '../domain/journal-kinds';
import type { Db } from './db';
import { sql } from './prepared';
import { sealContext } from './seal-at-rest';
import type { SecretBox } from './sealed-secret';

export interface JournalInput {
  kind: JournalKind;
  occurredAt: string;
  operatorId: string;
  receiptNo?: string | null;
  /** The printed receipt's SHA-256, so that the chain covers what the customer was handed. */
  receiptSha256?: string | null;
  serial?: string | null;
  /** The contract's keyed reference (SecretBox.contractRef): the ledger never holds the ID itself. */
  contractRef?: string | null;
  amount?: number | null;
  payload: Record<string, unknown>;
}

export interface JournalRow extends ChainedEntry {
  hash: string;
}

export { GENESIS_HASH };

/** The migration that sealed receipts at rest. */
const SEALED_SINCE = 7;

export function entryHash(row: ChainedEntry): string {
  return createHash('sha256').update(canonicalEntry(row)).digest('hex');
}

/** Appends one entry, chained to the last. Call inside the caller's transaction. */
export function appendJournal(db: Db, input: JournalInput): JournalRow {
  const last = sql(db, 'SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const base = {
    seq: (last?.seq ?? 0) + 1,
    format: JOURNAL_FORMAT,
    kind: input.kind,
    occurred_at: input.occurredAt,
    operator_id: input.operatorId,
    receipt_no: input.receiptNo ?? null,
    receipt_sha256: input.receiptSha256 ?? null,
    serial: input.serial ?? null,
    contract_id: input.contractRef ?? null,
    amount: input.amount ?? null,
    payload: JSON.stringify(input.payload),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const row: JournalRow = { ...base, hash: entryHash(base) };
  sql(
    db,
    `INSERT INTO journal (seq, format, kind, occurred_at, operator_id, receipt_no, receipt_sha256, serial, contract_id, amount, payload, prev_hash, hash)
     VALUES (@seq, @format, @kind, @occurred_at, @operator_id, @receipt_no, @receipt_sha256, @serial, @contract_id, @amount, @payload, @prev_hash, @hash)`,
  ).run(row);
  return row;
}

export type ChainVerdict =
  | { ok: true; entries: number; receiptsChecked: boolean }
  | { ok: false; entries: number; brokenAt: number; reason: string };

type ReceiptCheck = { receipt_no: string; sha256: string; pdf: Buffer };

/**
 * Walks the chain from the first entry and names the first link that does not hold: a missing
 * entry, an edited one, or a receipt whose stored PDF is not the one its entry was chained with.
 * Receipts are sealed since migration 7: without the data key (`box`) their PDFs cannot be checked.
 * A walk goes `step(n)` entries at a time, so that a long ledger can be checked in slices.
 */
export class ChainWalk {
  private prev = GENESIS_HASH;
  private expectedSeq = 1;
  private count = 0;
  private verdict: ChainVerdict | null = null;
  private readonly sealed: boolean;
  private readonly checkReceipts: boolean;
  private readonly page;
  private readonly receiptOf;
  /** Entries when the walk began, for progress (the counter may append more meanwhile). */
  readonly total: number;

  constructor(
    private readonly db: Db,
    private readonly box?: SecretBox,
  ) {
    this.sealed = (db.pragma('user_version', { simple: true }) as number) >= SEALED_SINCE;
    this.checkReceipts = !this.sealed || box !== undefined;
    this.page = db.prepare('SELECT * FROM journal WHERE seq >= ? ORDER BY seq LIMIT ?');
    this.receiptOf = db.prepare('SELECT receipt_no, sha256, pdf FROM receipts WHERE journal_seq = ?');
    this.total = (db.prepare('SELECT COUNT(*) AS n FROM journal').get() as { n: number }).n;
  }

  get checked(): number {
    return this.count;
  }

  /** Checks up to `n` more entries; the verdict once the walk is over, else null. */
  step(n: number): ChainVerdict | null {
    if (this.verdict) return this.verdict;
    const rows = this.page.all(this.expectedSeq, n) as JournalRow[];
    for (const row of rows) {
      this.count++;
      const problem = this.problem(row);
      if (problem) return (this.verdict = { ok: false, entries: this.count, brokenAt: problem.seq, reason: problem.reason });
      this.prev = row.hash;
      this.expectedSeq++;
    }
    // Fewer rows than asked for: the end (a gap before it is found as a seq out of order).
    if (rows.length < n) this.verdict = { ok: true, entries: this.count, receiptsChecked: this.checkReceipts };
    return this.verdict;
  }

  private problem(row: JournalRow): { seq: number; reason: string } | null {
    if (row.seq !== this.expectedSeq) return { seq: this.expectedSeq, reason: `entry ${this.expectedSeq} is missing` };
    if (row.prev_hash !== this.prev) return { seq: row.seq, reason: 'prev_hash does not match the previous entry' };
    if (entryHash(row) !== row.hash) return { seq: row.seq, reason: 'entry content does not match its hash' };
    if (!printedWith(row) || !this.checkReceipts) return null;
    const receipt = this.receiptOf.get(row.seq) as ReceiptCheck | undefined;
    const problem = receiptProblem(row, receipt && this.sealed && this.box ? { ...receipt, pdf: openPdf(this.box, receipt) } : receipt);
    return problem ? { seq: row.seq, reason: `receipt ${row.receipt_no}: ${problem}` } : null;
  }
}

export function verifyChain(db: Db, box?: SecretBox): ChainVerdict {
  const walk = new ChainWalk(db, box);
  for (;;) {
    const verdict = walk.step(10_000);
    if (verdict) return verdict;
  }
}

/**
 * Whether the entry printed a receipt of its own (a counter transaction), rather than naming one
 * (a reprint): since format 2 such an entry carries the receipt's SHA-256.
 */
function printedWith(row: JournalRow): boolean {
  return row.format === 1 ? row.receipt_no !== null && isCounterKind(row.kind) : row.receipt_sha256 !== null;
}

/** Format 2 entries hold the receipt's SHA-256; format 1 ones can only be checked against the receipt's own. */
function receiptProblem(row: JournalRow, receipt: ReceiptCheck | undefined): string | null {
  if (!receipt) return 'the stored receipt is missing';
  if (receipt.receipt_no !== row.receipt_no) return 'the stored receipt has another number';
  const actual = createHash('sha256').update(receipt.pdf).digest('hex');
  const expected = row.format === 1 ? receipt.sha256 : row.receipt_sha256;
  if (actual !== expected) return 'the stored PDF is not the one that was printed (SHA-256 differs)';
  if (receipt.sha256 !== actual) return 'the stored SHA-256 does not match the stored PDF';
  return null;
}

/** The printed PDF inside a sealed one; a PDF sealed for another receipt, or altered, opens as nothing. */
function openPdf(box: SecretBox, r: ReceiptCheck): Buffer {
  try {
    return Buffer.from(box.open(r.pdf, sealContext.receipt(r.receipt_no)));
  } catch {
    return Buffer.alloc(0);
  }
}
