/**
 * A terminal for the sync tests: a hash-chained journal in memory, built with the domain's
 * canonical form as the ledger builds it, behind the SyncStore interface the real ledger will
 * implement in phase 2.
 */
import { createHash } from 'node:crypto';
import { canonicalEntry, GENESIS_HASH, JOURNAL_FORMAT, type ChainedEntry } from '../../domain/journal-chain';
import { URGENT_KINDS, type ContractItem, type Feed, type PushEntry, type Rejection, type TokenStateItem } from '../../domain/sync-protocol';
import type { Enrolment, ReceivedStock, SyncStore } from '../../sync/store';

export class MemoryStore implements SyncStore {
  journal: PushEntry[] = [];
  ack = 0;
  rejections: Rejection[] = [];
  enrolled: Enrolment | null = null;
  cursors: Record<Feed, string> = { contracts: '0', 'token-states': '0', stock: '0' };
  contracts = new Map<string, ContractItem>();
  tokenStates = new Map<string, TokenStateItem>();
  stock = new Map<string, ReceivedStock>();

  constructor(readonly terminalId: string) {}

  /** Appends one chained entry; counter kinds carry their outbox message as the services write it. */
  append(kind: string, fields: Partial<Omit<ChainedEntry, 'seq' | 'kind' | 'prev_hash'>> = {}, message: Record<string, unknown> | null = null): PushEntry {
    const last = this.journal[this.journal.length - 1];
    const base: ChainedEntry = {
      seq: (last?.seq ?? 0) + 1,
      format: JOURNAL_FORMAT,
      kind,
      occurred_at: new Date().toISOString(),
      operator_id: 'T001',
      receipt_no: null,
      receipt_sha256: null,
      serial: null,
      contract_id: null,
      amount: null,
      payload: '{}',
      prev_hash: last?.hash ?? GENESIS_HASH,
      ...fields,
    };
    const entry: PushEntry = { ...base, hash: createHash('sha256').update(canonicalEntry(base)).digest('hex'), message };
    this.journal.push(entry);
    return entry;
  }

  /** A counter act's entry with its message, e.g. TOKEN_ISSUED { serial, contractId, … }. */
  counter(kind: string, serial: string, contractId: string, extra: Record<string, unknown> = {}): PushEntry {
    const seq = this.journal.length + 1;
    const receiptNo = `${this.terminalId}-${String(seq).padStart(6, '0')}`;
    const at = new Date().toISOString();
    const amount = kind === 'TOKEN_ISSUED' || kind === 'TOKEN_REISSUED_LOST' ? 2200 : 0;
    return this.append(
      kind,
      { serial, contract_id: contractId, amount, receipt_no: receiptNo, receipt_sha256: createHash('sha256').update(receiptNo).digest('hex'), occurred_at: at, payload: JSON.stringify(extra) },
      { type: kind, terminal: this.terminalId, receiptNo, occurredAt: at, operatorId: 'T001', seq, contractId, ...extra },
    );
  }

  issue(serial: string, contractId: string): PushEntry {
    return this.counter('TOKEN_ISSUED', serial, contractId, { serial, featurePhone: false, fee: 2200, payment: 'CASH' });
  }

  /** A day's mix of `n` entries: logins and logouts, and one issuance in ten of a serial named after `tag`. */
  day(n: number, tag: string): void {
    for (let i = 0; i < n; i++) {
      if (i % 10 === 9) this.issue(`${tag}${String(i).padStart(12 - tag.length, '0')}`, `${tag}C${i}`);
      else this.ordinary(1);
    }
  }

  /** `n` ordinary entries (logins, logouts, stock resyncs), as most of a day's journal is. */
  ordinary(n: number): void {
    for (let i = 0; i < n; i++) this.append(i % 2 === 0 ? 'LOGIN' : 'LOGOUT', { payload: JSON.stringify({ i }) });
  }

  enrolment() {
    return this.enrolled;
  }
  saveEnrolment(e: Enrolment) {
    this.enrolled = e;
  }
  acknowledgedSeq() {
    return this.ack;
  }
  lastSeq() {
    return this.journal.length;
  }
  entriesAfter(seq: number, limit: number) {
    return this.journal.slice(seq, seq + limit);
  }
  hasUrgentAfter(seq: number) {
    return this.journal.slice(seq).some((e) => URGENT_KINDS.includes(e.kind));
  }
  acknowledge(heldSeq: number, rejections: Rejection[]) {
    this.ack = heldSeq;
    for (const r of rejections) if (!this.rejections.some((x) => x.seq === r.seq && x.serial === r.serial)) this.rejections.push(r);
  }
  cursor(feed: Feed) {
    return this.cursors[feed];
  }
  applyPage(feed: 'contracts' | 'token-states', items: unknown[], cursor: string) {
    for (const item of items) {
      if (feed === 'contracts') this.contracts.set((item as ContractItem).contractId, item as ContractItem);
      else this.tokenStates.set((item as TokenStateItem).serial, item as TokenStateItem);
    }
    this.cursors[feed] = cursor;
  }
  applyStock(items: ReceivedStock[], cursor: string) {
    for (const s of items) this.stock.set(s.serial, s);
    this.cursors.stock = cursor;
  }
}
