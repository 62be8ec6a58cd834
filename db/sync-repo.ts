import type { Rejection } from '../domain/sync-protocol';
import type { Db } from './db';
import type { JournalRow } from './journal';
import { sql } from './prepared';

/** The terminal's enrolment at the core service; its secrets (credential, private key) stay sealed here. */
export interface StoredEnrolment {
  coreUrl: string;
  terminalId: string;
  secretsEnc: Buffer;
  enrolledAt: string;
  enrolledBy: string;
}

export function readEnrolment(db: Db): StoredEnrolment | null {
  const r = sql(
    db,
    'SELECT core_url AS coreUrl, terminal_id AS terminalId, secrets_enc AS secretsEnc, enrolled_at AS enrolledAt, enrolled_by AS enrolledBy FROM sync_enrolment WHERE id = 1',
  ).get() as StoredEnrolment | undefined;
  return r ?? null;
}

/** Enrolling again (a new code after a revocation, a new PC) replaces the one before. */
export function saveEnrolment(db: Db, e: StoredEnrolment): void {
  sql(
    db,
    `INSERT INTO sync_enrolment (id, core_url, terminal_id, secrets_enc, enrolled_at, enrolled_by) VALUES (1, @coreUrl, @terminalId, @secretsEnc, @enrolledAt, @enrolledBy)
     ON CONFLICT (id) DO UPDATE SET core_url = excluded.core_url, terminal_id = excluded.terminal_id, secrets_enc = excluded.secrets_enc,
       enrolled_at = excluded.enrolled_at, enrolled_by = excluded.enrolled_by`,
  ).run(e);
}

export interface SyncProgress {
  heldSeq: number;
  offlineSince: string | null;
  lastSyncAt: string | null;
}

export function readProgress(db: Db): SyncProgress {
  const r = sql(db, 'SELECT held_seq AS heldSeq, offline_since AS offlineSince, last_sync_at AS lastSyncAt FROM sync_progress WHERE id = 1').get() as SyncProgress | undefined;
  return r ?? { heldSeq: 0, offlineSince: null, lastSyncAt: null };
}

export function saveHeldSeq(db: Db, heldSeq: number): void {
  sql(db, 'INSERT INTO sync_progress (id, held_seq) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET held_seq = excluded.held_seq').run(heldSeq);
}

export function saveStatus(db: Db, s: Omit<SyncProgress, 'heldSeq'>): void {
  sql(
    db,
    `INSERT INTO sync_progress (id, held_seq, offline_since, last_sync_at) VALUES (1, 0, @offlineSince, @lastSyncAt)
     ON CONFLICT (id) DO UPDATE SET offline_since = excluded.offline_since, last_sync_at = excluded.last_sync_at`,
  ).run(s);
}

export function readCursor(db: Db, feed: string): string {
  return (sql(db, 'SELECT cursor FROM sync_cursors WHERE feed = ?').get(feed) as { cursor: string } | undefined)?.cursor ?? '0';
}

export function saveCursor(db: Db, feed: string, cursor: string, at: string): void {
  sql(db, 'INSERT INTO sync_cursors (feed, cursor, pulled_at) VALUES (?, ?, ?) ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor, pulled_at = excluded.pulled_at').run(
    feed,
    cursor,
    at,
  );
}

/** When this feed was last read to its end from the bank (null: never). */
export function pulledAt(db: Db, feed: string): string | null {
  return (sql(db, 'SELECT pulled_at AS at FROM sync_cursors WHERE feed = ?').get(feed) as { at: string } | undefined)?.at ?? null;
}

/** A journal entry as stored, with its counter message still sealed (outbox). */
export type JournalWithOutbox = JournalRow & { outbox_seq: number | null; outbox_payload: Buffer | null };

export function journalAfter(db: Db, seq: number, limit: number): JournalWithOutbox[] {
  return sql(
    db,
    `SELECT j.seq, j.format, j.kind, j.occurred_at, j.operator_id, j.receipt_no, j.receipt_sha256, j.serial, j.contract_id, j.amount, j.payload, j.prev_hash, j.hash,
            o.seq AS outbox_seq, o.payload AS outbox_payload
     FROM journal j LEFT JOIN outbox o ON o.journal_seq = j.seq WHERE j.seq > ? ORDER BY j.seq LIMIT ?`,
  ).all(seq, limit) as JournalWithOutbox[];
}

export function lastJournalSeq(db: Db): number {
  return (sql(db, 'SELECT MAX(seq) AS s FROM journal').get() as { s: number | null }).s ?? 0;
}

export function hasKindAfter(db: Db, seq: number, kinds: readonly string[]): boolean {
  return kinds.some((kind) => sql(db, 'SELECT 1 FROM journal WHERE kind = ? AND seq > ? LIMIT 1').get(kind, seq) !== undefined);
}

/** The serials a seed import brought in, to register them with the bank. */
export function batchSerials(db: Db, batchId: number): string[] {
  return (sql(db, 'SELECT serial FROM tokens WHERE batch_id = ? ORDER BY serial').all(batchId) as { serial: string }[]).map((r) => r.serial);
}

/**
 * The core holds the journal up to `heldSeq`: its messages are marked sent, and messages sent
 * before `pruneBefore` are deleted (the journal keeps everything; the last row stays, so that
 * outbox numbers are never given twice).
 */
export function markSentAndPrune(db: Db, heldSeq: number, at: string, pruneBefore: string): void {
  sql(db, 'UPDATE outbox SET sent_at = ? WHERE journal_seq <= ? AND sent_at IS NULL').run(at, heldSeq);
  sql(db, 'DELETE FROM outbox WHERE sent_at < ? AND seq < (SELECT MAX(seq) FROM outbox)').run(pruneBefore);
}

export function recordRejections(db: Db, rejections: Rejection[]): void {
  const insert = sql(
    db,
    `INSERT INTO sync_rejections (seq, serial, kind, code, message, recorded_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (seq, serial) DO NOTHING`,
  );
  for (const r of rejections) insert.run(r.seq, r.serial ?? '', r.kind, r.code, r.message, r.recordedAt);
}

export interface StoredRejection {
  seq: number;
  serial: string | null;
  kind: string;
  code: string;
  message: string;
  recordedAt: string;
  occurredAt: string;
  receiptNo: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
}

/** Open rejections first, then the latest resolved ones. */
export function listRejections(db: Db, limit: number): StoredRejection[] {
  return sql(
    db,
    `SELECT r.seq, NULLIF(r.serial, '') AS serial, r.kind, r.code, r.message, r.recorded_at AS recordedAt, j.occurred_at AS occurredAt, j.receipt_no AS receiptNo,
            r.resolved_at AS resolvedAt, r.resolved_by AS resolvedBy, r.resolution
     FROM sync_rejections r JOIN journal j ON j.seq = r.seq
     ORDER BY r.resolved_at IS NOT NULL, COALESCE(r.resolved_at, '') DESC, r.seq LIMIT ?`,
  ).all(limit) as StoredRejection[];
}

export function openRejectionCount(db: Db): number {
  return (sql(db, 'SELECT COUNT(*) AS n FROM sync_rejections WHERE resolved_at IS NULL').get() as { n: number }).n;
}

/** False when there is no such open rejection. */
export function resolveRejection(db: Db, r: { seq: number; serial: string | null; by: string; at: string; resolution: string }): boolean {
  return (
    sql(db, "UPDATE sync_rejections SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE seq = ? AND serial = ? AND resolved_at IS NULL").run(
      r.at,
      r.by,
      r.resolution,
      r.seq,
      r.serial ?? '',
    ).changes === 1
  );
}
