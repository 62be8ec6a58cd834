import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyFileStore } from '../../../browser/key-file';
import { openApp } from '../../../services/app';
import { VIEWER_PRINTER } from '../../../services/printing';
import { BRANCH, branchWithStock, counts, issueRequest, MANAGER_LOGIN, RECOVERY_PASSPHRASE, TEST_KDF_COST, type Fixture } from '../../support/app-fixture';
import { pdfText } from '../../support/pdf-text';
import { codeAt } from '../../support/seeds';

/** What the receipts print must be in their font: else pdfkit draws an empty box where the character was. */
describe('text the documents cannot print', () => {
  let fx: Fixture;
  afterEach(() => fx.cleanup());

  const receiptText = (receiptNo: string) => {
    const row = fx.app.db.prepare('SELECT pdf FROM receipts WHERE receipt_no = ?').get(receiptNo) as { pdf: Buffer };
    return pdfText(Buffer.from(fx.box.open(row.pdf, `receipt:${receiptNo}`)));
  };

  it('is refused on the application form, naming each character, and nothing is written', async () => {
    fx = await branchWithStock({ tokens: 2 });
    fx.app.db.prepare("UPDATE branch SET name_on_documents = 'FULL'").run();
    const [t] = fx.tokens;
    const before = counts(fx.app);
    for (const [name, named] of [
      ['张 伟', '「张」、「伟」'],
      ['山田😀太郎', '「😀」'],
      ['山田\u202e太郎', 'U+202E'],
      ['陈 杨', '「陈」、「杨」'],
    ] as const) {
      const r = await fx.app.dispatch('issue', issueRequest(t!.serial, codeAt(t!, fx.clock.now), { nameKanji: name }));
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.fieldErrors?.nameKanji).toBe(`お名前（漢字）に、控えに印刷できない文字 ${named} があります。取り除くか、別の字に置き換えてください（簡体字は日本の字体に。例：张→張）。`);
    }
    expect(counts(fx.app)).toEqual(before);

    // The Japanese forms, a rare kanji the font has (𠮷) and a variation selector (辻󠄀) print as typed.
    const issued = await fx.call('issue', issueRequest(t!.serial, codeAt(t!, fx.clock.now), { nameKanji: '張 𠮷辻\u{E0100}' }));
    expect(receiptText(issued.receiptNo)).toMatch(/張\s+𠮷辻/u);
  });

  it('is refused in an operator’s name, printed as 取扱者 on every slip', async () => {
    fx = await branchWithStock({ tokens: 1 });
    const r = await fx.app.dispatch('operatorsCreate', { operatorId: 'tel09', name: '鈴木\u0007花子', role: 'teller', password: 'teller123' });
    expect(r).toMatchObject({ ok: false, error: { fieldErrors: { name: expect.stringContaining('U+0007') } } });
    expect(fx.app.db.prepare("SELECT COUNT(*) AS n FROM operators WHERE operator_id = 'tel09'").get()).toEqual({ n: 0 });
  });

  it('is refused in a correction of 店名 before any 検印 is asked for', async () => {
    fx = await branchWithStock({ tokens: 1 });
    const r = await fx.app.dispatch('approvalsRequest', { kind: 'BRANCH_CORRECTION', subject: JSON.stringify({ branchName: '本店营业部' }), reason: '店名の訂正' });
    expect(r).toMatchObject({ ok: false, error: { fieldErrors: { branchName: expect.stringContaining('「营」、「业」') } } });
    expect(fx.app.db.prepare('SELECT COUNT(*) AS n FROM approvals').get()).toEqual({ n: 0 });
  });

  it('is refused in a reason the 取消 slip or the 日計表 prints, and the day stays open', async () => {
    fx = await branchWithStock({ tokens: 1 });
    const r = await fx.app.dispatch('approvalsRequest', { kind: 'VOID', subject: '101-01-0000001', reason: '入力誤り😓' });
    expect(r).toMatchObject({ ok: false, error: { fieldErrors: { reason: expect.stringContaining('「😓」') } } });
    const close = await fx.app.dispatch('dayClose', { countedCash: 100, cashReason: '釣銭の渡し過ぎ', countedStock: {} });
    expect(close).toMatchObject({ ok: false, error: { fieldErrors: { cashReason: expect.stringContaining('U+0008') } } });
    expect(fx.app.db.prepare("SELECT COUNT(*) AS n FROM journal WHERE kind IN ('DAY_CLOSED', 'APPROVAL_REQUESTED')").get()).toEqual({ n: 0 });
  });

  it('is refused at the first setup in the bank’s, the branch’s and the manager’s names, all at once', async () => {
    fx = await branchWithStock({ tokens: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-printable-'));
    const app = openApp({ dataDir: dir, keys: keyFileStore(join(dir, 'madoguchi.key')), printer: VIEWER_PRINTER, recoveryKdfCost: TEST_KDF_COST });
    try {
      const r = await app.dispatch('setupInitialize', {
        ...BRANCH,
        bankName: '东京信用金庫',
        branchName: '本店营业部',
        managerId: MANAGER_LOGIN.operatorId,
        managerName: '佐藤\u200b一郎',
        managerPassword: MANAGER_LOGIN.password,
        recoveryPassphrase: RECOVERY_PASSPHRASE,
      });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.fieldErrors).toMatchObject({
        bankName: expect.stringContaining('「东」'),
        branchName: expect.stringContaining('「营」'),
        managerName: expect.stringContaining('U+200B'),
      });
      expect(await app.dispatch('setupStatus', {})).toMatchObject({ ok: true, value: { initialized: false } });
    } finally {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
