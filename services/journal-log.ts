import { stringify } from 'csv-stringify/sync';
import { formatJstDate, formatJstTime, jstDate } from '../domain/format';
import { JOURNAL_GROUP_LABELS, JOURNAL_GROUPS, JOURNAL_KINDS, journalKindLabel, type JournalGroup } from '../domain/journal-kinds';
import { maskContractId } from '../domain/masking';
import { PAYMENT_LABELS } from '../domain/types';
import { normalizeInput, normalizeSerial } from '../domain/validation';
import { findContractByRef } from '../db/contract-repo';
import { appendJournal, ChainWalk, entryHash, type JournalRow } from '../db/journal';
import { sql } from '../db/prepared';
import { countPrints, findReceipt } from '../db/receipt-repo';
import { renderLogReport } from '../templates/log-report';
import type { JournalLine, Operator } from './contract';
import { ServiceFailure } from './failures';
import type { JobProgress, JobResult } from './jobs';
import { journalLine } from './journal-view';
import type { Ports } from './ports';
import { requireBranch } from './setup';

export const LOG_PAGE_SIZE = 50;
/** The most rows a PDF report lays out; beyond it the CSV export is the way (a PDF of a year is no use). */
export const MAX_REPORT_ROWS = 5000;

export interface LogQuery {
  /** JST dates, both included. */
  from?: string | undefined;
  to?: string | undefined;
  operatorId?: string | undefined;
  group?: JournalGroup | undefined;
  kind?: string | undefined;
  serial?: string | undefined;
  contractId?: string | undefined;
  receiptNo?: string | undefined;
  /** The page after this entry (the `next` of the previous page). */
  before?: number | undefined;
  limit?: number | undefined;
}

const dayStart = (date: string) => new Date(`${date}T00:00:00+09:00`).toISOString();
const nextDayStart = (date: string) => new Date(new Date(dayStart(date)).getTime() + 86_400_000).toISOString();

/** The kinds a query asks for (one, a group's, or all: undefined). */
function kindsOf(q: LogQuery): string[] | undefined {
  if (q.kind) return [q.kind];
  if (q.group && (JOURNAL_GROUPS as readonly string[]).includes(q.group)) return Object.entries(JOURNAL_KINDS).filter(([, k]) => k.group === q.group).map(([kind]) => kind);
  return undefined;
}

/**
 * The conditions of a query, each one an index can serve: dates become a range of seq (the
 * journal is appended in time order), a 受付番号 the one entry it was printed for, a contract its
 * keyed reference (and its ID, which entries before migration 7 hold).
 */
function conditions(p: Ports, q: LogQuery): { where: string[]; params: Record<string, string | number> } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (q.from) {
    where.push('seq >= @lo');
    params.lo = (sql(p.db, 'SELECT seq FROM journal WHERE occurred_at >= ? ORDER BY occurred_at LIMIT 1').get(dayStart(q.from)) as { seq: number } | undefined)?.seq ?? Number.MAX_SAFE_INTEGER;
  }
  if (q.to) {
    where.push('seq <= @hi');
    params.hi = (sql(p.db, 'SELECT seq FROM journal WHERE occurred_at < ? ORDER BY occurred_at DESC LIMIT 1').get(nextDayStart(q.to)) as { seq: number } | undefined)?.seq ?? 0;
  }
  if (q.before !== undefined) {
    where.push('seq < @before');
    params.before = q.before;
  }
  if (q.operatorId) {
    where.push('operator_id = @operator');
    params.operator = normalizeInput(q.operatorId);
  }
  if (q.serial) {
    where.push('serial = @serial');
    params.serial = normalizeSerial(q.serial);
  }
  if (q.contractId) {
    const id = normalizeInput(q.contractId);
    where.push('contract_id IN (@ref, @plain)');
    params.ref = p.secrets.contractRef(id);
    params.plain = id;
  }
  if (q.receiptNo) {
    where.push('seq = @receiptSeq');
    params.receiptSeq = (sql(p.db, 'SELECT journal_seq AS s FROM receipts WHERE receipt_no = ?').get(q.receiptNo.normalize('NFKC').trim()) as { s: number } | undefined)?.s ?? 0;
  }
  return { where, params };
}

/**
 * One page of the log, newest first. Several kinds are read one kind at a time through the (kind,
 * seq) index and merged, so that a page costs the same on the first day and after ten years; where
 * nothing but kind and seq is asked, the index alone finds the page and only its rows are read.
 */
function page(p: Ports, q: LogQuery, limit: number): { rows: JournalRow[]; next: number | null } {
  const c = conditions(p, q);
  const kinds = kindsOf(q);
  const onlySeq = c.where.every((w) => w.startsWith('seq '));
  const read = (columns: string, extra: string[]) => {
    const where = [...c.where, ...extra];
    return sql(p.db, `SELECT ${columns} FROM journal ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT @limit`);
  };
  let rows: JournalRow[];
  if (!kinds) rows = read('*', []).all({ ...c.params, limit: limit + 1 }) as JournalRow[];
  else if (onlySeq) {
    const seqs = kinds
      .flatMap((kind) => (read('seq', ['kind = @kind']).all({ ...c.params, kind, limit: limit + 1 }) as { seq: number }[]).map((r) => r.seq))
      .sort((a, b) => b - a)
      .slice(0, limit + 1);
    const byKey = sql(p.db, 'SELECT * FROM journal WHERE seq = ?');
    rows = seqs.map((seq) => byKey.get(seq) as JournalRow);
  } else {
    rows = kinds
      .flatMap((kind) => read('*', ['kind = @kind']).all({ ...c.params, kind, limit: limit + 1 }) as JournalRow[])
      .sort((a, b) => b.seq - a.seq)
      .slice(0, limit + 1);
  }
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  return { rows: shown, next: more ? (shown.at(-1)?.seq ?? null) : null };
}

/** A line of the log as lists show it: the contract masked. */
function listed(p: Ports, r: JournalRow): JournalLine {
  const line = journalLine(p, r);
  return { ...line, contractId: line.contractId === null ? null : maskContractId(line.contractId) };
}

export function searchLog(p: Ports, q: LogQuery) {
  const { rows, next } = page(p, q, Math.min(q.limit ?? LOG_PAGE_SIZE, 500));
  return { entries: rows.map((r) => listed(p, r)), next };
}

/**
 * One entry whole, for a manager: the contract unmasked, the payload, the hash link and whether it
 * holds, the receipt with its prints, the 検印 about it. Each such view is itself journalled.
 */
export function logEntry(p: Ports, viewer: Operator, req: { seq: number }) {
  const row = sql(p.db, 'SELECT * FROM journal WHERE seq = ?').get(req.seq) as JournalRow | undefined;
  if (!row) throw new ServiceFailure('ENTRY_UNKNOWN', `記録 ${req.seq} は見つかりません。`);
  const prev = sql(p.db, 'SELECT hash FROM journal WHERE seq = ?').get(row.seq - 1) as { hash: string } | undefined;
  const contract = row.contract_id && row.format >= 3 ? findContractByRef(p.db, p.secrets, row.contract_id) : null;
  const receipt = row.receipt_no ? findReceipt(p.db, p.secrets, row.receipt_no) : null;
  const prints = row.receipt_no
    ? (sql(p.db, 'SELECT printed_at AS printedAt, operator_id AS operatorId, copy, copies, reprint FROM receipt_prints WHERE receipt_no = ? ORDER BY id').all(row.receipt_no) as {
        printedAt: string;
        operatorId: string;
        copy: string;
        copies: number;
        reprint: number;
      }[])
    : [];
  const approvals = row.receipt_no
    ? (sql(p.db, 'SELECT id, kind, state, reason, requested_by AS requestedBy, decided_by AS decidedBy FROM approvals WHERE subject = ? ORDER BY id').all(row.receipt_no) as {
        id: number;
        kind: string;
        state: string;
        reason: string;
        requestedBy: string;
        decidedBy: string | null;
      }[])
    : [];
  appendJournal(p.db, { kind: 'RECORD_VIEWED', occurredAt: p.now().toISOString(), operatorId: viewer.operatorId, payload: { seq: row.seq } });
  return {
    line: journalLine(p, row),
    contract: contract
      ? { contractId: contract.contractId, nameKanji: contract.nameKanji, nameKana: contract.nameKana, account: `${contract.accountBranch}-${contract.accountSubject}-${contract.accountNumber}`, featurePhone: contract.featurePhone }
      : null,
    payload: row.payload,
    format: row.format,
    hash: row.hash,
    prevHash: row.prev_hash,
    linkHolds: entryHash(row) === row.hash && (prev ? prev.hash === row.prev_hash : row.seq === 1),
    receipt: receipt ? { receiptNo: receipt.receiptNo, sha256: receipt.sha256, pdfBase64: receipt.pdf.toString('base64'), prints: prints.map((x) => ({ ...x, reprint: x.reprint === 1 })), printCount: countPrints(p.db, receipt.receiptNo, 'customer').total } : null,
    approvals,
  };
}

const CSV_HEAD = ['記録番号', '日付', '時刻', '取引', '詳細', '担当', '受付番号', 'シリアル番号', '契約者ID', '金額', 'お支払方法'];

/** Excel reads a leading = + - @ as a formula: such a cell is written as text. */
function cell(v: string): string {
  return /^[=+\-@\t\r]/u.test(v) ? `'${v}` : v;
}

function csvRow(l: JournalLine): string[] {
  const at = new Date(l.occurredAt);
  return [String(l.seq), formatJstDate(at), formatJstTime(at), l.kindLabel, l.detail ?? '', l.operatorId, l.receiptNo ?? '', l.serial ?? '', l.contractId ?? '', l.amount === null ? '' : String(l.amount), l.payment ? PAYMENT_LABELS[l.payment] : ''].map(cell);
}

function estimate(p: Ports, q: LogQuery): number {
  const c = conditions(p, q);
  const kinds = kindsOf(q);
  const where = [...c.where, ...(kinds ? [`kind IN (${kinds.map((_, i) => `@k${i}`).join(', ')})`] : [])];
  const params = { ...c.params, ...Object.fromEntries((kinds ?? []).map((k, i) => [`k${i}`, k])) };
  return (sql(p.db, `SELECT COUNT(*) AS n FROM journal ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).get(params) as { n: number }).n;
}

async function* allLines(p: Ports, q: LogQuery, progress: JobProgress, total: number): AsyncGenerator<JournalLine[]> {
  let before: number | undefined = q.before;
  let done = 0;
  for (;;) {
    const { rows, next } = page(p, { ...q, before }, 1000);
    done += rows.length;
    yield rows.map((r) => listed(p, r));
    await progress.advance(done, total);
    if (next === null) return;
    before = next;
  }
}

const fileStem = (p: Ports) => `取引履歴_${jstDate(p.now()).replaceAll('-', '')}`;

/** The filtered log as CSV that Excel opens correctly: UTF-8 with a BOM, masked as the lists are. */
export async function exportCsv(p: Ports, q: LogQuery, progress: JobProgress): Promise<JobResult> {
  const total = estimate(p, q);
  const parts = ['\uFEFF', stringify([CSV_HEAD], { record_delimiter: '\r\n' })];
  for await (const lines of allLines(p, q, progress, total)) parts.push(stringify(lines.map(csvRow), { record_delimiter: '\r\n' }));
  return { fileName: `${fileStem(p)}.csv`, mime: 'text/csv', data: Buffer.from(parts.join(''), 'utf8') };
}

/** The filtered log as a PDF report (at most MAX_REPORT_ROWS rows). */
export async function exportPdf(p: Ports, viewer: Operator, q: LogQuery, progress: JobProgress): Promise<JobResult> {
  const total = estimate(p, q);
  if (total > MAX_REPORT_ROWS) {
    throw new ServiceFailure('REPORT_TOO_LONG', `${total.toLocaleString('ja-JP')}件あります。PDFは${MAX_REPORT_ROWS.toLocaleString('ja-JP')}件までです。期間や条件で絞り込むか、CSVで出力してください。`);
  }
  const lines: JournalLine[] = [];
  for await (const chunk of allLines(p, q, progress, total)) lines.push(...chunk);
  const branch = requireBranch(p);
  const rows = lines.map((l) => ({
    at: new Date(l.occurredAt),
    kind: l.kindLabel,
    detail: l.detail ?? '',
    operatorId: l.operatorId,
    receiptNo: l.receiptNo ?? '',
    serial: l.serial ?? '',
    contract: l.contractId ?? '',
    amount: l.amount === null ? '' : l.amount.toLocaleString('ja-JP'),
  }));
  const pdf = renderLogReport({ branch, viewer, createdAt: p.now(), filter: describeQuery(q), rows });
  return { fileName: `${fileStem(p)}.pdf`, mime: 'application/pdf', data: pdf };
}

/** The filter in words, printed on the report. */
export function describeQuery(q: LogQuery): string {
  const parts = [
    q.from || q.to ? `期間 ${q.from ?? '—'}〜${q.to ?? '—'}` : null,
    q.kind ? `取引 ${journalKindLabel(q.kind)}` : null,
    q.group ? `区分 ${JOURNAL_GROUP_LABELS[q.group]}` : null,
    q.operatorId ? `担当 ${q.operatorId}` : null,
    q.serial ? `シリアル番号 ${q.serial}` : null,
    q.contractId ? `契約者ID ${maskContractId(normalizeInput(q.contractId))}` : null,
    q.receiptNo ? `受付番号 ${q.receiptNo}` : null,
  ].filter((x) => x !== null);
  return parts.length ? parts.join('、') : 'すべての記録';
}

/** 台帳の整合性を確認: the chain walked in slices, with progress; the verdict names the first broken link. */
export async function verifyLedger(p: Ports, progress: JobProgress): Promise<JobResult> {
  const walk = new ChainWalk(p.db, p.secrets);
  for (;;) {
    const verdict = walk.step(2000);
    await progress.advance(walk.checked, walk.total);
    if (verdict) return { verdict };
  }
}
