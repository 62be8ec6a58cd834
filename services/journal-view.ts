import { jstDate } from '../domain/format';
import { journalGroup, journalKindLabel } from '../domain/journal-kinds';
import { findContractByRef } from '../db/contract-repo';
import type { JournalRow } from '../db/journal';
import type { JournalLine } from './contract';
import type { Ports } from './ports';


function paymentOf(r: JournalRow): JournalLine['payment'] {
  if (r.amount === null) return null;
  const payment: unknown = (JSON.parse(r.payload) as { payment?: unknown }).payment;
  return payment === 'CASH' || payment === 'ACCOUNT_DEBIT' ? payment : null;
}

/** The contract an entry names: format 3 entries hold its keyed reference, older ones the ID itself. */
function contractIdOf(p: Ports, r: JournalRow): string | null {
  if (r.contract_id === null || r.format < 3) return r.contract_id;
  return findContractByRef(p.db, p.secrets, r.contract_id)?.contractId ?? null;
}

/** Today's entries (the JST business day), newest first. */
export function today(p: Ports): { entries: JournalLine[] } {
  const day = jstDate(p.now());
  const from = new Date(`${day}T00:00:00+09:00`).toISOString();
  const to = new Date(new Date(from).getTime() + 86_400_000).toISOString();
  const rows = p.db
    .prepare('SELECT * FROM journal WHERE occurred_at >= ? AND occurred_at < ? ORDER BY seq DESC')
    .all(from, to) as JournalRow[];
  return {
    entries: rows.map((r) => ({
      seq: r.seq,
      occurredAt: r.occurred_at,
      kind: r.kind,
      kindLabel: journalKindLabel(r.kind),
      group: journalGroup(r.kind),
      operatorId: r.operator_id,
      receiptNo: r.receipt_no,
      serial: r.serial,
      contractId: contractIdOf(p, r),
      amount: r.amount,
      payment: paymentOf(r),
    })),
  };
}
