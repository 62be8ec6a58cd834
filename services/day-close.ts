import { createHash } from 'node:crypto';
import { businessDayFor, nextBusinessDay } from '../domain/business-day';
import { checkClose, dayFigures, type DayEntry } from '../domain/day-figures';
import { FieldCheck, refuse } from '../domain/errors';
import { jstDate } from '../domain/format';
import type { Operator, PaymentMethod, TokenState } from '../domain/types';
import { countPending } from '../db/approval-repo';
import { closeReport, findClosedDay, lastClose, markReopened, reopenedDay, saveClose } from '../db/day-repo';
import { appendJournal, type JournalRow } from '../db/journal';
import { sql } from '../db/prepared';
import { listCollected } from '../db/return-repo';
import { countTokensByState } from '../db/token-repo';
import { renderDayReport } from '../templates/day-report';
import type { Ports } from './ports';
import { checkPrintable } from './printable';
import { requireBranch } from './setup';

/** The tokens a branch holds in its drawers, which the close counts. */
export const COUNTED_STATES: readonly TokenState[] = ['IN_STOCK', 'DAMAGED_IN_STOCK', 'EXCHANGED'];

/**
 * The business day new work belongs to, and where its entries start: after the last close still in
 * force. A reopened day takes new work again until it is closed again. A day nobody closed is
 * closed with the next, under the earlier date.
 */
export function openBusinessDay(p: Ports): { businessDate: string; afterSeq: number } {
  const reopened = reopenedDay(p.db);
  const last = lastClose(p.db);
  if (reopened) return { businessDate: reopened.businessDate, afterSeq: last && last.closeSeq < reopened.closeSeq ? last.closeSeq : 0 };
  const afterSeq = last?.closeSeq ?? 0;
  const first = sql(p.db, 'SELECT occurred_at AS at FROM journal WHERE seq > ? ORDER BY seq LIMIT 1').get(afterSeq) as { at: string } | undefined;
  const day = businessDayFor(jstDate(first ? new Date(first.at) : p.now()));
  return { businessDate: last && day <= last.businessDate ? nextBusinessDay(last.businessDate) : day, afterSeq };
}

function dayEntry(r: JournalRow): DayEntry {
  const payload = JSON.parse(r.payload) as { payment?: PaymentMethod; fee?: { taxRatePercent: number; tax: number } };
  const sign = (r.amount ?? 0) < 0 ? -1 : 1;
  return {
    kind: r.kind,
    amount: r.amount,
    payment: payload.payment ?? null,
    tax: payload.fee ? { ratePercent: payload.fee.taxRatePercent, tax: sign * payload.fee.tax } : null,
  };
}

/** What the 日計・締め screen shows before the manager counts: the day's figures, the stock, what is pending. */
export function dayStatus(p: Ports) {
  const day = openBusinessDay(p);
  const rows = sql(p.db, 'SELECT * FROM journal WHERE seq > ? ORDER BY seq').all(day.afterSeq) as JournalRow[];
  const counts = countTokensByState(p.db);
  return {
    businessDate: day.businessDate,
    from: rows[0]?.occurred_at ?? null,
    figures: dayFigures(rows.map(dayEntry)),
    expectedStock: Object.fromEntries(COUNTED_STATES.map((s) => [s, counts[s] ?? 0])) as Record<TokenState, number>,
    collected: listCollected(p.db).length,
    pendingApprovals: countPending(p.db),
    operators: [...new Set(rows.map((r) => r.operator_id).filter((id) => id !== ''))].sort(),
    lastClosed: lastClose(p.db)?.businessDate ?? null,
  };
}

/**
 * 日計・締め: the manager counts the cash and the tokens; a difference needs its reason; nothing may
 * be waiting for a 検印. The close is a journal entry with every figure, and its 日計表 is kept.
 * Afterwards new work belongs to the next business day.
 */
export function closeDay(p: Ports, by: Operator, req: { countedCash: number; cashReason?: string; countedStock: Partial<Record<TokenState, number>>; stockReason?: string }) {
  const branch = requireBranch(p);
  const cashReason = req.cashReason?.trim() ?? '';
  const stockReason = req.stockReason?.trim() ?? '';
  // The 日計表 prints both reasons.
  const f = new FieldCheck();
  checkPrintable(f, 'cashReason', '現金の過不足の理由', cashReason);
  checkPrintable(f, 'stockReason', '在庫の差の理由', stockReason);
  f.done();
  const closedAt = p.now();
  const at = closedAt.toISOString();
  return p.db.transaction(() => {
    const status = dayStatus(p);
    const countedStock = Object.fromEntries(COUNTED_STATES.map((s) => [s, req.countedStock[s] ?? status.expectedStock[s]])) as Record<TokenState, number>;
    const checked = checkClose({
      expectedCash: status.figures.expectedCash,
      countedCash: req.countedCash,
      cashReason,
      expectedStock: status.expectedStock,
      countedStock,
      stockReason,
      pendingApprovals: status.pendingApprovals,
    });
    const entry = appendJournal(p.db, {
      kind: 'DAY_CLOSED',
      occurredAt: at,
      operatorId: by.operatorId,
      amount: status.figures.expectedCash,
      payload: {
        businessDate: status.businessDate,
        from: status.from,
        figures: status.figures,
        countedCash: req.countedCash,
        cashDifference: checked.cashDifference,
        cashReason,
        expectedStock: status.expectedStock,
        countedStock,
        stockReason,
        collected: status.collected,
        operators: status.operators,
      },
    });
    const pdf = renderDayReport({
      branch,
      businessDate: status.businessDate,
      closedAt,
      closedBy: by,
      from: status.from ? new Date(status.from) : null,
      figures: status.figures,
      countedCash: req.countedCash,
      cashReason,
      stock: COUNTED_STATES.map((state) => ({ state, expected: status.expectedStock[state], counted: countedStock[state] })),
      stockReason,
      collected: status.collected,
      operators: status.operators,
      chainHead: entry.hash,
    });
    saveClose(p.db, { businessDate: status.businessDate, closeSeq: entry.seq, closedBy: by.operatorId, closedAt: at, pdf, sha256: createHash('sha256').update(pdf).digest('hex') });
    return { businessDate: status.businessDate, cashDifference: checked.cashDifference, pdfBase64: pdf.toString('base64') };
  }).immediate();
}

/** The 日計表 as it was kept at the close. */
export function dayReport(p: Ports, req: { businessDate: string }) {
  const pdf = closeReport(p.db, req.businessDate) ?? refuse('DAY_NOT_CLOSED', `${req.businessDate} は締められていません。`);
  return { pdfBase64: pdf.toString('base64') };
}

/** Only the last day closed can be reopened, and only once before it is closed again. */
export function checkReopenable(p: Ports, raw: string): string {
  const date = raw.normalize('NFKC').trim();
  const day = findClosedDay(p.db, date) ?? refuse('DAY_NOT_CLOSED', `${date} は締められていません。`, 'subject');
  if (day.reopenedSeq !== null) refuse('DAY_REOPENED', `${date} は既に再開されています。`, 'subject');
  if (lastClose(p.db)?.businessDate !== date) refuse('DAY_NOT_LAST', '再開できるのは最後に締めた営業日だけです。', 'subject');
  return date;
}

/** The effect of an approved DAY_REOPEN: new work belongs to that day again until it is closed again. */
export function reopenDay(p: Ports, by: Operator, checker: Operator, businessDate: string, approvalId: number) {
  checkReopenable(p, businessDate);
  const entry = appendJournal(p.db, {
    kind: 'DAY_REOPENED',
    occurredAt: p.now().toISOString(),
    operatorId: checker.operatorId,
    payload: { businessDate, approval: { approvalId, maker: by.operatorId, checker: checker.operatorId } },
  });
  markReopened(p.db, businessDate, entry.seq);
  return { businessDate };
}

