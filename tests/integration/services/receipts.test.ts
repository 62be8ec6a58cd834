import { afterEach, describe, expect, it } from 'vitest';
import { findReceipt } from '../../../db/receipt-repo';
import { branchWithStock, type Fixture, issueRequest, MANAGER_LOGIN } from '../../support/app-fixture';
import { codeAt } from '../../support/seeds';
import { pdfText } from '../../support/pdf-text';
import { approve, withStaff } from '../../support/staff';

let fx: Fixture;
afterEach(() => fx?.cleanup());

describe('receipts and reprints', () => {
  it('prints the stored original first, then reprints marked 再発行 with their count, each logged; the second with a 検印', async () => {
    fx = await branchWithStock();
    await withStaff(fx);
    await fx.call('authLogin', MANAGER_LOGIN);
    const t = fx.tokens[0]!;
    const { receiptNo } = await fx.call('issue', issueRequest(t.serial, codeAt(t, fx.clock.now)));
    const stored = findReceipt(fx.app.db, fx.box, receiptNo)!;

    const first = await fx.call('receiptsOpen', { receiptNo, reprint: false, copy: 'customer' });
    expect(Buffer.from(first.pdfBase64, 'base64').equals(stored.pdf)).toBe(true);
    expect(pdfText(first.pdfBase64)).not.toContain('再発行');

    const second = await fx.call('receiptsOpen', { receiptNo, reprint: true, copy: 'customer' });
    const { id: approvalId } = await approve(fx, 'REPRINT', receiptNo);
    const third = await fx.call('receiptsOpen', { receiptNo, reprint: false, copy: 'customer', approvalId });
    expect(pdfText(second.pdfBase64)).toContain('再発行（1回目）');
    expect(pdfText(third.pdfBase64)).toContain('再発行（2回目）');
    expect(third.printCount).toBe(3);

    const branchCopy = await fx.call('receiptsOpen', { receiptNo, reprint: false, copy: 'branch' });
    expect(pdfText(branchCopy.pdfBase64)).toContain('店舗控');
    const logged = fx.app.db.prepare("SELECT receipt_no AS r, operator_id AS op FROM journal WHERE kind = 'RECEIPT_REPRINTED'").all();
    expect(logged).toEqual([
      { r: receiptNo, op: 'mgr01' },
      { r: receiptNo, op: 'mgr01' },
    ]);
  });
});
