import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../../db/journal';
import { branchWithStock, issueRequest, tokenState, type Fixture } from '../../support/app-fixture';
import { pdfText } from '../../support/pdf-text';
import { codeAt } from '../../support/seeds';
import { approve, withStaff } from '../../support/staff';

let fx: Fixture;
afterEach(() => fx?.cleanup());

describe('voiding a transaction (取消)', () => {
  it('reverses an issuance with its own receipt refunding the fee, and never edits the original', async () => {
    fx = await branchWithStock({ tokens: 2 });
    await withStaff(fx);
    const t = fx.tokens[0]!;
    const issued = await fx.call('issue', issueRequest(t.serial, codeAt(t, fx.clock.now)));
    const original = fx.app.db.prepare('SELECT * FROM journal WHERE receipt_no = ?').get(issued.receiptNo);

    const voided = await approve(fx, 'VOID', issued.receiptNo, 'お客さまの申出（二重申込）');
    expect(voided.state).toBe('USED');
    const voidNo = voided.result.receiptNo as string;
    expect(voidNo).toBe('101-01-0000002');
    expect(tokenState(fx, t.serial)).toBe('IN_STOCK');
    expect((await fx.call('contractsLookup', { contractId: 'C0012345' })).currentSerial).toBeNull();

    const entry = fx.app.db.prepare("SELECT operator_id AS op, amount, payload FROM journal WHERE kind = 'TRANSACTION_VOIDED'").get() as { op: string; amount: number; payload: string };
    expect(entry).toMatchObject({ op: 'tel01', amount: -2200 });
    expect(JSON.parse(entry.payload)).toMatchObject({ voidedReceiptNo: issued.receiptNo, payment: 'CASH', approval: { maker: 'tel01', checker: 'mgr02' } });
    expect(fx.app.db.prepare('SELECT * FROM journal WHERE receipt_no = ?').get(issued.receiptNo)).toEqual(original);
    expect(verifyChain(fx.app.db, fx.box)).toMatchObject({ ok: true });

    const text = pdfText((await fx.call('receiptsOpen', { receiptNo: voidNo, reprint: false, copy: 'customer' })).pdfBase64);
    for (const words of ['取引の取消 受付票', '返金（適格返還請求書）', '−2,200円(税込)', '10%対象 −2,200円（うち消費税 −200円）', issued.receiptNo, 'T7000012050002', 'お客さまの申出（二重申込）']) {
      expect(text.replace(/\s+/g, ' ')).toContain(words);
    }

    const twice = await fx.app.dispatch('approvalsRequest', { kind: 'VOID', subject: issued.receiptNo, reason: 'もう一度' });
    expect(twice.ok ? '' : twice.error.fieldErrors?.subject).toContain('既に取り消されています');
    // The token is back in the drawer and can be issued again.
    const again = await fx.call('issue', issueRequest(t.serial, codeAt(t, new Date(fx.clock.now.getTime() + 30_000)), { contractId: 'C0012345' }));
    expect(again.serial).toBe(t.serial);
  });

  it('refuses what cannot be undone: a suspension, a token registered online since, a void itself', async () => {
    fx = await branchWithStock({ tokens: 3 });
    await withStaff(fx);
    const [a, b] = [fx.tokens[0]!, fx.tokens[1]!];
    const issued = await fx.call('issue', issueRequest(a.serial, codeAt(a, fx.clock.now), { featurePhone: true }));
    fx.clock.now = new Date(fx.clock.now.getTime() + 60_000);
    const suspended = await fx.call('suspend', { contractId: 'C0012345', identityDocument: 'DRIVERS_LICENSE', serial: a.serial });
    const refused = await fx.app.dispatch('approvalsRequest', { kind: 'VOID', subject: suspended.receiptNo, reason: '誤り' });
    expect(refused.ok ? '' : refused.error.fieldErrors?.subject).toContain('利用中止は取り消せません');

    const second = await fx.call('issue', issueRequest(b.serial, codeAt(b, fx.clock.now), { contractId: 'C0000002' }));
    fx.app.db.prepare("UPDATE tokens SET state = 'ACTIVE' WHERE serial = ?").run(b.serial);
    const req = await fx.call('approvalsRequest', { kind: 'VOID', subject: second.receiptNo, reason: '誤り' });
    const late = await fx.app.dispatch('approvalsDecide', { id: req.id, approverId: 'mgr02', password: 'manager345', approve: true });
    expect(late.ok ? '' : late.error.message).toContain('既にその後の操作がされている');
    expect(fx.app.db.prepare('SELECT state FROM approvals WHERE id = ?').get(req.id)).toEqual({ state: 'PENDING' });
    expect(issued.receiptNo).toBe('101-01-0000001');
  });
});
