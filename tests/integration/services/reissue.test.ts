import { afterEach, describe, expect, it } from 'vitest';
import { branchWithContract, issueRequest, tokenState, type ContractFixture } from '../../support/app-fixture';
import { pdfText } from '../../support/pdf-text';
import { codeAt } from '../../support/seeds';

let fx: ContractFixture;
afterEach(() => fx?.cleanup());

describe('lost or stolen reissue (紛失・盗難)', () => {
  it('stops the old serial, issues a new token for 2,200 yen with the invoice lines, urgently for the core service', async () => {
    fx = await branchWithContract();
    const { old, stock } = fx;
    const res = await fx.call('reissue', {
      contractId: 'C0012345',
      identityDocument: 'MY_NUMBER_CARD',
      reason: 'LOST',
      newSerial: stock[0]!.serial,
      newOtp: codeAt(stock[0]!, fx.clock.now),
      payment: 'ACCOUNT_DEBIT',
    });
    expect(res).toMatchObject({ lostSerial: old.serial, newSerial: stock[0]!.serial, fee: { totalInclTax: 2200, tax: 200 } });
    expect(tokenState(fx, old.serial)).toBe('LOST');
    const outbox = fx.app.db.prepare("SELECT urgent FROM outbox WHERE kind = 'TOKEN_REISSUED_LOST'").get();
    expect(outbox).toEqual({ urgent: 1 });
    const text = pdfText((await fx.call('receiptsOpen', { receiptNo: res.receiptNo, reprint: false, copy: 'customer' })).pdfBase64);
    for (const word of ['再発行', '2,200円(税込)', 'うち消費税 200円', 'T7000012050002', old.serial, stock[0]!.serial, '口座振替']) expect(text).toContain(word);
    const lostAgain = await fx.app.dispatch('issue', issueRequest(old.serial, '123456', { contractId: 'C0099999' }));
    expect(lostAgain.ok ? '' : lostAgain.error.message).toContain('紛失');
  });
});
