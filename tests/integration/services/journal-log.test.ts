import { afterEach, describe, expect, it } from 'vitest';
import { branchWithStock, type Fixture, issueRequest, MANAGER_LOGIN } from '../../support/app-fixture';
import { pdfText } from '../../support/pdf-text';
import { codeAt } from '../../support/seeds';

let fx: Fixture;
afterEach(() => fx?.cleanup());

/** Three issuances on two days, a refused code, a reprint. */
async function aWeekOfWork() {
  fx = await branchWithStock({ tokens: 4 });
  const issue = (i: number, contractId: string) => fx.call('issue', issueRequest(fx.tokens[i]!.serial, codeAt(fx.tokens[i]!, fx.clock.now), { contractId }));
  const monday = await issue(0, 'C0000001');
  await fx.app.dispatch('issue', issueRequest(fx.tokens[1]!.serial, '000000', { contractId: 'C0000002' }));
  fx.clock.now = new Date('2026-11-26T02:00:00Z');
  await fx.call('authLogin', MANAGER_LOGIN);
  const tuesday = await issue(1, 'C0000002');
  await issue(2, 'C0000003');
  await fx.call('receiptsOpen', { receiptNo: monday.receiptNo, reprint: true, copy: 'customer' });
  return { monday, tuesday };
}

async function finished(jobId: number) {
  for (;;) {
    const s = await fx.call('jobStatus', { jobId });
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the issuance log', () => {
  it('filters the whole journal by act, contract, receipt, operator and dates, a page at a time, contracts masked', async () => {
    const { monday, tuesday } = await aWeekOfWork();
    const issued = await fx.call('logSearch', { kind: 'TOKEN_ISSUED' });
    expect(issued.entries.map((e) => e.contractId)).toEqual(['＊＊＊＊0003', '＊＊＊＊0002', '＊＊＊＊0001']);
    expect(issued.next).toBeNull();

    const firstPage = await fx.call('logSearch', { group: 'counter', limit: 2 });
    expect(firstPage.entries).toHaveLength(2);
    const rest = await fx.call('logSearch', { group: 'counter', limit: 2, before: firstPage.next! });
    expect(rest.entries.map((e) => e.receiptNo)).toEqual([monday.receiptNo]);

    expect((await fx.call('logSearch', { contractId: 'Ｃ００００００２' })).entries.map((e) => e.kind)).toEqual(['TOKEN_ISSUED', 'OTP_REFUSED']);
    expect((await fx.call('logSearch', { receiptNo: tuesday.receiptNo })).entries).toHaveLength(1);
    expect((await fx.call('logSearch', { group: 'refusal' })).entries.map((e) => e.kind)).toEqual(['OTP_REFUSED']);
    const onMonday = await fx.call('logSearch', { from: '2026-11-25', to: '2026-11-25', group: 'counter' });
    expect(onMonday.entries.map((e) => e.receiptNo)).toEqual([monday.receiptNo]);
    expect((await fx.call('logSearch', { operatorId: 'nobody' })).entries).toEqual([]);
  });

  it('shows one entry whole to a manager, with its receipt, prints and hash link, and journals the view', async () => {
    const { monday } = await aWeekOfWork();
    const seq = (await fx.call('logSearch', { receiptNo: monday.receiptNo })).entries[0]!.seq;
    const entry = await fx.call('logEntry', { seq });
    expect(entry.contract).toMatchObject({ contractId: 'C0000001', nameKanji: '山田\u3000太郎', account: '101-01-1234567' });
    expect(entry.linkHolds).toBe(true);
    expect(entry.receipt?.prints.map((p) => p.reprint)).toEqual([true]);
    expect(pdfText(entry.receipt!.pdfBase64)).toContain(monday.receiptNo);
    const viewed = await fx.call('logSearch', { kind: 'RECORD_VIEWED' });
    expect(viewed.entries.map((e) => e.operatorId)).toEqual(['mgr01']);
  });

  it('exports the filtered log as CSV for Excel (BOM, masked) and as a PDF report, with progress', async () => {
    await aWeekOfWork();
    const csv = await finished((await fx.call('logExportStart', { group: 'counter', format: 'csv' })).jobId);
    expect(csv).toMatchObject({ state: 'done', done: 3, total: 3 });
    const bytes = Buffer.from(csv.file!.dataBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFF記録番号,日付,時刻,取引,詳細,担当,受付番号,シリアル番号,契約者ID,金額,お支払方法');
    expect(text).toContain('＊＊＊＊0003');
    expect(text).not.toContain('C0000003');
    expect(csv.file!.fileName).toMatch(/^取引履歴_\d{8}\.csv$/);

    const pdf = await finished((await fx.call('logExportStart', { kind: 'TOKEN_ISSUED', format: 'pdf' })).jobId);
    const report = pdfText(pdf.file!.dataBase64).replace(/\s+/g, ' ');
    expect(report).toContain('取引履歴');
    expect(report).toContain('取引 ハードウェアトークン発行');
    expect(report).toContain('＊＊＊＊0001');
  });

  it('checks the ledger’s chain with progress and names the first broken link', async () => {
    await aWeekOfWork();
    const good = await finished((await fx.call('ledgerVerifyStart', {})).jobId);
    expect(good.verdict).toEqual({ ok: true, receiptsChecked: true, entries: expect.any(Number) });
    fx.app.db.exec('DROP TRIGGER journal_no_update');
    fx.app.db.exec("UPDATE journal SET amount = 0 WHERE seq = 9");
    const bad = await finished((await fx.call('ledgerVerifyStart', {})).jobId);
    expect(bad.verdict).toMatchObject({ ok: false, brokenAt: 9 });
  });
});
