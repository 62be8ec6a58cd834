import type { Db } from './db';
import { sql } from './prepared';

export interface ClosedDay {
  businessDate: string;
  closeSeq: number;
  closedBy: string;
  closedAt: string;
  reportSha256: string;
  reopenedSeq: number | null;
}

const SELECT = `SELECT business_date AS businessDate, close_seq AS closeSeq, closed_by AS closedBy, closed_at AS closedAt,
  report_sha256 AS reportSha256, reopened_seq AS reopenedSeq FROM business_days`;

/** The last close still in force (a reopened day's close no longer is), or null before the first. */
export function lastClose(db: Db): ClosedDay | null {
  return (sql(db, `${SELECT} WHERE reopened_seq IS NULL ORDER BY close_seq DESC LIMIT 1`).get() as ClosedDay | undefined) ?? null;
}

/** The day a manager reopened and has not closed again, if any: new work belongs to it. */
export function reopenedDay(db: Db): ClosedDay | null {
  const latest = sql(db, `${SELECT} ORDER BY COALESCE(reopened_seq, close_seq) DESC LIMIT 1`).get() as ClosedDay | undefined;
  return latest?.reopenedSeq != null ? latest : null;
}

export function findClosedDay(db: Db, businessDate: string): ClosedDay | null {
  return (sql(db, `${SELECT} WHERE business_date = ?`).get(businessDate) as ClosedDay | undefined) ?? null;
}

/** A close, or a day closed again after it was reopened (its previous close stays in the journal). */
export function saveClose(db: Db, c: { businessDate: string; closeSeq: number; closedBy: string; closedAt: string; pdf: Buffer; sha256: string }): void {
  sql(
    db,
    `INSERT INTO business_days (business_date, close_seq, closed_by, closed_at, report_pdf, report_sha256)
     VALUES (@businessDate, @closeSeq, @closedBy, @closedAt, @pdf, @sha256)
     ON CONFLICT (business_date) DO UPDATE SET close_seq = excluded.close_seq, closed_by = excluded.closed_by,
       closed_at = excluded.closed_at, report_pdf = excluded.report_pdf, report_sha256 = excluded.report_sha256, reopened_seq = NULL`,
  ).run(c);
}

export function markReopened(db: Db, businessDate: string, seq: number): void {
  sql(db, 'UPDATE business_days SET reopened_seq = ? WHERE business_date = ?').run(seq, businessDate);
}

export function closeReport(db: Db, businessDate: string): Buffer | null {
  return (sql(db, 'SELECT report_pdf AS pdf FROM business_days WHERE business_date = ?').get(businessDate) as { pdf: Buffer } | undefined)?.pdf ?? null;
}
