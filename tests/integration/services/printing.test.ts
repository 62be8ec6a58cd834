import { afterEach, describe, expect, it } from 'vitest';
import type { PrintOutcome } from '../../../domain/printing';
import type { PrintJob, Printer } from '../../../services/ports';
import { branchWithStock, type Fixture, issueRequest, MANAGER_LOGIN } from '../../support/app-fixture';
import { pdfText } from '../../support/pdf-text';
import { codeAt } from '../../support/seeds';
import { firstPageSize } from '../../../templates/page-layout';

let fx: Fixture;
afterEach(() => fx?.cleanup());

/** A desktop printer whose answers a test sets, keeping every job it was given. */
function testPrinter() {
  const jobs: PrintJob[] = [];
  const answers: PrintOutcome[] = [];
  const printer: Printer = {
    print: async (job) => {
      jobs.push(job);
      return answers.shift() ?? { state: 'printed', copies: job.copies };
    },
    listPrinters: async () => [{ name: 'EPSON_TM_T88VII', displayName: 'EPSON TM-T88VII' }],
  };
  return { printer, jobs, answers };
}

const ROLL = { printerName: 'EPSON_TM_T88VII', paper: 'ROLL_80', customerCopies: 2, branchCopies: 1, silent: true } as const;
const mm = (points: number) => (points * 25.4) / 72;

async function issued(f: Fixture): Promise<string> {
  const t = f.tokens[0]!;
  return (await f.call('issue', issueRequest(t.serial, codeAt(t, f.clock.now)))).receiptNo;
}

describe("the terminal's printer", () => {
  it('is A4 on the system default with the dialog until a manager sets it; the change is journalled with the manager', async () => {
    const p = testPrinter();
    fx = await branchWithStock({ printer: p.printer });
    expect(await fx.call('printerSettings', {})).toEqual({
      settings: { printerName: '', paper: 'A4', customerCopies: 1, branchCopies: 1, silent: false },
      printers: [{ name: 'EPSON_TM_T88VII', displayName: 'EPSON TM-T88VII' }],
    });
    // A Windows printer's system name as Japanese Windows writes a copy of a driver: full-width, spaces, parentheses.
    const named = { ...ROLL, printerName: 'ＥＰＳＯＮ ＴＭ－Ｔ８８ＶＩＩ (コピー 1)' };
    await fx.call('printerSettingsUpdate', named);
    fx.reopen();
    await fx.call('authLogin', MANAGER_LOGIN);
    expect((await fx.call('printerSettings', {})).settings).toEqual(named);
    const logged = fx.app.db.prepare("SELECT operator_id AS op, payload FROM journal WHERE kind = 'PRINTER_SETTINGS_CHANGED'").all() as { op: string; payload: string }[];
    expect(logged.map((l) => [l.op, JSON.parse(l.payload).after])).toEqual([['mgr01', named]]);
  });

  it('refuses copies outside 1–5 for the field, and keeps what was set', async () => {
    fx = await branchWithStock();
    const r = await fx.app.dispatch('printerSettingsUpdate', { ...ROLL, customerCopies: 0 });
    expect(r.ok ? null : r.error.fieldErrors).toEqual({ customerCopies: '部数は 1〜5 の数字で入力してください。' });
    const again = await fx.app.dispatch('printerTestPage', { ...ROLL, branchCopies: 6 });
    expect(again.ok ? null : again.error.fieldErrors).toEqual({ branchCopies: '部数は 1〜5 の数字で入力してください。' });
    expect((await fx.call('printerSettings', {})).settings.paper).toBe('A4');
  });

  it('prints the receipt on the roll, cut to its length, with the copies and printer set; the same 受付番号 and amount as the A4 original', async () => {
    const p = testPrinter();
    fx = await branchWithStock({ printer: p.printer });
    await fx.call('printerSettingsUpdate', ROLL);
    const receiptNo = await issued(fx);

    const printed = await fx.call('receiptsOpen', { receiptNo, reprint: false, copy: 'customer' });
    expect(printed.print).toEqual({ state: 'printed', copies: 2 });
    const job = p.jobs[0]!;
    const size = firstPageSize(job.pdf);
    expect(mm(size.width)).toBeCloseTo(80, 1);
    expect(job).toMatchObject({ printerName: 'EPSON_TM_T88VII', copies: 2, silent: true, page: { widthMicrons: 80_000, heightMicrons: Math.round(mm(size.height) * 1000) } });
    const text = pdfText(printed.pdfBase64);
    expect(text).toContain(receiptNo);
    expect(text).toMatch(/2,200\s*円/);
    expect(fx.app.db.prepare('SELECT copy, copies, reprint FROM receipt_prints').all()).toEqual([{ copy: 'customer', copies: 2, reprint: 0 }]);

    await fx.call('receiptsOpen', { receiptNo, reprint: false, copy: 'branch' });
    expect(p.jobs[1]!.copies).toBe(1);
  });

  it('a failed or cancelled print records no print and no 再発行, is journalled, and printing it again is still the first print', async () => {
    const p = testPrinter();
    fx = await branchWithStock({ printer: p.printer });
    const receiptNo = await issued(fx);
    p.answers.push({ state: 'failed', cancelled: false, reason: 'プリンターが印刷できませんでした' }, { state: 'failed', cancelled: true, reason: '印刷の画面で取り消されました' });

    const failed = await fx.call('receiptsOpen', { receiptNo, reprint: false, copy: 'customer' });
    expect(failed).toMatchObject({ print: { state: 'failed', cancelled: false }, printCount: 0 });
    expect(pdfText(failed.pdfBase64)).toContain(receiptNo);
    const cancelled = await fx.call('receiptsOpen', { receiptNo, reprint: false, copy: 'customer' });
    expect(cancelled.print).toMatchObject({ state: 'failed', cancelled: true });
    expect(fx.app.db.prepare('SELECT COUNT(*) AS n FROM receipt_prints').get()).toEqual({ n: 0 });

    const retried = await fx.call('receiptsOpen', { receiptNo, reprint: false, copy: 'customer' });
    expect(retried).toMatchObject({ print: { state: 'printed', copies: 1 }, printCount: 1 });
    expect(pdfText(retried.pdfBase64)).not.toContain('再発行');
    const kinds = (fx.app.db.prepare("SELECT kind, payload FROM journal WHERE receipt_no = ? AND kind LIKE 'RECEIPT_%' ORDER BY seq").all(receiptNo) as { kind: string; payload: string }[]).map(
      (r) => [r.kind, JSON.parse(r.payload).cancelled],
    );
    expect(kinds).toEqual([
      ['RECEIPT_PRINT_FAILED', false],
      ['RECEIPT_PRINT_FAILED', true],
    ]);
    const today = await fx.call('journalToday', {});
    expect(today.entries.filter((e) => e.kind === 'RECEIPT_PRINT_FAILED').map((e) => [e.group, e.detail])).toEqual([
      ['refusal', 'お客さま控：印刷の取消'],
      ['refusal', 'お客さま控：プリンターが印刷できませんでした'],
    ]);
  });

  it('prints a test page with the settings on the screen, saved or not, naming printer and paper', async () => {
    const p = testPrinter();
    fx = await branchWithStock({ printer: p.printer });
    const page = await fx.call('printerTestPage', { ...ROLL, paper: 'A5' });
    expect(page.print).toEqual({ state: 'printed', copies: 1 });
    expect(p.jobs[0]).toMatchObject({ printerName: 'EPSON_TM_T88VII', page: 'A5', copies: 1 });
    const text = pdfText(page.pdfBase64);
    expect(text).toContain('テスト印刷');
    expect(text).toContain('EPSON_TM_T88VII');
    expect(text).toContain('A5');
    expect((await fx.call('printerSettings', {})).settings.paper).toBe('A4');
  });

  it('in browser mode lists no printers and hands every print to the viewer, counted once', async () => {
    fx = await branchWithStock();
    expect((await fx.call('printerSettings', {})).printers).toBeNull();
    const receiptNo = await issued(fx);
    expect((await fx.call('receiptsOpen', { receiptNo, reprint: false, copy: 'customer' })).print).toEqual({ state: 'viewer' });
    expect(fx.app.db.prepare('SELECT copies FROM receipt_prints').all()).toEqual([{ copies: 1 }]);
  });
});
