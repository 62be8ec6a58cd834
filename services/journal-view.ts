import { APPROVAL_KIND_LABELS, type ApprovalKind } from '../domain/approvals';
import { jstDate } from '../domain/format';
import { journalGroup, journalKindLabel } from '../domain/journal-kinds';
import { COPY_LABELS, describePrinterSettings, type PrinterSettings } from '../domain/printing';
import { findContractByRef } from '../db/contract-repo';
import type { JournalRow } from '../db/journal';
import type { JournalLine } from './contract';
import type { Ports } from './ports';

function paymentOf(r: JournalRow, payload: Record<string, unknown>): JournalLine['payment'] {
  if (r.amount === null) return null;
  return payload.payment === 'CASH' || payload.payment === 'ACCOUNT_DEBIT' ? payload.payment : null;
}

/** The contract an entry names: format 3 entries hold its keyed reference, older ones the ID itself. */
function contractIdOf(p: Ports, r: JournalRow): string | null {
  if (r.contract_id === null || r.format < 3) return r.contract_id;
  return findContractByRef(p.db, p.secrets, r.contract_id)?.contractId ?? null;
}

/** Why a login failed, as services/auth.ts records it. */
const LOGIN_FAILURES: Record<string, string> = {
  UNKNOWN_ID: '登録されていないオペレーターID',
  LOCKED: 'ロック中のオペレーターID',
  WRONG_PASSWORD: 'パスワード誤り',
};

const copyLabel = (copy: unknown): string => (copy === 'branch' ? COPY_LABELS.branch : COPY_LABELS.customer);

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/**
 * What a manager reads beside the kind: what a refused attempt tried and why it was refused, which
 * copy a reprint was, which file was imported. Worded here from the entry, so that the screen never
 * sees a payload.
 */
function detailOf(kind: string, payload: Record<string, unknown>): string | null {
  switch (kind) {
    case 'OTP_REFUSED':
    case 'COUNTER_REFUSED':
      return `${journalKindLabel(text(payload.act))}：${text(payload.message)}`;
    case 'LOGIN_FAILED': {
      const reason = LOGIN_FAILURES[text(payload.reason)] ?? text(payload.reason);
      return typeof payload.failedAttempts === 'number' ? `${reason}（${payload.failedAttempts}回目）` : reason;
    }
    case 'SEED_IMPORT_REFUSED':
      return `${text(payload.fileName)}：${text(payload.message)}`;
    case 'SEED_IMPORTED':
      return `${text(payload.fileName)}（${text(payload.count)}件）`;
    case 'RECEIPT_REPRINTED':
      return `${copyLabel(payload.copy)}（再発行${text(payload.reprintCount)}回目）`;
    case 'RECEIPT_PRINT_FAILED':
      return `${copyLabel(payload.copy)}：${payload.cancelled === true ? '印刷の取消' : text(payload.reason)}`;
    case 'PRINTER_SETTINGS_CHANGED':
      return describePrinterSettings(payload.after as PrinterSettings);
    case 'TRANSACTION_VOIDED':
      return `受付番号 ${text(payload.voidedReceiptNo)} を取消：${text(payload.reason)}`;
    case 'APPROVAL_REQUESTED':
      return `${APPROVAL_KIND_LABELS[text(payload.kind) as ApprovalKind] ?? text(payload.kind)}（${text(payload.subject)}）：${text(payload.reason)}`;
    case 'APPROVAL_GRANTED':
    case 'APPROVAL_REFUSED':
      return `${APPROVAL_KIND_LABELS[text(payload.kind) as ApprovalKind] ?? text(payload.kind)}（${text(payload.subject)}） 依頼 ${text(payload.maker)}`;
    case 'DAY_CLOSED':
    case 'DAY_REOPENED':
      return `営業日 ${text(payload.businessDate)}`;
    default:
      return null;
  }
}

/** An entry as the screens list it, worded from its kind and payload. */
export function journalLine(p: Ports, r: JournalRow): JournalLine {
  const payload = JSON.parse(r.payload) as Record<string, unknown>;
  return {
    seq: r.seq,
    occurredAt: r.occurred_at,
    kind: r.kind,
    kindLabel: journalKindLabel(r.kind),
    group: journalGroup(r.kind),
    detail: detailOf(r.kind, payload),
    operatorId: r.operator_id,
    receiptNo: r.receipt_no,
    serial: r.serial,
    contractId: contractIdOf(p, r),
    amount: r.amount,
    payment: paymentOf(r, payload),
  };
}

/** Today's entries (the JST business day), newest first. */
export function today(p: Ports): { entries: JournalLine[] } {
  const day = jstDate(p.now());
  const from = new Date(`${day}T00:00:00+09:00`).toISOString();
  const to = new Date(new Date(from).getTime() + 86_400_000).toISOString();
  const rows = p.db
    .prepare('SELECT * FROM journal WHERE occurred_at >= ? AND occurred_at < ? ORDER BY seq DESC')
    .all(from, to) as JournalRow[];
  return { entries: rows.map((r) => journalLine(p, r)) };
}
