import { appendJournal } from '../db/journal';
import { countPrints, findReceipt, recordPrint } from '../db/receipt-repo';
import type { Operator } from './contract';
import { fromStored, type StoredDocument } from '../templates/counter-document';
import { refuse } from '../domain/errors';
import type { Copy } from '../domain/printing';
import { usableApproval, useApproval } from './approvals';
import { readPrinterSettings } from '../db/printer-settings-repo';
import { sendToPrinter } from './printing';
import { ServiceFailure } from './failures';
import type { Ports } from './ports';

/** Reprints of a copy a teller may make alone; each one after needs a second person's 検印. */
export const FREE_REPRINTS = 1;

/** A receipt that exists: what a reprint's 検印 is asked for. */
export function checkReprintable(p: Ports, raw: string): string {
  const receiptNo = raw.normalize('NFKC').trim();
  if (!findReceipt(p.db, p.secrets, receiptNo)) refuse('RECEIPT_UNKNOWN', `受付番号 ${receiptNo} の領収書は見つかりません。`, 'subject');
  return receiptNo;
}

/**
 * Prints a copy of a receipt on the terminal's paper. The print is recorded (and a reprint
 * journalled, its 検印 used up) only once it went through: a failed or cancelled print records the
 * failure and nothing else, so that printing it again is still the same print, not a 再発行.
 */
export async function open(p: Ports, by: Operator, req: { receiptNo: string; reprint: boolean; copy: Copy; approvalId?: number | undefined }) {
  const stored = findReceipt(p.db, p.secrets, req.receiptNo.trim());
  if (!stored) throw new ServiceFailure('RECEIPT_UNKNOWN', `受付番号 ${req.receiptNo} の領収書は見つかりません。`);
  const prints = countPrints(p.db, stored.receiptNo, req.copy);
  const reprint = req.reprint || prints.total > 0;
  const reprintCount = prints.reprints + 1;
  const needsApproval = reprint && reprintCount > FREE_REPRINTS;
  if (needsApproval && req.approvalId === undefined) {
    refuse('REPRINT_NEEDS_APPROVAL', `再発行は${FREE_REPRINTS}回までです。${reprintCount}回目の再発行には役席者の検印が必要です。理由を入力して検印を依頼してください。`);
  }
  // Checked before printing, used up only once it printed.
  const approvalId = needsApproval ? req.approvalId : undefined;
  if (approvalId !== undefined) usableApproval(p, approvalId, 'REPRINT', stored.receiptNo, by);
  const settings = readPrinterSettings(p.db);
  // The stored PDF is the customer's copy on A4 as first printed; any other copy or paper is drawn from the same document.
  let pdf = stored.pdf;
  if (reprint || req.copy !== 'customer' || settings.paper !== 'A4') {
    const doc = fromStored(JSON.parse(stored.document) as StoredDocument);
    pdf = p.renderDocument({ ...doc, copy: req.copy, ...(reprint ? { reprint: { count: reprintCount } } : {}) }, settings.paper);
  }
  const copies = req.copy === 'customer' ? settings.customerCopies : settings.branchCopies;
  const print = await sendToPrinter(p, settings, pdf, copies);
  const at = p.now().toISOString();
  const answer = { pdfBase64: pdf.toString('base64'), print };
  if (print.state === 'failed') {
    const failure = { copy: req.copy, reprint, cancelled: print.cancelled, reason: print.reason };
    p.db.transaction(() => appendJournal(p.db, { kind: 'RECEIPT_PRINT_FAILED', occurredAt: at, operatorId: by.operatorId, receiptNo: stored.receiptNo, payload: failure })).immediate();
    return { ...answer, printCount: prints.total };
  }
  p.db.transaction(() => {
    const approval = approvalId !== undefined ? useApproval(p, approvalId, 'REPRINT', stored.receiptNo, by) : null;
    recordPrint(p.db, { receiptNo: stored.receiptNo, reprint, copy: req.copy, copies: print.state === 'printed' ? print.copies : 1, operatorId: by.operatorId, printedAt: at });
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
  return { ...answer, printCount: prints.total + 1 };
}
