import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../../db/journal';
import { branchWithStock, issueRequest, countOf, type Fixture } from '../../support/app-fixture';
import { buildEncryptedPskc } from '../../support/pskc-builder';
import { pdfText } from '../../support/pdf-text';
import { codeAt, oathCsv, testToken, type TestToken } from '../../support/seeds';

let fx: Fixture;
afterEach(() => fx?.cleanup());

describe('the stock list', () => {
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
    expect(countOf(fx, "SELECT COUNT(*) AS n FROM tokens WHERE serial LIKE 'PK%'")).toBe(0);

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

  it('checks a PSKC key\'s Policy dates against the terminal\'s clock at import', async () => {
    fx = await branchWithStock({ tokens: 1 });
    // The fixture's clock reads 2026-11-25T01:30:00Z; the dates are a minute either side of it.
    const xml = (start: string, expiry: string) => `<KeyContainer Version="1.0" xmlns="urn:ietf:params:xml:ns:keyprov:pskc">
    <KeyPackage><DeviceInfo><SerialNo>PL0000000001</SerialNo></DeviceInfo>
      <Key Id="1" Algorithm="urn:ietf:params:xml:ns:keyprov:pskc:totp">
        <AlgorithmParameters><ResponseFormat Length="6" Encoding="DECIMAL"/></AlgorithmParameters>
        <Data><Secret><PlainValue>MTIzNDU2Nzg5MDEyMzQ1Njc4OTA=</PlainValue></Secret></Data>
        <Policy><StartDate>${start}</StartDate><ExpiryDate>${expiry}</ExpiryDate></Policy>
      </Key></KeyPackage>
  </KeyContainer>`;
    const expired = await fx.app.dispatch('stockImport', { fileName: 'old.pskc', content: xml('2026-01-01T00:00:00Z', '2026-11-25T01:29:00Z') });
    expect(expired.ok ? '' : expired.error.message).toContain('鍵の有効期限（Policy/ExpiryDate 2026-11-25T01:29:00Z）を過ぎているため');
    const early = await fx.app.dispatch('stockImport', { fileName: 'new.pskc', content: xml('2026-11-25T01:31:00Z', '2031-01-01T00:00:00Z') });
    expect(early.ok ? '' : early.error.message).toContain('鍵の使用開始日時（Policy/StartDate 2026-11-25T01:31:00Z）より前のため');
    expect(countOf(fx, "SELECT COUNT(*) AS n FROM tokens WHERE serial = 'PL0000000001'")).toBe(0);
    const ok = await fx.call('stockImport', { fileName: 'vendor.pskc', content: xml('2026-11-25T01:29:00Z', '2026-11-25T01:31:00Z') });
    expect(ok).toMatchObject({ count: 1, format: 'PSKC' });
  });

  it('journals a refused file with its name, SHA-256 and reason, never its key or password', async () => {
    fx = await branchWithStock({ tokens: 1 });
    const psk = randomBytes(16);
    const wrongKey = randomBytes(16).toString('hex');
    const xml = buildEncryptedPskc(psk, [{ serial: 'PK0000000001', id: 'K1', secret: randomBytes(20), totp: true }]);
    const refused = await fx.app.dispatch('stockImport', { fileName: 'vendor.pskc', content: xml, preSharedKeyHex: wrongKey, password: 'not-used-here' });
    expect(refused.ok).toBe(false);
    const message = refused.ok ? '' : refused.error.message;

    const rows = fx.app.db.prepare("SELECT operator_id AS op, payload FROM journal WHERE kind = 'SEED_IMPORT_REFUSED'").all() as Array<{ op: string; payload: string }>;
    expect(rows.map((r) => ({ op: r.op, ...JSON.parse(r.payload) }))).toEqual([
      { op: 'mgr01', fileName: 'vendor.pskc', sha256: createHash('sha256').update(xml).digest('hex'), code: 'PSKC', message },
    ]);
    expect(rows[0]!.payload).not.toContain(wrongKey);
    expect(rows[0]!.payload).not.toContain('not-used-here');
    const { entries } = await fx.call('journalToday', {});
    expect(entries[0]).toMatchObject({ kind: 'SEED_IMPORT_REFUSED', group: 'refusal', detail: `vendor.pskc：${message}` });
    expect(verifyChain(fx.app.db)).toMatchObject({ ok: true });
  });

  it('refuses a seed file that repeats a serial already in stock, importing nothing of it', async () => {
    fx = await branchWithStock();
    const before = (fx.app.db.prepare('SELECT COUNT(*) AS n FROM tokens').get() as { n: number }).n;
    const t = fx.tokens[0]!;
    const csv = `NEW000000001,${'ab'.repeat(20)},totp,6,30\n${t.serial},${'cd'.repeat(20)},totp,6,30\n`;
    const r = await fx.app.dispatch('stockImport', { fileName: 'again.csv', content: csv });
    expect(r.ok ? '' : r.error.message).toContain(t.serial);
    expect((fx.app.db.prepare('SELECT COUNT(*) AS n FROM tokens').get() as { n: number }).n).toBe(before);
    expect(fx.app.db.prepare('SELECT COUNT(*) AS n FROM seed_batches').get()).toEqual({ n: 1 });
  });
});

describe('a maker whose serials are not this bank’s 12 alphanumerics', () => {
  it('imports its 13-digit file once the branch says so, and issues and finds those tokens; the tokens already in stock keep theirs', async () => {
    fx = await branchWithStock({ tokens: 1 });
    const [mine] = fx.tokens as [TestToken];
    const tokens = ['4901234567890', '4901234567891'].map((serial) => testToken(serial));
    const csv = oathCsv(tokens).replace('4901234567891', '4901-2345-6789-1');

    const refused = await fx.app.dispatch('stockImport', { fileName: 'maker-b.csv', content: csv });
    expect(refused.ok ? '' : refused.error.message).toBe('3行目: シリアル番号「4901234567890」は英数字12桁ではありません');
    await fx.call('branchUpdateSettings', { serialFormat: 'DIGITS_13' });
    expect(await fx.call('stockImport', { fileName: 'maker-b.csv', content: csv })).toMatchObject({ count: 2, format: 'OATH_CSV' });
    expect((await fx.call('stockLookup', { serial: '４９０１－２３４５－６７８９－１' })).serial).toBe('4901234567891');

    const [a, b] = tokens as [TestToken, TestToken];
    const issued = await fx.call('issue', issueRequest(a.serial, codeAt(a, fx.clock.now)));
    expect(issued.serial).toBe(a.serial);
    const found = await fx.call('stockFindByOtp', { otp: codeAt(b, fx.clock.now) });
    expect(found.matches.map((m) => m.serial)).toEqual([b.serial]);
    // Typed wrong at the counter, a serial is refused by the rule in force.
    const typo = await fx.app.dispatch('issue', issueRequest('490123456789', codeAt(b, fx.clock.now), { contractId: 'C0000002' }));
    expect(typo.ok ? {} : typo.error.fieldErrors).toEqual({ serial: 'シリアル番号は数字13桁で入力してください' });
    // This bank's own token, imported under the old rule, is still issued.
    expect((await fx.call('issue', issueRequest(mine.serial, codeAt(mine, fx.clock.now), { contractId: 'C0000003' }))).serial).toBe(mine.serial);
  });

  it('prints a maker’s hyphenated serial as on the token, and keeps it without hyphens', async () => {
    fx = await branchWithStock({ tokens: 1 });
    await fx.call('branchUpdateSettings', { serialFormat: 'DIGITS_10_GROUPED' });
    const token = testToken('1234567890');
    await fx.call('stockImport', { fileName: 'maker-c.csv', content: oathCsv([token]).replace('1234567890,', '12-3456789-0,') });
    const { receiptNo, serial } = await fx.call('issue', issueRequest('12-3456789-0', codeAt(token, fx.clock.now)));
    expect(serial).toBe('1234567890');
    const receipt = await fx.call('receiptsOpen', { receiptNo, reprint: false, copy: 'customer' });
    expect(pdfText(receipt.pdfBase64)).toContain('12-3456789-0');
  });
});
