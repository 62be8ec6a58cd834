import { createHash } from 'node:crypto';
import type { OtpMemory, Operator } from '../domain/types';
import type { Branch } from '../domain/validation';
import { formatReceiptNo, nextReceiptSeq } from '../domain/receipt-number';
import { DomainError } from '../domain/errors';
import type { CounterKind } from '../domain/journal-kinds';
import type { JournalInput } from '../db/journal';
import { appendJournal } from '../db/journal';
import { enqueueOutbox } from '../db/outbox-repo';
import { insertReceipt, lastReceiptSeq } from '../db/receipt-repo';
import { saveOtpMemory } from '../db/token-repo';
import { toStored, type CounterDocument } from '../templates/counter-document';
import { ServiceFailure } from './failures';
import type { Ports } from './ports';
import { requireBranch } from './setup';

/** What an act has done inside the transaction, for the receipt, the journal and the core service. */
export interface CounterOutcome<R> {
  document: (receiptNo: string) => CounterDocument;
  journal: Omit<JournalInput, 'kind' | 'occurredAt' | 'operatorId' | 'receiptNo' | 'receiptSha256'>;
  /** Urgent messages (a stopped token) leave before anything else from this terminal. */
  outbox: { urgent: boolean; payload: Record<string, unknown> };
  result: R;
}

/** What the teller attempted, as known before the act runs: journalled as it is if the act is refused. */
export interface Attempt {
  kind: CounterKind;
  serial?: string | null;
  contractId?: string | null;
}

/** The moment and the place of one act, given to it inside its transaction. */
export interface CounterContext {
  now: Date;
  at: string;
  branch: Branch;
  operator: Operator;
}

/**
 * A refused one-time code: the act is undone, but the token's fail counter is kept, since the
 * customer holds the token and guessing must cost.
 */
export class OtpRefused extends ServiceFailure {
  constructor(
    code: string,
    message: string,
    field: string,
    readonly serial: string,
    readonly memory: OtpMemory,
  ) {
    super(code, message, { [field]: message });
  }
}

/**
 * One counter transaction = one SQLite transaction, in one pass. Inside an IMMEDIATE transaction
 * the act checks the state it acts on, checks the customer's code against the seed (decrypted
 * once) and writes its token and contract changes; then the next receipt number is taken, the
 * receipt rendered, and the journal entry (carrying the receipt's SHA-256), the receipt and the
 * outbox row written. A refusal undoes all of it; its own journal entry, and a refused code's
 * count, are written next, so that a manager sees every refused attempt.
 */
export function commitCounterTransaction<R>(
  p: Ports,
  operator: Operator,
  attempt: Attempt,
  act: (c: CounterContext) => CounterOutcome<R>,
): R & { receiptNo: string; acceptedAt: string } {
  const now = p.now();
  const at = now.toISOString();
  const run = p.db.transaction(() => {
    const branch = requireBranch(p);
    const outcome = act({ now, at, branch, operator });
    const receiptSeq = nextReceiptSeq(lastReceiptSeq(p.db));
    const receiptNo = formatReceiptNo(branch.branchCode, branch.terminalNo, receiptSeq);
    const doc = outcome.document(receiptNo);
    const pdf = p.renderDocument(doc);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const entry = appendJournal(p.db, { ...outcome.journal, kind: attempt.kind, occurredAt: at, operatorId: operator.operatorId, receiptNo, receiptSha256: sha256 });
    insertReceipt(p.db, p.secrets, { receiptNo, receiptSeq, journalSeq: entry.seq, kind: entry.kind, issuedAt: at, document: JSON.stringify(toStored(doc)), pdf, sha256 });
    enqueueOutbox(p.db, p.secrets, {
      journalSeq: entry.seq,
      kind: entry.kind,
      urgent: outcome.outbox.urgent,
      payload: {
        type: entry.kind,
        terminal: `${branch.branchCode}-${branch.terminalNo}`,
        receiptNo,
        occurredAt: at,
        operatorId: operator.operatorId,
        ...outcome.outbox.payload,
      },
      createdAt: at,
    });
    return { ...outcome.result, receiptNo, acceptedAt: at };
  });
  try {
    return run.immediate();
  } catch (e) {
    if (!(e instanceof OtpRefused || e instanceof DomainError)) throw e;
    // The act is rolled back whole; its refusal is then journalled in a transaction of its own. A
    // savepoint around the act, undone on a refusal, would keep every page the act touches in a
    // sub-journal, which spilled into a temporary file at every act.
    p.db
      .transaction(() => {
        if (e instanceof OtpRefused) {
          saveOtpMemory(p.db, e.serial, e.memory);
          journalRefusal(p, operator, at, { ...attempt, kind: 'OTP_REFUSED', serial: e.serial }, e, { act: attempt.kind, failCount: e.memory.failCount });
        } else journalRefusal(p, operator, at, { ...attempt, kind: 'COUNTER_REFUSED' }, e, { act: attempt.kind });
      })
      .immediate();
    throw e;
  }
}

function journalRefusal(
  p: Ports,
  operator: Operator,
  at: string,
  entry: { kind: 'OTP_REFUSED' | 'COUNTER_REFUSED'; serial?: string | null; contractId?: string | null },
  e: OtpRefused | DomainError,
  payload: Record<string, unknown>,
): void {
  const fields = Object.keys(e.fieldErrors ?? {});
  appendJournal(p.db, {
    kind: entry.kind,
    occurredAt: at,
    operatorId: operator.operatorId,
    serial: entry.serial ?? null,
    contractRef: entry.contractId ? p.secrets.contractRef(entry.contractId) : null,
    payload: { ...payload, code: e.code, fields, message: e.message },
  });
}
