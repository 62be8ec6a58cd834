/**
 * The terminal's printer: the papers it may hold, how many sheets of each copy it prints, and what
 * became of a print. Defined here once, so that the templates' page geometry, the contract's
 * schemas, the ledger's CHECK and the screen's labels derive from one list.
 */
import { FieldCheck } from './errors';

/** The copies of a counter document: the customer's, and the branch's where it keeps one. */
export const COPIES = ['customer', 'branch'] as const;
export type Copy = (typeof COPIES)[number];

export const COPY_LABELS: Record<Copy, string> = {
  customer: 'お客さま控',
  branch: '店舗控',
};

export const PAPER_SIZES = ['A4', 'A5', 'ROLL_80'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export const PAPER_LABELS: Record<PaperSize, string> = {
  A4: 'A4',
  A5: 'A5',
  ROLL_80: 'ロール紙（80mm）',
};

/** Sheets of one copy a print may ask for: a stack of receipts beyond this is a typo. */
export const MAX_COPIES = 5;

export interface PrinterSettings {
  /** The printer's system name; '' prints on the system's default printer. */
  printerName: string;
  paper: PaperSize;
  /** Sheets of the customer's copy (お客さま控) per print. */
  customerCopies: number;
  /** Sheets of the branch copy (店舗控) per print, where the branch prints one. */
  branchCopies: number;
  /** Print without the system dialog (desktop app only). */
  silent: boolean;
}

/** A printer as the operating system lists it. */
export interface SystemPrinter {
  name: string;
  displayName: string;
}

/**
 * What became of a print: on paper (the copies sent), refused or cancelled by the printer or the
 * teller, or handed to the browser's PDF viewer (browser mode, where the page prints it).
 */
export type PrintOutcome = { state: 'printed'; copies: number } | { state: 'failed'; cancelled: boolean; reason: string } | { state: 'viewer' };

/** The teller's words for a print that did not happen; the document stays in the ledger. */
export function printFailureMessage(outcome: Extract<PrintOutcome, { state: 'failed' }>, documentName: string): string {
  return outcome.cancelled
    ? `${documentName}の印刷が取り消されました。書類は台帳に保存されています。「再印刷」で印刷できます。`
    : `${documentName}を印刷できませんでした（${outcome.reason}）。プリンターの電源・用紙・接続を確かめて「再印刷」を押してください。書類は台帳に保存されています。`;
}

/** The manager's entries, checked as the server keeps them: every field's mistake at once. */
export function validatePrinterSettings(s: PrinterSettings): PrinterSettings {
  const check = new FieldCheck();
  for (const field of ['customerCopies', 'branchCopies'] as const) {
    const n = s[field];
    check.add(field, (!Number.isInteger(n) || n < 1 || n > MAX_COPIES) && `部数は 1〜${MAX_COPIES} の数字で入力してください。`);
  }
  check.done();
  // The printer's name is kept exactly as the system lists it (no NFKC, no trim): deviceName must match it.
  return s;
}

/** The settings in one line, as the status line and the journal say them. */
export function describePrinterSettings(s: PrinterSettings): string {
  return [
    `プリンター：${s.printerName === '' ? 'システムの既定' : s.printerName}`,
    `用紙：${PAPER_LABELS[s.paper]}`,
    `お客さま控 ${s.customerCopies}部・店舗控 ${s.branchCopies}部`,
    s.silent ? '確認画面なしで印刷' : '印刷の確認画面を表示',
  ].join(' ／ ');
}
