import { afterEach, describe, expect, it } from 'vitest';
import { branchWithStock, type Fixture, issueRequest, MANAGER_LOGIN } from '../../support/app-fixture';
import { pdfText } from '../../support/pdf-text';
import { codeAt } from '../../support/seeds';
import { approve, withStaff } from '../../support/staff';

let fx: Fixture;
afterEach(() => fx?.cleanup());

const managerLogin = () => fx.call('authLogin', MANAGER_LOGIN);

/** Wednesday 2026-11-25: two cash issuances, one by account debit, and the first one voided. */
async function aDayAtTheCounter() {
  fx = await branchWithStock({ tokens: 6 });
  await withStaff(fx);
  const issue = (i: number, contractId: string, payment: 'CASH' | 'ACCOUNT_DEBIT') =>
    fx.call('issue', issueRequest(fx.tokens[i]!.serial, codeAt(fx.tokens[i]!, fx.clock.now), { contractId, payment }));
  const first = await issue(0, 'C0000001', 'CASH');
  await issue(1, 'C0000002', 'CASH');
  await issue(2, 'C0000003', 'ACCOUNT_DEBIT');
  await approve(fx, 'VOID', first.receiptNo, '二重申込');
  await managerLogin();
}

describe('日計・締め', () => {
  it('expects the cash fees less the cash refunds, and tax per rate', async () => {
    await aDayAtTheCounter();
    const s = await fx.call('dayStatus', {});
    expect(s.businessDate).toBe('2026-11-25');
    expect(s.figures.expectedCash).toBe(2200);
    expect(s.figures.byPayment).toEqual({ CASH: 2200, ACCOUNT_DEBIT: 2200 });
    expect(s.figures.refunds).toEqual({ count: 1, amount: -2200 });
    expect(s.figures.taxes).toEqual([{ ratePercent: 10, totalInclTax: 4400, tax: 400 }]);
    expect(s.figures.acts.map((a) => [a.kind, a.count, a.amount])).toEqual([
      ['TOKEN_ISSUED', 3, 6600],
      ['TRANSACTION_VOIDED', 1, -2200],
    ]);
    expect(s.expectedStock).toEqual({ IN_STOCK: 4, DAMAGED_IN_STOCK: 0, EXCHANGED: 0 });
    expect(s.operators).toEqual(['mgr01', 'mgr02', 'tel01']);
  });

  it('refuses while a request waits, and a difference without its reason', async () => {
    await aDayAtTheCounter();
    const waiting = await fx.call('approvalsRequest', { kind: 'FEE_WAIVER', subject: 'C0000009', reason: '検討中' });
    const pending = await fx.app.dispatch('dayClose', { countedCash: 2200, countedStock: {} });
    expect(pending.ok ? '' : pending.error).toMatchObject({ code: 'APPROVALS_PENDING', message: expect.stringContaining('検印待ちの依頼が1件') });
    await fx.call('approvalsDecide', { id: waiting.id, approverId: 'mgr02', password: 'manager345', approve: false });
    const short = await fx.app.dispatch('dayClose', { countedCash: 1200, countedStock: {} });
    expect(short.ok ? {} : short.error.fieldErrors).toEqual({ cashReason: expect.stringContaining('過不足') });
    const stock = await fx.app.dispatch('dayClose', { countedCash: 2200, countedStock: { IN_STOCK: 3 } });
    expect(stock.ok ? {} : stock.error.fieldErrors).toEqual({ stockReason: expect.stringContaining('在庫数') });
  });

  it('closes with a difference and its reason, prints the 日計表, and new work belongs to the next business day', async () => {
    await aDayAtTheCounter();
    const closed = await fx.call('dayClose', { countedCash: 1200, cashReason: '釣銭の渡し過ぎ（1,000円）', countedStock: { IN_STOCK: 4 } });
    expect(closed).toMatchObject({ businessDate: '2026-11-25', cashDifference: -1000 });
    const text = pdfText(closed.pdfBase64).replace(/\s+/g, ' ');
    const head = (fx.app.db.prepare("SELECT hash FROM journal WHERE kind = 'DAY_CLOSED'").get() as { hash: string }).hash;
    for (const words of ['日計表', '2026年11月25日', 'ハードウェアトークン発行 3件 6,600円', '取引の取消 1件 −2,200円', '10%対象 4,400円（うち消費税 400円）', '数えた現金 1,200円', '−1,000円', '釣銭の渡し過ぎ（1,000円）', head]) {
      expect(text).toContain(words);
    }

    // Still Wednesday: what is done now belongs to Thursday 11-26.
    const t = fx.tokens[4]!;
    await fx.call('issue', issueRequest(t.serial, codeAt(t, fx.clock.now), { contractId: 'C0000005' }));
    const next = await fx.call('dayStatus', {});
    expect(next).toMatchObject({ businessDate: '2026-11-26', lastClosed: '2026-11-25' });
    expect(next.figures.acts).toEqual([{ kind: 'TOKEN_ISSUED', label: 'ハードウェアトークン発行', count: 1, amount: 2200 }]);
    expect((await fx.call('dayReport', { businessDate: '2026-11-25' })).pdfBase64).toBe(closed.pdfBase64);

    // A closed day's transaction is not voided without reopening the day first, itself approved.
    const first = fx.app.db.prepare("SELECT receipt_no AS r FROM journal WHERE kind = 'TOKEN_ISSUED' ORDER BY seq LIMIT 1 OFFSET 1").get() as { r: string };
    const late = await fx.app.dispatch('approvalsRequest', { kind: 'VOID', subject: first.r, reason: '誤り' });
    expect(late.ok ? '' : late.error.fieldErrors?.subject).toContain('締め済みの営業日');
    await fx.call('approvalsRequest', { kind: 'DAY_REOPEN', subject: '2026-11-25', reason: '取消漏れ' });
    const reopen = (fx.app.db.prepare("SELECT id FROM approvals WHERE kind = 'DAY_REOPEN'").get() as { id: number }).id;
    await fx.call('approvalsDecide', { id: reopen, approverId: 'mgr02', password: 'manager345', approve: true });
    expect((await fx.call('dayStatus', {})).businessDate).toBe('2026-11-25');
  });
});
