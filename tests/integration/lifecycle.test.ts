import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../db/journal';
import { branchWithStock, issueRequest, type Fixture } from '../support/app-fixture';
import { pdfText } from '../support/pdf-text';
import { buildEncryptedPskc } from '../support/pskc-builder';
import { codeAt, type TestToken } from '../support/seeds';

let fx: Fixture;
afterEach(() => fx?.cleanup());

const state = (serial: string) => (fx.app.db.prepare('SELECT state FROM tokens WHERE serial = ?').get(serial) as { state: string }).state;
const n = (sql: string) => (fx.app.db.prepare(sql).get() as { n: number }).n;

/** A branch where contract C0012345 holds token 0 (feature phone or not); tokens 1.. are in stock. */
async function contractWithToken(featurePhone = false): Promise<{ old: TestToken; stock: TestToken[] }> {
  fx = await branchWithStock({ tokens: 4 });
  const [old, ...stock] = fx.tokens as [TestToken, ...TestToken[]];
  await fx.call('issue', issueRequest(old.serial, codeAt(old, fx.clock.now), { featurePhone }));
  // The customer comes back a while later with the token.
  fx.clock.now = new Date(fx.clock.now.getTime() + 90_000);
  return { old, stock };
}

const noSymptoms = { faultMark: false, batteryLowMark: false, physicalDamage: false };

describe('free replacement (交換)', () => {
  it('moves the old token to the collected box, issues the new one, free, with a slip naming both serials', async () => {
    const { old, stock } = await contractWithToken();
    const fresh = stock[0]!;
    const res = await fx.call('exchange', {
      contractId: 'C0012345',
      identityDocument: 'DRIVERS_LICENSE',
      reason: 'BATTERY',
      oldSerial: old.serial,
      symptoms: { ...noSymptoms, batteryLowMark: true },
      oldOtp: codeAt(old, fx.clock.now),
      newSerial: fresh.serial,
      newOtp: codeAt(fresh, fx.clock.now),
    });
    expect(res.fee.totalInclTax).toBe(0);
    expect([state(old.serial), state(fresh.serial)]).toEqual(['EXCHANGED', 'ISSUED']);
    expect(fx.app.db.prepare('SELECT current_serial AS s FROM contracts').get()).toEqual({ s: fresh.serial });
    expect((await fx.call('returnsCollected', {})).tokens.map((t) => t.serial)).toEqual([old.serial]);

    const receipt = await fx.call('receiptsOpen', { receiptNo: res.receiptNo, reprint: false, copy: 'customer' });
    const text = pdfText(receipt.pdfBase64);
    for (const word of ['交換受付票', '変更前', '変更後', old.serial, fresh.serial, res.receiptNo, '0円', '受付時刻']) expect(text).toContain(word);
    expect(text).not.toContain('うち消費税');
    expect(verifyChain(fx.app.db)).toMatchObject({ ok: true });
  });

  it('writes old token, new token, journal, receipt and outbox together or not at all', async () => {
    const { old, stock } = await contractWithToken();
    const before = { journal: n('SELECT COUNT(*) AS n FROM journal'), receipts: n('SELECT COUNT(*) AS n FROM receipts'), outbox: n('SELECT COUNT(*) AS n FROM outbox') };
    fx.app.db.exec("CREATE TRIGGER fail_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const req = {
      contractId: 'C0012345',
      identityDocument: 'PASSPORT',
      reason: 'FAULT' as const,
      oldSerial: old.serial,
      symptoms: { ...noSymptoms, faultMark: true },
      newSerial: stock[0]!.serial,
      newOtp: codeAt(stock[0]!, fx.clock.now),
    };
    const r = await fx.app.dispatch('exchange', req);
    expect(r.ok ? '' : r.error.code).toBe('INTERNAL');
    expect(fx.errorReports()).toMatchObject([{ channel: 'exchange', operatorId: 'mgr01', error: { message: 'disk full' } }]);
    expect({ journal: n('SELECT COUNT(*) AS n FROM journal'), receipts: n('SELECT COUNT(*) AS n FROM receipts'), outbox: n('SELECT COUNT(*) AS n FROM outbox') }).toEqual(before);
    expect([state(old.serial), state(stock[0]!.serial)]).toEqual(['ISSUED', 'IN_STOCK']);
    expect(fx.app.db.prepare('SELECT current_serial AS s FROM contracts').get()).toEqual({ s: old.serial });
    fx.app.db.exec('DROP TRIGGER fail_outbox');
    await fx.call('exchange', req);
    expect(state(old.serial)).toBe('EXCHANGED');
  });

  it('refuses a second replacement of the same old token, and a token that is not the contract’s', async () => {
    const { old, stock } = await contractWithToken();
    const req = (newT: TestToken, oldSerial = old.serial) => ({
      contractId: 'C0012345',
      identityDocument: 'DRIVERS_LICENSE',
      reason: 'DAMAGE' as const,
      oldSerial,
      symptoms: { ...noSymptoms, physicalDamage: true },
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
    expect(state(stock[1]!.serial)).toBe('IN_STOCK');
  });
});

describe('lost or stolen reissue (紛失・盗難)', () => {
  it('stops the old serial, issues a new token for 2,200 yen with the invoice lines, urgently for the core service', async () => {
    const { old, stock } = await contractWithToken();
    const res = await fx.call('reissue', {
      contractId: 'C0012345',
      identityDocument: 'MY_NUMBER_CARD',
      reason: 'LOST',
      newSerial: stock[0]!.serial,
      newOtp: codeAt(stock[0]!, fx.clock.now),
      payment: 'ACCOUNT_DEBIT',
    });
    expect(res).toMatchObject({ lostSerial: old.serial, newSerial: stock[0]!.serial, fee: { totalInclTax: 2200, tax: 200 } });
    expect(state(old.serial)).toBe('LOST');
    const outbox = fx.app.db.prepare("SELECT urgent FROM outbox WHERE kind = 'TOKEN_REISSUED_LOST'").get();
    expect(outbox).toEqual({ urgent: 1 });
    const text = pdfText((await fx.call('receiptsOpen', { receiptNo: res.receiptNo, reprint: false, copy: 'customer' })).pdfBase64);
    for (const word of ['再発行', '2,200円(税込)', 'うち消費税 200円', 'T7000012050002', old.serial, stock[0]!.serial, '口座振替']) expect(text).toContain(word);
    const lostAgain = await fx.app.dispatch('issue', issueRequest(old.serial, '123456', { contractId: 'C0099999' }));
    expect(lostAgain.ok ? '' : lostAgain.error.message).toContain('紛失');
  });
});

describe('feature-phone suspension (利用中止届)', () => {
  it('suspends for good, marks it urgent, and the slip says transfers are restricted', async () => {
    const { old } = await contractWithToken(true);
    const res = await fx.call('suspend', { contractId: 'C0012345', identityDocument: 'HEALTH_INSURANCE', serial: old.serial });
    expect(state(old.serial)).toBe('SUSPENDED');
    expect(fx.app.db.prepare("SELECT urgent FROM outbox WHERE kind = 'TOKEN_SUSPENDED'").get()).toEqual({ urgent: 1 });
    const text = pdfText((await fx.call('receiptsOpen', { receiptNo: res.receiptNo, reprint: false, copy: 'customer' })).pdfBase64);
    for (const word of ['利用中止受付票', old.serial, '資金移動', '制限', '利用開始', '0円']) expect(text).toContain(word);
    const reissue = await fx.app.dispatch('issue', issueRequest(old.serial, '123456', { contractId: 'C0099999' }));
    expect(reissue.ok ? '' : reissue.error.message).toContain('利用中止');
  });

  it('is refused for a smartphone contract, which stops online', async () => {
    const { old } = await contractWithToken(false);
    const r = await fx.app.dispatch('suspend', { contractId: 'C0012345', identityDocument: 'DRIVERS_LICENSE', serial: old.serial });
    expect(r.ok ? '' : r.error.message).toContain('WEBバンキングの「利用中止」');
    expect(state(old.serial)).toBe('ISSUED');
  });

  it('is refused when the serial on the form is not the contract’s', async () => {
    const { stock } = await contractWithToken(true);
    const r = await fx.app.dispatch('suspend', { contractId: 'C0012345', identityDocument: 'DRIVERS_LICENSE', serial: stock[0]!.serial });
    expect(r.ok ? '' : r.error.fieldErrors?.serial).toContain('一致しません');
  });
});

describe('collected tokens back to the vendor', () => {
  it('makes a return batch with a printed list; tokens become RETURNED_TO_VENDOR', async () => {
    const { old, stock } = await contractWithToken();
    await fx.call('exchange', {
      contractId: 'C0012345',
      identityDocument: 'DRIVERS_LICENSE',
      reason: 'BATTERY',
      oldSerial: old.serial,
      symptoms: noSymptoms,
      newSerial: stock[0]!.serial,
      newOtp: codeAt(stock[0]!, fx.clock.now),
    });
    const refused = await fx.app.dispatch('returnsCreateBatch', { serials: [stock[1]!.serial] });
    expect(refused.ok ? '' : refused.error.code).toBe('TOKEN_STATE');
    const batch = await fx.call('returnsCreateBatch', { serials: [old.serial] });
    expect(batch.count).toBe(1);
    expect(state(old.serial)).toBe('RETURNED_TO_VENDOR');
    expect(pdfText(batch.pdfBase64)).toContain(old.serial);
    expect((await fx.call('returnsCollected', {})).tokens).toEqual([]);
  });
});

describe('stock care', () => {
  it('sends at most 500 rows of a large stock, and says how many the filter matched', async () => {
    fx = await branchWithStock({ tokens: 620 });
    const all = await fx.call('stockList', {});
    expect(all.tokens).toHaveLength(500);
    expect(all.matched).toBe(620);
    expect(all.counts).toEqual({ IN_STOCK: 620 });
    expect(all.tokens[0]!.serial).toBe('MG0000000001');

    // Part of a serial, typed full-width: 61, 161 … 561 and 610 … 619.
    const some = await fx.call('stockList', { serial: '６１' });
    expect(some.tokens.map((t) => t.serial.slice(-3))).toEqual(['061', '161', '261', '361', '461', '561', ...Array.from({ length: 10 }, (_, i) => `61${i}`)]);
    expect(some.matched).toBe(16);
    const none = await fx.call('stockList', { state: 'ISSUED' });
    expect(none).toMatchObject({ tokens: [], matched: 0 });
  });

  it('finds a serial from one OTP when the label cannot be read', async () => {
    fx = await branchWithStock({ tokens: 5 });
    const t = fx.tokens[3]!;
    const found = await fx.call('stockFindByOtp', { otp: codeAt(t, fx.clock.now) });
    expect(found.searched).toBe(5);
    expect(found.matches.map((m) => m.serial)).toContain(t.serial);
  });

  it('marks a stock token damaged then disposed, and refuses to issue it', async () => {
    fx = await branchWithStock();
    const t = fx.tokens[0]!;
    await fx.call('stockMarkDamaged', { serial: t.serial, note: '液晶割れ' });
    await fx.call('stockDispose', { serial: t.serial, note: '' });
    expect(state(t.serial)).toBe('DISPOSED');
    const r = await fx.app.dispatch('issue', issueRequest(t.serial, codeAt(t, fx.clock.now)));
    expect(r.ok ? '' : r.error.code).toBe('TOKEN_STATE');
  });

  it('resyncs a drifting token from two consecutive codes and resets a fail counter', async () => {
    fx = await branchWithStock();
    const t = fx.tokens[0]!;
    // The token's clock runs 5 steps (2.5 minutes) ahead.
    const ahead = (k: number) => new Date(fx.clock.now.getTime() + (5 + k) * 30_000);
    const before = await fx.app.dispatch('issue', issueRequest(t.serial, codeAt(t, ahead(0))));
    expect(before.ok ? '' : before.error.code).toBe('OTP_MISMATCH');
    expect((await fx.call('stockList', { serial: t.serial })).tokens[0]!.failCount).toBe(1);
    const r = await fx.call('stockResync', { serial: t.serial, otp1: codeAt(t, ahead(0)), otp2: codeAt(t, ahead(1)) });
    expect(r.driftSteps).toBe(6);
    expect((await fx.call('stockList', { serial: t.serial })).tokens[0]!.failCount).toBe(0);
    fx.clock.now = new Date(fx.clock.now.getTime() + 30_000);
    const issued = await fx.call('issue', issueRequest(t.serial, codeAt(t, ahead(2))));
    expect(issued.serial).toBe(t.serial);

    const u = fx.tokens[1]!;
    await fx.app.dispatch('issue', issueRequest(u.serial, '000000', { contractId: 'C0000002' }));
    await fx.call('stockResetFailCount', { serial: u.serial });
    expect((await fx.call('stockList', { serial: u.serial })).tokens[0]!.failCount).toBe(0);
  });
});

describe('stock from PSKC files', () => {
  it('imports an encrypted PSKC file whole, records the batch, and issues a token with a code from its seed', async () => {
    fx = await branchWithStock({ tokens: 1 });
    const psk = randomBytes(16);
    const tokens: TestToken[] = Array.from({ length: 4 }, (_, i) => ({
      serial: `PK${String(i + 1).padStart(10, '0')}`,
      secret: randomBytes(20),
      params: { algorithm: 'TOTP', hash: 'SHA1', digits: 6, period: 30, counter: 0 },
    }));
    const xml = buildEncryptedPskc(psk, tokens.map((t, i) => ({ serial: t.serial, id: `K${i}`, secret: t.secret, totp: true })));

    const noKey = await fx.app.dispatch('stockImport', { fileName: 'vendor.pskc', content: xml });
    expect(noKey.ok ? '' : Object.keys(noKey.error.fieldErrors ?? {})).toEqual(['preSharedKey']);
    const tampered = xml.replace(/<ValueMAC>(.)/, (_m, c: string) => `<ValueMAC>${c === 'A' ? 'B' : 'A'}`);
    const bad = await fx.app.dispatch('stockImport', { fileName: 'vendor.pskc', content: tampered, preSharedKeyHex: psk.toString('hex') });
    expect(bad.ok ? '' : bad.error.message).toMatch(/1件目のKeyPackage.*MAC/);
    expect(n("SELECT COUNT(*) AS n FROM tokens WHERE serial LIKE 'PK%'")).toBe(0);

    const ok = await fx.call('stockImport', { fileName: 'vendor.pskc', content: xml, preSharedKeyHex: psk.toString('hex').toUpperCase() });
    expect(ok).toMatchObject({ count: 4, format: 'PSKC' });
    expect(fx.app.db.prepare('SELECT file_name AS f, token_count AS c, operator_id AS op FROM seed_batches ORDER BY batch_id DESC LIMIT 1').get()).toEqual({
      f: 'vendor.pskc',
      c: 4,
      op: 'mgr01',
    });
    const t = tokens[2]!;
    const issued = await fx.call('issue', issueRequest(t.serial, codeAt(t, fx.clock.now)));
    expect(issued.serial).toBe(t.serial);
  });
});
