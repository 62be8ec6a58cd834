import { afterEach, describe, expect, it } from 'vitest';
import { branchWithContract, tokenState, NO_SYMPTOMS, type ContractFixture } from '../../support/app-fixture';
import { pdfText } from '../../support/pdf-text';
import { codeAt } from '../../support/seeds';

let fx: ContractFixture;
afterEach(() => fx?.cleanup());

describe('collected tokens back to the vendor', () => {
  it('makes a return batch with a printed list; tokens become RETURNED_TO_VENDOR', async () => {
    fx = await branchWithContract();
    const { old, stock } = fx;
    await fx.call('exchange', {
      contractId: 'C0012345',
      identityDocument: 'DRIVERS_LICENSE',
      reason: 'BATTERY',
      oldSerial: old.serial,
      symptoms: NO_SYMPTOMS,
      newSerial: stock[0]!.serial,
      newOtp: codeAt(stock[0]!, fx.clock.now),
    });
    const refused = await fx.app.dispatch('returnsCreateBatch', { serials: [stock[1]!.serial] });
    expect(refused.ok ? '' : refused.error.code).toBe('TOKEN_STATE');
    const batch = await fx.call('returnsCreateBatch', { serials: [old.serial] });
    expect(batch.count).toBe(1);
    expect(tokenState(fx, old.serial)).toBe('RETURNED_TO_VENDOR');
    expect(pdfText(batch.pdfBase64)).toContain(old.serial);
    expect((await fx.call('returnsCollected', {})).tokens).toEqual([]);
  });
});
