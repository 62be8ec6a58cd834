import { afterEach, describe, expect, it } from 'vitest';
import { branchWithStock, issueRequest, type Fixture } from '../../support/app-fixture';
import { codeAt, type TestToken } from '../../support/seeds';

let fx: Fixture;
afterEach(() => fx?.cleanup());

describe('today’s journal (本日の取引)', () => {
  it('lists today’s counter transactions with their fee and how it was paid', async () => {
    fx = await branchWithStock();
    const [a, b] = fx.tokens as [TestToken, TestToken];
    await fx.call('issue', issueRequest(a.serial, codeAt(a, fx.clock.now), { contractId: 'C0000001', payment: 'CASH' }));
    await fx.call('issue', issueRequest(b.serial, codeAt(b, fx.clock.now), { contractId: 'C0000002', payment: 'ACCOUNT_DEBIT' }));
    const { entries } = await fx.call('journalToday', {});
    expect(entries.filter((e) => e.receiptNo).map((e) => [e.receiptNo, e.amount, e.payment])).toEqual([
      ['101-01-0000002', 2200, 'ACCOUNT_DEBIT'],
      ['101-01-0000001', 2200, 'CASH'],
    ]);
    expect(entries.find((e) => e.kind === 'LOGIN')).toMatchObject({ amount: null, payment: null });
  });

  it('groups each line, and says why an attempt was refused and which copy a reprint was, without the payload', async () => {
    fx = await branchWithStock();
    const [a, b] = fx.tokens as [TestToken, TestToken];
    const { receiptNo } = await fx.call('issue', issueRequest(a.serial, codeAt(a, fx.clock.now)));
    await fx.call('receiptsOpen', { receiptNo, reprint: true, copy: 'customer' });
    const good = codeAt(b, fx.clock.now);
    const wrong = String((Number(good) + 1) % 1_000_000).padStart(6, '0');
    expect((await fx.app.dispatch('issue', issueRequest(b.serial, wrong, { contractId: 'C0000002' }))).ok).toBe(false);
    expect((await fx.app.dispatch('suspend', { contractId: 'C0012345', identityDocument: 'DRIVERS_LICENSE', serial: a.serial })).ok).toBe(false);
    expect((await fx.app.dispatch('authLogin', { operatorId: 'mgr01', password: 'not-the-password1' })).ok).toBe(false);

    const { entries } = await fx.call('journalToday', {});
    const seen = entries.map((e) => [e.kind, e.group, e.detail]);
    expect(seen).toEqual([
      ['LOGIN_FAILED', 'refusal', 'パスワード誤り（1回目）'],
      ['COUNTER_REFUSED', 'refusal', expect.stringMatching(/^利用中止（届出）：この契約はスマートフォン・パソコンのご利用です/)],
      ['OTP_REFUSED', 'refusal', expect.stringMatching(/^ハードウェアトークン発行：ワンタイムパスワードが一致しません/)],
      ['RECEIPT_REPRINTED', 'reprint', 'お客さま控（再発行1回目）'],
      ['TOKEN_ISSUED', 'counter', null],
      ['SEED_IMPORTED', 'stock', 'vendor.csv（3件）'],
      ['LOGIN', 'access', null],
      ['RECOVERY_PASSPHRASE_SET', 'admin', null],
      ['BRANCH_SETUP', 'admin', null],
    ]);
    expect(entries.find((e) => e.kind === 'RECEIPT_REPRINTED')).toMatchObject({ receiptNo, amount: null });
  });
});
