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
});
