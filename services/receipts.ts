import { appendJournal } from '../db/journal';
import { countPrints, findReceipt, recordPrint } from '../db/receipt-repo';
import type { Operator } from './contract';
import { fromStored, type StoredDocument } from '../templates/counter-document';
import { ServiceFailure } from './failures';
import type { Ports } from './ports';

/**
 * Prints (or, without a printer, hands back) a receipt. The first customer copy is the PDF
 * stored with the transaction; anything after it is re-rendered with 再発行 and its count,
 * and every reprint is a journal entry.
 */
export async function open(p: Ports, by: Operator, req: { receiptNo: string; reprint: boolean; copy: 'customer' | 'branch' }) {
  const stored = findReceipt(p.db, p.secrets, req.receiptNo.trim());
  if (!stored) throw new ServiceFailure('RECEIPT_UNKNOWN', `受付番号 ${req.receiptNo} の領収書は見つかりません。`);
  const prints = countPrints(p.db, stored.receiptNo, req.copy);
  const reprint = req.reprint || prints.total > 0;
  let pdf = stored.pdf;
  if (reprint || req.copy !== 'customer') {
    const doc = fromStored(JSON.parse(stored.document) as StoredDocument);
    pdf = p.renderDocument({ ...doc, copy: req.copy, ...(reprint ? { reprint: { count: prints.reprints + 1 } } : {}) });
  }
  const at = p.now().toISOString();
  p.db.transaction(() => {
    recordPrint(p.db, { receiptNo: stored.receiptNo, reprint, copy: req.copy, operatorId: by.operatorId, printedAt: at });
    if (reprint) {
      appendJournal(p.db, {
        kind: 'RECEIPT_REPRINTED',
        occurredAt: at,
        operatorId: by.operatorId,
        receiptNo: stored.receiptNo,
        payload: { copy: req.copy, reprintCount: prints.reprints + 1 },
      });
    }
  }).immediate();
  const sentToPrinter = await p.printer.printPdf(pdf);
  return { pdfBase64: pdf.toString('base64'), sentToPrinter, printCount: prints.total + 1 };
}
