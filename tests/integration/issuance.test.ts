import { afterEach, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { verifyChain } from '../../db/journal';
import { branchWithStock, counts, issueRequest, type Fixture } from '../support/app-fixture';
import { codeAt, type TestToken } from '../support/seeds';
import { ERROR_LOG_FILE } from '../../services/error-log';
import { pdfText } from '../support/pdf-text';

let fx: Fixture;
afterEach(() => fx?.cleanup());

describe('hardware token issuance on a real SQLite file', () => {
  it('commits journal entry, contract, token state, receipt and outbox row together', async () => {
    fx = await branchWithStock();
    const t = fx.tokens[0]!;
    const res = await fx.call('issue', issueRequest(t.serial, codeAt(t, fx.clock.now)));

    expect(res.receiptNo).toBe('101-01-0000001');
    expect(res.fee).toMatchObject({ totalInclTax: 2200, net: 2000, tax: 200, taxRatePercent: 10 });
    expect(counts(fx.app)).toEqual({ journalIssued: 1, receipts: 1, outbox: 1, contracts: 1, issuedTokens: 1 });
    const token = fx.app.db.prepare('SELECT state, contract_id FROM tokens WHERE serial = ?').get(t.serial);
    expect(token).toEqual({ state: 'ISSUED', contract_id: 'C0012345' });
    const outbox = fx.app.db.prepare('SELECT seq, payload FROM outbox').get() as { seq: number; payload: string };
    expect(outbox.seq).toBe(1);
    expect(JSON.parse(outbox.payload)).toMatchObject({ type: 'TOKEN_ISSUED', serial: t.serial, receiptNo: res.receiptNo, seq: 1 });
    expect(outbox.payload).not.toContain(t.secret.toString('hex'));
    const receipt = fx.app.db.prepare('SELECT sha256, length(pdf) AS size FROM receipts').get() as { sha256: string; size: number };
    expect(receipt.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(receipt.size).toBeGreaterThan(1000);
    expect(verifyChain(fx.app.db)).toMatchObject({ ok: true });
  });

  it('writes nothing when the receipt step fails inside the transaction', async () => {
    fx = await branchWithStock();
    const t = fx.tokens[0]!;
    const before = counts(fx.app);
    const journalBefore = (fx.app.db.prepare('SELECT COUNT(*) AS n FROM journal').get() as { n: number }).n;
    fx.app.db.exec("CREATE TRIGGER fail_receipt BEFORE INSERT ON receipts BEGIN SELECT RAISE(ABORT, 'printer spool full'); END");

    const r = await fx.app.dispatch('issue', issueRequest(t.serial, codeAt(t, fx.clock.now)));

    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toEqual({ code: 'INTERNAL', message: expect.stringContaining('この取引は記録されていません') });
    expect(fx.errorReports()).toEqual([
      {
        at: fx.clock.now.toISOString(),
        channel: 'issue',
        operatorId: 'mgr01',
        error: expect.objectContaining({ name: 'SqliteError', code: 'SQLITE_CONSTRAINT_TRIGGER', message: 'printer spool full' }),
      },
    ]);
    expect(JSON.stringify(fx.errorReports())).not.toContain('山田');
    expect(statSync(join(fx.dir, 'logs', ERROR_LOG_FILE)).mode & 0o777).toBe(0o600);
    expect(fx.stderr).toEqual([expect.stringContaining('issue: SqliteError: printer spool full')]);
    expect(counts(fx.app)).toEqual(before);
    expect((fx.app.db.prepare('SELECT COUNT(*) AS n FROM journal').get() as { n: number }).n).toBe(journalBefore);
    expect(fx.app.db.prepare('SELECT state, last_step FROM tokens WHERE serial = ?').get(t.serial)).toEqual({ state: 'IN_STOCK', last_step: -1 });

    fx.app.db.exec('DROP TRIGGER fail_receipt');
    const ok = await fx.call('issue', issueRequest(t.serial, codeAt(t, fx.clock.now)));
    expect(ok.receiptNo).toBe('101-01-0000001');
  });

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

  it('refuses a wrong OTP with a message on the OTP field and records only the failure count', async () => {
    fx = await branchWithStock();
    const t = fx.tokens[0]!;
    const good = codeAt(t, fx.clock.now);
    const wrong = String((Number(good) + 1) % 1_000_000).padStart(6, '0');
    const r = await fx.app.dispatch('issue', issueRequest(t.serial, wrong));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('OTP_MISMATCH');
    expect(r.error.fieldErrors?.otp).toContain('一致しません');
    expect(counts(fx.app)).toMatchObject({ journalIssued: 0, receipts: 0, outbox: 0, contracts: 0, issuedTokens: 0 });
    expect(fx.app.db.prepare('SELECT fail_count FROM tokens WHERE serial = ?').get(t.serial)).toEqual({ fail_count: 1 });
  });

  it('accepts full-width serial and OTP digits as the scanner or IME types them', async () => {
    fx = await branchWithStock();
    const t = fx.tokens[1]!;
    const wide = (s: string) => s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const res = await fx.call('issue', issueRequest(wide(t.serial), wide(codeAt(t, fx.clock.now)), { accountNumber: '１２３４５６７' }));
    expect(res.serial).toBe(t.serial);
  });

  it('refuses a serial that is not in stock, and one already issued', async () => {
    fx = await branchWithStock();
    const unknown = await fx.app.dispatch('issue', issueRequest('ZZ0000000000', '123456'));
    expect(unknown.ok ? '' : unknown.error.fieldErrors?.serial).toContain('在庫に登録されていません');

    const t = fx.tokens[0]!;
    await fx.call('issue', issueRequest(t.serial, codeAt(t, fx.clock.now)));
    const again = await fx.app.dispatch('issue', issueRequest(t.serial, codeAt(t, fx.clock.now), { contractId: 'C0099999' }));
    expect(again.ok ? '' : again.error.code).toBe('TOKEN_STATE');
  });

  it('refuses a second token for a contract that already holds one', async () => {
    fx = await branchWithStock();
    const [a, b] = [fx.tokens[0]!, fx.tokens[1]!];
    await fx.call('issue', issueRequest(a.serial, codeAt(a, fx.clock.now)));
    const r = await fx.app.dispatch('issue', issueRequest(b.serial, codeAt(b, fx.clock.now)));
    expect(r.ok ? '' : r.error.fieldErrors?.contractId).toContain('交換または紛失');
  });

  it('numbers receipts per terminal without gaps, across a restart', async () => {
    fx = await branchWithStock({ tokens: 3 });
    const [a, b, c] = fx.tokens as [typeof fx.tokens[0], typeof fx.tokens[0], typeof fx.tokens[0]];
    await fx.call('issue', issueRequest(a.serial, codeAt(a, fx.clock.now), { contractId: 'C0000001' }));
    await fx.call('issue', issueRequest(b.serial, codeAt(b, fx.clock.now), { contractId: 'C0000002' }));
    fx.reopen();
    await fx.call('authLogin', { operatorId: 'mgr01', password: 'manager123' });
    const third = await fx.call('issue', issueRequest(c.serial, codeAt(c, fx.clock.now), { contractId: 'C0000003' }));
    expect(third.receiptNo).toBe('101-01-0000003');
    const seqs = fx.app.db.prepare('SELECT seq FROM outbox ORDER BY seq').all();
    expect(seqs).toEqual([{ seq: 1 }, { seq: 2 }, { seq: 3 }]);
  });

  it('validates every form field at once and keeps the refusal on each field', async () => {
    fx = await branchWithStock();
    const r = await fx.app.dispatch(
      'issue',
      issueRequest('ABC', '', { nameKana: 'yamada', accountBranch: '1', sealChecked: false, identityDocument: '' }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(Object.keys(r.error.fieldErrors ?? {}).sort()).toEqual(
      ['accountBranch', 'identityDocument', 'nameKana', 'otp', 'sealChecked', 'serial'].sort(),
    );
  });

  it('prints the stored original first, then reprints marked 再発行 with their count, each logged', async () => {
    fx = await branchWithStock();
    const t = fx.tokens[0]!;
    const { receiptNo } = await fx.call('issue', issueRequest(t.serial, codeAt(t, fx.clock.now)));
    const stored = fx.app.db.prepare('SELECT pdf FROM receipts WHERE receipt_no = ?').get(receiptNo) as { pdf: Buffer };

    const first = await fx.call('receiptsOpen', { receiptNo, reprint: false, copy: 'customer' });
    expect(Buffer.from(first.pdfBase64, 'base64').equals(stored.pdf)).toBe(true);
    expect(pdfText(first.pdfBase64)).not.toContain('再発行');

    const second = await fx.call('receiptsOpen', { receiptNo, reprint: true, copy: 'customer' });
    const third = await fx.call('receiptsOpen', { receiptNo, reprint: false, copy: 'customer' });
    expect(pdfText(second.pdfBase64)).toContain('再発行（1回目）');
    expect(pdfText(third.pdfBase64)).toContain('再発行（2回目）');
    expect(third.printCount).toBe(3);

    const branchCopy = await fx.call('receiptsOpen', { receiptNo, reprint: false, copy: 'branch' });
    expect(pdfText(branchCopy.pdfBase64)).toContain('店舗控');
    const logged = fx.app.db.prepare("SELECT receipt_no AS r, operator_id AS op FROM journal WHERE kind = 'RECEIPT_REPRINTED'").all();
    expect(logged).toEqual([
      { r: receiptNo, op: 'mgr01' },
      { r: receiptNo, op: 'mgr01' },
    ]);
  });
});
