import { afterEach, describe, expect, it } from 'vitest';
import { readBranch } from '../../../db/branch-repo';
import { addOperator, branchWithStock, issueRequest, BRANCH, type Fixture } from '../../support/app-fixture';
import { codeAt } from '../../support/seeds';
import { pdfText } from '../../support/pdf-text';

let fx: Fixture | undefined;
afterEach(() => fx?.cleanup());

async function issueTo(f: Fixture, i: number, contractId: string) {
  const t = f.tokens[i]!;
  const { receiptNo } = await f.call('issue', issueRequest(t.serial, codeAt(t, f.clock.now), { contractId }));
  const receipt = await f.call('receiptsOpen', { receiptNo, reprint: false, copy: 'customer' });
  return { receiptNo, text: flat(pdfText(receipt.pdfBase64)) };
}

/** pdftotext -layout pads the gap between family and given name; one space is what the tests mean. */
const flat = (text: string) => text.replace(/\s+/gu, ' ');

describe('店舗設定: the customer name on printed documents', () => {
  it('prints the name by the rule in force, keeps reprints as first printed, and logs the change with its manager', async () => {
    const f = (fx = await branchWithStock());
    const first = await issueTo(f, 0, 'C0000001');
    expect(first.text).toContain('山＊ ＊＊ 様');
    expect(first.text).not.toContain('山田');

    const changed = await f.call('branchUpdateSettings', { nameOnDocuments: 'FAMILY' });
    expect(changed.branch).toEqual({ ...BRANCH, nameOnDocuments: 'FAMILY' });
    const second = await issueTo(f, 1, 'C0000002');
    expect(second.text).toContain('山田 ＊＊ 様');
    expect(second.text).not.toContain('太郎');

    await f.call('branchUpdateSettings', { nameOnDocuments: 'FULL' });
    expect((await issueTo(f, 2, 'C0000003')).text).toContain('山田 太郎 様');

    const reprint = await f.call('receiptsOpen', { receiptNo: first.receiptNo, reprint: true, copy: 'customer' });
    expect(flat(pdfText(reprint.pdfBase64))).toContain('山＊ ＊＊ 様');

    const log = f.app.db
      .prepare("SELECT operator_id AS op, payload FROM journal WHERE kind = 'BRANCH_SETTINGS_CHANGED' ORDER BY seq")
      .all() as Array<{ op: string; payload: string }>;
    expect(log.map((r) => ({ op: r.op, change: JSON.parse(r.payload).nameOnDocuments }))).toEqual([
      { op: 'mgr01', change: { from: 'INITIAL', to: 'FAMILY' } },
      { op: 'mgr01', change: { from: 'FAMILY', to: 'FULL' } },
    ]);
  });

  it('turns the branch copy on and off, one journal entry per change naming only what changed', async () => {
    const f = (fx = await branchWithStock());
    expect((await f.call('branchUpdateSettings', { printBranchCopy: true })).branch).toEqual({ ...BRANCH, printBranchCopy: true });
    expect((await f.call('setupStatus', {})).branch?.printBranchCopy).toBe(true);
    await f.call('branchUpdateSettings', { printBranchCopy: false, nameOnDocuments: 'FULL' });
    const log = f.app.db.prepare("SELECT payload FROM journal WHERE kind = 'BRANCH_SETTINGS_CHANGED' ORDER BY seq").all() as Array<{ payload: string }>;
    expect(log.map((r) => JSON.parse(r.payload))).toEqual([
      { printBranchCopy: { from: false, to: true } },
      { nameOnDocuments: { from: 'INITIAL', to: 'FULL' }, printBranchCopy: { from: true, to: false } },
    ]);
  });

  it('prints dates with the 和暦 year beside the 西暦 one once the branch asks for it', async () => {
    const f = (fx = await branchWithStock());
    const plain = await issueTo(f, 0, 'C0000001');
    expect(plain.text).toContain('2026年11月25日 10時30分00秒');
    expect(plain.text).not.toContain('令和');
    await f.call('branchUpdateSettings', { japaneseEra: true });
    const era = await issueTo(f, 1, 'C0000002');
    // 受付時刻 on two lines (date, then time), which pdftotext may read apart.
    expect(era.text).toContain('2026年（令和8年）11月25日');
    expect(era.text).toContain('10時30分00秒');
    expect(era.text).toContain('取引年月日 2026年（令和8年）11月25日');
  });

  it('writes nothing when the rule is unchanged, and refuses a teller and an unknown rule', async () => {
    const f = (fx = await branchWithStock());
    const journalSize = () => (f.app.db.prepare('SELECT COUNT(*) AS n FROM journal').get() as { n: number }).n;
    const before = journalSize();
    await f.call('branchUpdateSettings', { nameOnDocuments: 'INITIAL' });
    expect(journalSize()).toBe(before);

    const bad = await f.app.dispatch('branchUpdateSettings', { nameOnDocuments: 'NONE' });
    expect(bad.ok ? '' : bad.error.code).toBe('BAD_REQUEST');

    await addOperator(f, { operatorId: 'tel01', name: '鈴木 花子', role: 'teller', password: 'teller123' });
    await f.call('authLogout', {});
    await f.call('authLogin', { operatorId: 'tel01', password: 'teller123' });
    const refused = await f.app.dispatch('branchUpdateSettings', { nameOnDocuments: 'FULL' });
    expect(refused.ok ? '' : refused.error.code).toBe('FORBIDDEN');
    expect(readBranch(f.app.db)?.nameOnDocuments).toBe('INITIAL');
  });
});

describe('店舗設定: the serial format', () => {
  it('is this bank’s 英数字12桁 from setup, and a manager’s change is journalled with the manager', async () => {
    const f = (fx = await branchWithStock());
    expect((await f.call('setupStatus', {})).branch?.serialFormat).toBe('ALNUM_12');
    expect((await f.call('branchUpdateSettings', { serialFormat: 'DIGITS_13' })).branch.serialFormat).toBe('DIGITS_13');
    expect(readBranch(f.app.db)?.serialFormat).toBe('DIGITS_13');
    const log = f.app.db.prepare("SELECT operator_id AS op, payload FROM journal WHERE kind = 'BRANCH_SETTINGS_CHANGED'").all() as Array<{ op: string; payload: string }>;
    expect(log.map((r) => ({ op: r.op, ...JSON.parse(r.payload) }))).toEqual([{ op: 'mgr01', serialFormat: { from: 'ALNUM_12', to: 'DIGITS_13' } }]);
    const bad = await f.app.dispatch('branchUpdateSettings', { serialFormat: 'ANY' });
    expect(bad.ok ? '' : bad.error.code).toBe('BAD_REQUEST');
  });
});
