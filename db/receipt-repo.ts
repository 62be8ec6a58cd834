import type { Db } from './db';
import { sql } from './prepared';
import { sealContext } from './seal-at-rest';
import type { SecretBox } from './sealed-secret';

export interface StoredReceipt {
  receiptNo: string;
  receiptSeq: number;
  kind: string;
  issuedAt: string;
  document: string;
  pdf: Buffer;
  sha256: string;
}

export function lastReceiptSeq(db: Db): number | null {
  const r = sql(db, 'SELECT MAX(receipt_seq) AS s FROM receipts').get() as { s: number | null };
  return r.s;
}

/**
 * Stores a receipt as printed, its PDF and its data sealed (they carry the customer's contract);
 * `sha256` is the printed PDF's, the one its journal entry was chained with.
 */
export function insertReceipt(
  db: Db,
  box: SecretBox,
  r: { receiptNo: string; receiptSeq: number; journalSeq: number; kind: string; issuedAt: string; document: string; pdf: Buffer; sha256: string },
): void {
  const context = sealContext.receipt(r.receiptNo);
  sql(
    db,
    `INSERT INTO receipts (receipt_no, receipt_seq, journal_seq, kind, issued_at, document, pdf, sha256)
     VALUES (@receiptNo, @receiptSeq, @journalSeq, @kind, @issuedAt, @document, @pdf, @sha256)`,
  ).run({ ...r, document: box.seal(Buffer.from(r.document, 'utf8'), context), pdf: box.seal(r.pdf, context) });
}

/** A receipt as printed (opened with the data key). */
export function findReceipt(db: Db, box: SecretBox, receiptNo: string): StoredReceipt | null {
  const r = sql(
    db,
    `SELECT receipt_no AS receiptNo, receipt_seq AS receiptSeq, kind, issued_at AS issuedAt, document, pdf, sha256
     FROM receipts WHERE receipt_no = ?`,
  ).get(receiptNo) as (Omit<StoredReceipt, 'document'> & { document: Buffer }) | undefined;
  if (!r) return null;
  const context = sealContext.receipt(r.receiptNo);
  return { ...r, document: Buffer.from(box.open(r.document, context)).toString('utf8'), pdf: Buffer.from(box.open(r.pdf, context)) };
}

export function countPrints(db: Db, receiptNo: string, copy: string): { total: number; reprints: number } {
  return sql(db, 
      'SELECT COUNT(*) AS total, COALESCE(SUM(reprint), 0) AS reprints FROM receipt_prints WHERE receipt_no = ? AND copy = ?',
    )
    .get(receiptNo, copy) as { total: number; reprints: number };
}

export function recordPrint(
  db: Db,
  p: { receiptNo: string; reprint: boolean; copy: string; copies: number; operatorId: string; printedAt: string },
): void {
  sql(db, 
    `INSERT INTO receipt_prints (receipt_no, reprint, copy, copies, operator_id, printed_at)
     VALUES (@receiptNo, @reprint, @copy, @copies, @operatorId, @printedAt)`,
  ).run({ ...p, reprint: p.reprint ? 1 : 0 });
}
