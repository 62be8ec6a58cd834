import { createHash } from 'node:crypto';
import type { Db } from './open';

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
  const r = db.prepare('SELECT MAX(receipt_seq) AS s FROM receipts').get() as { s: number | null };
  return r.s;
}

export function insertReceipt(
  db: Db,
  r: { receiptNo: string; receiptSeq: number; journalSeq: number; kind: string; issuedAt: string; document: string; pdf: Buffer },
): string {
  const sha256 = createHash('sha256').update(r.pdf).digest('hex');
  db.prepare(
    `INSERT INTO receipts (receipt_no, receipt_seq, journal_seq, kind, issued_at, document, pdf, sha256)
     VALUES (@receiptNo, @receiptSeq, @journalSeq, @kind, @issuedAt, @document, @pdf, @sha256)`,
  ).run({ ...r, sha256 });
  return sha256;
}

export function findReceipt(db: Db, receiptNo: string): StoredReceipt | null {
  const r = db
    .prepare(
      `SELECT receipt_no AS receiptNo, receipt_seq AS receiptSeq, kind, issued_at AS issuedAt, document, pdf, sha256
       FROM receipts WHERE receipt_no = ?`,
    )
    .get(receiptNo) as StoredReceipt | undefined;
  return r ?? null;
}

export function countPrints(db: Db, receiptNo: string, copy: string): { total: number; reprints: number } {
  return db
    .prepare(
      'SELECT COUNT(*) AS total, COALESCE(SUM(reprint), 0) AS reprints FROM receipt_prints WHERE receipt_no = ? AND copy = ?',
    )
    .get(receiptNo, copy) as { total: number; reprints: number };
}

export function recordPrint(
  db: Db,
  p: { receiptNo: string; reprint: boolean; copy: string; operatorId: string; printedAt: string },
): void {
  db.prepare(
    `INSERT INTO receipt_prints (receipt_no, reprint, copy, operator_id, printed_at)
     VALUES (@receiptNo, @reprint, @copy, @operatorId, @printedAt)`,
  ).run({ ...p, reprint: p.reprint ? 1 : 0 });
}
