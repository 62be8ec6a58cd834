import { appendJournal } from '../db/journal';
import { countPrints, findReceipt, recordPrint } from '../db/receipt-repo';
import type { Operator } from './contract';
import { fromStored, type StoredDocument } from '../templates/counter-document';
import { refuse } from '../domain/errors';
import { useApproval } from './approvals';
import { ServiceFailure } from './failures';
import type { Ports } from './ports';

/**
 * Prints (or, without a printer, hands back) a receipt. The first customer copy is the PDF
 * stored with the transaction; anything after it is re-rendered with 再発行 and its count,
 * and every reprint is a journal entry.
 */
/** Reprints of a copy a teller may make alone; each one after needs a second person's 検印. */
export const FREE_REPRINTS = 1;

/** A receipt that exists: what a reprint's 検印 is asked for. */
export function checkReprintable(p: Ports, raw: string): string {
  const receiptNo = raw.normalize('NFKC').trim();
  if (!findReceipt(p.db, p.secrets, receiptNo)) refuse('RECEIPT_UNKNOWN', `受付番号 ${receiptNo} の領収書は見つかりません。`, 'subject');
  return receiptNo;
}

export async function open(p: Ports, by: Operator, req: { receiptNo: string; reprint: boolean; copy: 'customer' | 'branch'; approvalId?: number | undefined }) {
  const stored = findReceipt(p.db, p.secrets, req.receiptNo.trim());
  if (!stored) throw new ServiceFailure('RECEIPT_UNKNOWN', `受付番号 ${req.receiptNo} の領収書は見つかりません。`);
  const prints = countPrints(p.db, stored.receiptNo, req.copy);
  const reprint = req.reprint || prints.total > 0;
  const reprintCount = prints.reprints + 1;
  const needsApproval = reprint && reprintCount > FREE_REPRINTS;
  if (needsApproval && req.approvalId === undefined) {
    refuse('REPRINT_NEEDS_APPROVAL', `再発行は${FREE_REPRINTS}回までです。${reprintCount}回目の再発行には役席者の検印が必要です。理由を入力して検印を依頼してください。`);
  }
  let pdf = stored.pdf;
  if (reprint || req.copy !== 'customer') {
    const doc = fromStored(JSON.parse(stored.document) as StoredDocument);
    pdf = p.renderDocument({ ...doc, copy: req.copy, ...(reprint ? { reprint: { count: prints.reprints + 1 } } : {}) });
  }
  const at = p.now().toISOString();
  p.db.transaction(() => {
    const approval = needsApproval && req.approvalId !== undefined ? useApproval(p, req.approvalId, 'REPRINT', stored.receiptNo, by) : null;
    recordPrint(p.db, { receiptNo: stored.receiptNo, reprint, copy: req.copy, operatorId: by.operatorId, printedAt: at });
    if (reprint) {
      appendJournal(p.db, {
        kind: 'RECEIPT_REPRINTED',
        occurredAt: at,
        operatorId: by.operatorId,
        receiptNo: stored.receiptNo,
        payload: { copy: req.copy, reprintCount, ...(approval ? { approval: { approvalId: approval.id, checker: approval.decidedBy, reason: approval.reason } } : {}) },
      });
    }
  }).immediate();
  const sentToPrinter = await p.printer.printPdf(pdf);
  return { pdfBase64: pdf.toString('base64'), sentToPrinter, printCount: prints.total + 1 };
}
