/**
 * 受付番号: "101-02-0000123" = branch (3 digits) - terminal (2 digits) - per-terminal sequence
 * (7 digits). A number is never reused: the next one is always the last one + 1.
 */
import { refuse } from './errors';

export const MAX_RECEIPT_SEQ = 9_999_999;

export interface ReceiptNoParts {
  branchCode: string;
  terminalNo: string;
  seq: number;
}

function checkSeq(seq: number): void {
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_RECEIPT_SEQ) {
    refuse('RECEIPT_NO', `受付番号の連番が範囲外です（${seq}）。1〜${MAX_RECEIPT_SEQ} の整数である必要があります`);
  }
}

export function formatReceiptNo(branchCode: string, terminalNo: string, seq: number): string {
  if (!/^\d{3}$/.test(branchCode)) refuse('RECEIPT_NO', `店番は数字3桁である必要があります（${branchCode}）`);
  if (!/^\d{2}$/.test(terminalNo)) refuse('RECEIPT_NO', `端末番号は数字2桁である必要があります（${terminalNo}）`);
  checkSeq(seq);
  return `${branchCode}-${terminalNo}-${String(seq).padStart(7, '0')}`;
}

/** Parses a receipt number as printed (full-width digits and spaces around it accepted). */
export function parseReceiptNo(s: string): ReceiptNoParts {
  const m = /^(\d{3})-(\d{2})-(\d{7})$/.exec(s.normalize('NFKC').trim());
  if (!m) {
    return refuse('RECEIPT_NO', '受付番号は「店番3桁-端末2桁-連番7桁」（例：101-02-0000123）で入力してください', 'receiptNo');
  }
  const seq = Number(m[3]);
  if (seq < 1) refuse('RECEIPT_NO', '受付番号の連番が 0000000 になっています。受付票の番号を確認してください', 'receiptNo');
  return { branchCode: m[1] as string, terminalNo: m[2] as string, seq };
}

/** The next sequence number: 1 when this terminal has issued none, else last + 1. */
export function nextReceiptSeq(last: number | null): number {
  if (last === null) return 1;
  if (!Number.isInteger(last) || last < 0) refuse('RECEIPT_NO', `最後の受付番号の連番が不正です（${last}）`);
  if (last >= MAX_RECEIPT_SEQ) {
    refuse('RECEIPT_NO_EXHAUSTED', 'この端末の受付番号を使い切りました。システム管理者に連絡してください');
  }
  return last + 1;
}
