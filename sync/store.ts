import type { Feed, PushEntry, Rejection } from '../domain/sync-protocol';
import type { OtpParams } from '../domain/types';

/** What enrolment leaves on the terminal: kept like the seed key, never in the database in the clear. */
export interface Enrolment {
  terminalId: string;
  /** The HMAC key, base64url. */
  credential: string;
  /** The terminal's X25519 private key (PKCS#8 DER, base64url); sealed seeds open with it. */
  privateKey: string;
}

/** A seed of this terminal's allotment, opened: the store seals it with its own data key at once. */
export interface ReceivedStock {
  serial: string;
  params: OtpParams;
  driftSteps: number;
  secret: Uint8Array;
}

/**
 * What the sync needs from the terminal's ledger. Methods may answer at once (SQLite) or
 * later; each write is one transaction of the store's, so that a restart resumes where it was.
 */
export interface SyncStore {
  enrolment(): Enrolment | null | Promise<Enrolment | null>;
  saveEnrolment(e: Enrolment): void | Promise<void>;
  /** The highest sequence the core has said it holds (0 before the first push). */
  acknowledgedSeq(): number | Promise<number>;
  /** The journal's last sequence. */
  lastSeq(): number | Promise<number>;
  /** Up to `limit` journal entries after `seq`, in order, each with its counter message. */
  entriesAfter(seq: number, limit: number): PushEntry[] | Promise<PushEntry[]>;
  /** Whether an urgent entry (URGENT_KINDS) waits after `seq`. */
  hasUrgentAfter(seq: number): boolean | Promise<boolean>;
  /** The core holds everything up to `heldSeq`; `rejections` are business conflicts for the manager. */
  acknowledge(heldSeq: number, rejections: Rejection[]): void | Promise<void>;
  cursor(feed: Feed): string | Promise<string>;
  /** Applies one page of a feed and keeps its cursor, in one transaction. */
  applyPage(feed: 'contracts' | 'token-states', items: unknown[], cursor: string): void | Promise<void>;
  applyStock(items: ReceivedStock[], cursor: string): void | Promise<void>;
}
