import { afterEach, describe, expect, it } from 'vitest';
import { outboxPayload } from '../../../db/outbox-repo';
import { verifyChain } from '../../../db/journal';
import { branchWithStock, issueRequest, counts, type Fixture } from '../../support/app-fixture';
import { codeAt } from '../../support/seeds';

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
    const token = fx.app.db.prepare('SELECT state, contract_ref FROM tokens WHERE serial = ?').get(t.serial);
    expect(token).toEqual({ state: 'ISSUED', contract_ref: fx.box.contractRef('C0012345') });
    const outbox = fx.app.db.prepare('SELECT seq, payload FROM outbox').get() as { seq: number; payload: Buffer };
    expect(outbox.seq).toBe(1);
    expect(outboxPayload(fx.box, outbox)).toMatchObject({ type: 'TOKEN_ISSUED', serial: t.serial, receiptNo: res.receiptNo, seq: 1 });
    expect(JSON.stringify(outboxPayload(fx.box, outbox))).not.toContain(t.secret.toString('hex'));
    const receipt = fx.app.db.prepare('SELECT sha256, length(pdf) AS size FROM receipts').get() as { sha256: string; size: number };
    expect(receipt.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(receipt.size).toBeGreaterThan(1000);
    expect(verifyChain(fx.app.db)).toMatchObject({ ok: true });
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
});
