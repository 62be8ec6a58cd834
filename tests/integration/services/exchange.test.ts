import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../../db/journal';
import { branchWithContract, countOf, tokenState, NO_SYMPTOMS, type ContractFixture } from '../../support/app-fixture';
import { pdfText } from '../../support/pdf-text';
import { codeAt, type TestToken } from '../../support/seeds';

let fx: ContractFixture;
afterEach(() => fx?.cleanup());

describe('free replacement (交換)', () => {
  it('moves the old token to the collected box, issues the new one, free, with a slip naming both serials', async () => {
    fx = await branchWithContract();
    const { old, stock } = fx;
    const fresh = stock[0]!;
    const res = await fx.call('exchange', {
      contractId: 'C0012345',
      identityDocument: 'DRIVERS_LICENSE',
      reason: 'BATTERY',
      oldSerial: old.serial,
      symptoms: { ...NO_SYMPTOMS, batteryLowMark: true },
      oldOtp: codeAt(old, fx.clock.now),
      newSerial: fresh.serial,
      newOtp: codeAt(fresh, fx.clock.now),
    });
    expect(res.fee.totalInclTax).toBe(0);
    expect([tokenState(fx, old.serial), tokenState(fx, fresh.serial)]).toEqual(['EXCHANGED', 'ISSUED']);
    expect(fx.app.db.prepare('SELECT current_serial AS s FROM contracts').get()).toEqual({ s: fresh.serial });
    expect((await fx.call('returnsCollected', {})).tokens.map((t) => t.serial)).toEqual([old.serial]);

    const receipt = await fx.call('receiptsOpen', { receiptNo: res.receiptNo, reprint: false, copy: 'customer' });
    const text = pdfText(receipt.pdfBase64);
    for (const word of ['交換受付票', '変更前', '変更後', old.serial, fresh.serial, res.receiptNo, '0円', '受付時刻']) expect(text).toContain(word);
    expect(text).not.toContain('うち消費税');
    expect(verifyChain(fx.app.db)).toMatchObject({ ok: true });
  });

  it('writes old token, new token, journal, receipt and outbox together or not at all', async () => {
    fx = await branchWithContract();
    const { old, stock } = fx;
    const before = { journal: countOf(fx, 'SELECT COUNT(*) AS n FROM journal'), receipts: countOf(fx, 'SELECT COUNT(*) AS n FROM receipts'), outbox: countOf(fx, 'SELECT COUNT(*) AS n FROM outbox') };
    fx.app.db.exec("CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const req = {
      contractId: 'C0012345',
      identityDocument: 'PASSPORT',
      reason: 'FAULT' as const,
      oldSerial: old.serial,
      symptoms: { ...NO_SYMPTOMS, faultMark: true },
      newSerial: stock[0]!.serial,
      newOtp: codeAt(stock[0]!, fx.clock.now),
    };
    const r = await fx.app.dispatch('exchange', req);
    expect(r.ok ? '' : r.error.code).toBe('INTERNAL');
    expect(fx.errorReports()).toMatchObject([{ channel: 'exchange', operatorId: 'mgr01', error: { message: 'disk full' } }]);
    expect({ journal: countOf(fx, 'SELECT COUNT(*) AS n FROM journal'), receipts: countOf(fx, 'SELECT COUNT(*) AS n FROM receipts'), outbox: countOf(fx, 'SELECT COUNT(*) AS n FROM outbox') }).toEqual(before);
    expect([tokenState(fx, old.serial), tokenState(fx, stock[0]!.serial)]).toEqual(['ISSUED', 'IN_STOCK']);
    expect(fx.app.db.prepare('SELECT current_serial AS s FROM contracts').get()).toEqual({ s: old.serial });
    fx.app.db.exec('DROP TRIGGER fail_outbox');
    await fx.call('exchange', req);
    expect(tokenState(fx, old.serial)).toBe('EXCHANGED');
  });

  it('refuses a second replacement of the same old token, and a token that is not the contract’s', async () => {
    fx = await branchWithContract();
    const { old, stock } = fx;
    const req = (newT: TestToken, oldSerial = old.serial) => ({
      contractId: 'C0012345',
      identityDocument: 'DRIVERS_LICENSE',
      reason: 'DAMAGE' as const,
      oldSerial,
      symptoms: { ...NO_SYMPTOMS, physicalDamage: true },
      newSerial: newT.serial,
      newOtp: codeAt(newT, fx.clock.now),
    });
    const unknownNew = await fx.app.dispatch('exchange', { ...req(stock[0]!), newSerial: 'ZZ0000000000' });
    expect(unknownNew.ok ? '' : unknownNew.error.fieldErrors?.newSerial).toContain('在庫に登録されていません');
    const badOtp = await fx.app.dispatch('exchange', { ...req(stock[0]!), newOtp: '12' });
    expect(badOtp.ok ? {} : Object.keys(badOtp.error.fieldErrors ?? {})).toEqual(['newOtp']);
    const wrongOld = await fx.app.dispatch('exchange', req(stock[0]!, stock[2]!.serial));
    expect(wrongOld.ok ? '' : wrongOld.error.fieldErrors?.oldSerial).toContain('この契約のトークン');
    await fx.call('exchange', req(stock[0]!));
    const again = await fx.app.dispatch('exchange', req(stock[1]!));
    expect(again.ok ? '' : again.error.fieldErrors?.oldSerial).toContain('この契約のトークン');
    expect(tokenState(fx, stock[1]!.serial)).toBe('IN_STOCK');
  });

  it('refuses the old token’s code read a second time without counting it toward the token’s lock', async () => {
    fx = await branchWithContract();
    const { old, stock } = fx;
    const issuedAt = new Date(fx.clock.now.getTime() - 90_000);
    const r = await fx.app.dispatch('exchange', {
      contractId: 'C0012345',
      identityDocument: 'DRIVERS_LICENSE',
      reason: 'BATTERY',
      oldSerial: old.serial,
      symptoms: NO_SYMPTOMS,
      oldOtp: codeAt(old, issuedAt),
      newSerial: stock[0]!.serial,
      newOtp: codeAt(stock[0]!, fx.clock.now),
    });
    expect(r.ok ? {} : r.error).toMatchObject({ code: 'OTP_REPLAY', fieldErrors: { oldOtp: expect.stringContaining('次のコードが表示されてから入力してください') } });
    expect(fx.app.db.prepare('SELECT fail_count AS f FROM tokens WHERE serial = ?').get(old.serial)).toEqual({ f: 0 });
    expect(tokenState(fx, stock[0]!.serial)).toBe('IN_STOCK');
  });
});
