import { formatReceiptNo, nextReceiptSeq } from '../domain/receipt-number';
import type { JournalInput } from '../db/journal';
import { appendJournal } from '../db/journal';
import { enqueueOutbox } from '../db/outbox-repo';
import { insertReceipt, lastReceiptSeq } from '../db/receipt-repo';
import type { CounterDocument } from '../templates/counter-document';
import type { Branch } from './contract';
import { toStored } from './documents';
import { ServiceFailure } from './failures';
import type { Ports } from './ports';

/** Thrown inside the transaction when another writer took the receipt number we rendered. */
class ReceiptNumberTaken extends Error {}

export interface CounterTransaction {
  branch: Branch;
  at: Date;
  /** The printed document for this receipt number. */
  document: (receiptNo: string) => CounterDocument;
  /** Re-checks state and writes the token, contract and OTP changes; runs inside the transaction. */
  apply: () => void;
  journal: (receiptNo: string) => JournalInput;
  outbox: { kind: string; urgent: boolean; payload: (receiptNo: string) => Record<string, unknown> };
}

/**
 * One counter transaction = one SQLite transaction: the caller's state changes, the journal
 * entry, the receipt (number, PDF, SHA-256) and the outbox row commit together or not at all.
 * The PDF is rendered before the transaction (pdfkit is asynchronous), so the number it
 * carries is checked again inside; if another writer took it, render again with the next.
 */
export async function commitCounterTransaction(p: Ports, t: CounterTransaction): Promise<{ receiptNo: string; acceptedAt: string }> {
  const at = t.at.toISOString();
  for (let attempt = 0; attempt < 3; attempt++) {
    const receiptSeq = nextReceiptSeq(lastReceiptSeq(p.db));
    const receiptNo = formatReceiptNo(t.branch.branchCode, t.branch.terminalNo, receiptSeq);
    const doc = t.document(receiptNo);
    const pdf = await p.renderDocument(doc);
    try {
      p.db.transaction(() => {
        if (nextReceiptSeq(lastReceiptSeq(p.db)) !== receiptSeq) throw new ReceiptNumberTaken();
        t.apply();
        const entry = appendJournal(p.db, { ...t.journal(receiptNo), occurredAt: at, receiptNo });
        insertReceipt(p.db, { receiptNo, receiptSeq, journalSeq: entry.seq, kind: entry.kind, issuedAt: at, document: JSON.stringify(toStored(doc)), pdf });
        enqueueOutbox(p.db, {
          journalSeq: entry.seq,
          kind: t.outbox.kind,
          urgent: t.outbox.urgent,
          payload: { type: t.outbox.kind, terminal: `${t.branch.branchCode}-${t.branch.terminalNo}`, receiptNo, occurredAt: at, ...t.outbox.payload(receiptNo) },
          createdAt: at,
        });
      }).immediate();
      return { receiptNo, acceptedAt: at };
    } catch (e) {
      if (!(e instanceof ReceiptNumberTaken)) throw e;
    }
  }
  throw new ServiceFailure('BUSY', '他の端末の処理と重なりました。もう一度「確定」を押してください。');
}
