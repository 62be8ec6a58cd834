import { afterEach, describe, expect, it } from 'vitest';
import { branchWithContract, issueRequest, tokenState, type ContractFixture } from '../../support/app-fixture';
import { pdfText } from '../../support/pdf-text';

let fx: ContractFixture;
afterEach(() => fx?.cleanup());

describe('feature-phone suspension (利用中止届)', () => {
  it('suspends for good, marks it urgent, and the slip says transfers are restricted', async () => {
    fx = await branchWithContract(true);
    const { old } = fx;
    const res = await fx.call('suspend', { contractId: 'C0012345', identityDocument: 'HEALTH_INSURANCE', serial: old.serial });
    expect(tokenState(fx, old.serial)).toBe('SUSPENDED');
    expect(fx.app.db.prepare("SELECT urgent FROM outbox WHERE kind = 'TOKEN_SUSPENDED'").get()).toEqual({ urgent: 1 });
    const text = pdfText((await fx.call('receiptsOpen', { receiptNo: res.receiptNo, reprint: false, copy: 'customer' })).pdfBase64);
    for (const word of ['利用中止受付票', old.serial, '資金移動', '制限', '利用開始', '0円']) expect(text).toContain(word);
    const reissue = await fx.app.dispatch('issue', issueRequest(old.serial, '123456', { contractId: 'C0099999' }));
    expect(reissue.ok ? '' : reissue.error.message).toContain('利用中止');
  });

  it('is refused for a smartphone contract, which stops online', async () => {
    fx = await branchWithContract(false);
    const { old } = fx;
    const r = await fx.app.dispatch('suspend', { contractId: 'C0012345', identityDocument: 'DRIVERS_LICENSE', serial: old.serial });
    expect(r.ok ? '' : r.error.message).toContain('WEBバンキングの「利用中止」');
    expect(tokenState(fx, old.serial)).toBe('ISSUED');
  });

  it('is refused when the serial on the form is not the contract’s', async () => {
    fx = await branchWithContract(true);
    const { stock } = fx;
    const r = await fx.app.dispatch('suspend', { contractId: 'C0012345', identityDocument: 'DRIVERS_LICENSE', serial: stock[0]!.serial });
    expect(r.ok ? '' : r.error.fieldErrors?.serial).toContain('一致しません');
  });
});
