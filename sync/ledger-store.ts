import { touched } from '../domain/sync-moves';
import { URGENT_KINDS, type ContractItem, type Feed, type PushEntry, type Rejection, type TokenStateItem } from '../domain/sync-protocol';
import { applyBankContract, applyBankTokenState, receiveStock, type Unsent } from '../db/bank-repo';
import type { Db } from '../db/db';
import { appendJournal } from '../db/journal';
import { outboxPayload } from '../db/outbox-repo';
import type { SecretBox } from '../db/sealed-secret';
import {
  batchSerials,
  hasKindAfter,
  journalAfter,
  lastJournalSeq,
  markSentAndPrune,
  readCursor,
  readEnrolment,
  readProgress,
  recordRejections,
  saveCursor,
  saveEnrolment,
  saveHeldSeq,
  type JournalWithOutbox,
} from '../db/sync-repo';
import type { Enrolment, ReceivedStock, SyncStore } from './store';

/** How long a message the core acknowledged stays in the outbox, to be sent again should the core be restored from an older backup. */
export const OUTBOX_RETENTION_DAYS = 30;

/** A batch stops growing here: a large seed import's serials alone can fill one. */
const SERIALS_PER_BATCH = 50_000;

const ENROLMENT_CONTEXT = 'sync:enrolment';

interface Secrets {
  credential: string;
  privateKey: string;
}

/**
 * The SyncStore over the terminal's ledger (SQLite): each write is one transaction, so that a
 * restart resumes where the last one left. The journal goes out as stored, every hashed column
 * unchanged, with its counter message opened from the sealed outbox, and for a seed import the
 * serials it brought (never the seeds). What the bank sends back is applied without overwriting
 * a row that an entry not yet at the bank has changed.
 */
export class LedgerSyncStore implements SyncStore {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    private readonly now: () => Date,
    /** Set while a manager enrols the terminal: where the core is, and who enrols. */
    private readonly enrolling?: { coreUrl: string; operatorId: string },
  ) {}

  enrolment(): Enrolment | null {
    const e = readEnrolment(this.db);
    if (!e) return null;
    return { terminalId: e.terminalId, ...this.box.openJson<Secrets>(e.secretsEnc, `${ENROLMENT_CONTEXT}:${e.terminalId}`) };
  }

  saveEnrolment(e: Enrolment): void {
    if (!this.enrolling) throw new Error('an enrolment is saved only by the store made for it');
    const { coreUrl, operatorId } = this.enrolling;
    const at = this.now().toISOString();
    const secrets: Secrets = { credential: e.credential, privateKey: e.privateKey };
    this.db
      .transaction(() => {
        saveEnrolment(this.db, { coreUrl, terminalId: e.terminalId, secretsEnc: this.box.sealJson(secrets, `${ENROLMENT_CONTEXT}:${e.terminalId}`), enrolledAt: at, enrolledBy: operatorId });
        appendJournal(this.db, { kind: 'TERMINAL_ENROLLED', occurredAt: at, operatorId, payload: { terminalId: e.terminalId, coreUrl } });
      })
      .immediate();
  }

  acknowledgedSeq(): number {
    return readProgress(this.db).heldSeq;
  }

  lastSeq(): number {
    return lastJournalSeq(this.db);
  }

  entriesAfter(seq: number, limit: number): PushEntry[] {
    const out: PushEntry[] = [];
    let serials = 0;
    for (const row of journalAfter(this.db, seq, limit)) {
      const entry = this.toPush(row);
      const carried = entry.message?.serials;
      serials += Array.isArray(carried) ? carried.length : 0;
      if (out.length > 0 && serials > SERIALS_PER_BATCH) break;
      out.push(entry);
    }
    return out;
  }

  private toPush({ outbox_seq, outbox_payload, ...entry }: JournalWithOutbox): PushEntry {
    if (outbox_seq !== null && outbox_payload !== null) return { ...entry, message: outboxPayload(this.box, { seq: outbox_seq, payload: outbox_payload }) };
    if (entry.kind === 'SEED_IMPORTED') {
      const batchId = (JSON.parse(entry.payload) as { batchId: number }).batchId;
      return { ...entry, message: { type: entry.kind, batchId, serials: batchSerials(this.db, batchId) } };
    }
    // A counter message pruned after its retention (sent again only to a core restored from an old backup) goes without.
    return { ...entry, message: null };
  }

  hasUrgentAfter(seq: number): boolean {
    return hasKindAfter(this.db, seq, URGENT_KINDS);
  }

  acknowledge(heldSeq: number, rejections: Rejection[]): void {
    const now = this.now();
    const pruneBefore = new Date(now.getTime() - OUTBOX_RETENTION_DAYS * 86_400_000).toISOString();
    this.db
      .transaction(() => {
        saveHeldSeq(this.db, heldSeq);
        markSentAndPrune(this.db, heldSeq, now.toISOString(), pruneBefore);
        recordRejections(this.db, rejections);
      })
      .immediate();
  }

  cursor(feed: Feed): string {
    return readCursor(this.db, feed);
  }

  applyPage(feed: 'contracts' | 'token-states', items: unknown[], cursor: string): void {
    this.db
      .transaction(() => {
        const unsent = this.unsent();
        for (const item of items) {
          if (feed === 'contracts') applyBankContract(this.db, this.box, item as ContractItem, unsent);
          else applyBankTokenState(this.db, this.box, item as TokenStateItem, unsent);
        }
        saveCursor(this.db, feed, cursor, this.now().toISOString());
      })
      .immediate();
  }

  applyStock(items: ReceivedStock[], cursor: string): void {
    const at = this.now().toISOString();
    this.db
      .transaction(() => {
        receiveStock(this.db, this.box, items, at);
        saveCursor(this.db, 'stock', cursor, at);
      })
      .immediate();
  }

  /** The serials and contracts that entries the core does not hold yet will move (few: a pull follows a push). */
  private unsent(): Unsent {
    const { serials, contractIds } = touched(journalAfter(this.db, this.acknowledgedSeq(), Number.MAX_SAFE_INTEGER).map((row) => this.toPush(row)));
    return { serials: new Set(serials), contractRefs: new Set(contractIds.map((id) => this.box.contractRef(id))) };
  }
}
