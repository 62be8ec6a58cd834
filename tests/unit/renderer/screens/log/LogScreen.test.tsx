// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { JournalLine, LogEntry } from '../../../../../services/contract';
import { LogScreen } from '../../../../../renderer/screens/log/LogScreen';
import { parseDate, toQuery, NO_FILTER } from '../../../../../renderer/screens/log/LogFilters';
import { MANAGER, fakeApi } from '../../../../support/fake-api';
import { describedTexts, freshWindowEachTest, type } from '../../../../support/screen';

freshWindowEachTest();

const line = (seq: number, over: Partial<JournalLine> = {}): JournalLine => ({
  seq,
  occurredAt: '2026-11-25T01:00:00.000Z',
  kind: 'TOKEN_ISSUED',
  kindLabel: 'ハードウェアトークン発行',
  group: 'counter',
  detail: null,
  operatorId: 'tel01',
  receiptNo: `101-01-${String(seq).padStart(7, '0')}`,
  serial: 'AB12CD34EF56',
  contractId: '＊＊＊＊0001',
  amount: 2200,
  payment: 'CASH',
  ...over,
});
const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
const page = (from: number, count: number, next: number | null) => ({ entries: Array.from({ length: count }, (_, i) => line(from - i)), next });

describe('取引履歴: filters', () => {
  it('reads dates as typed, full-width too, and refuses what is not a date', () => {
    expect(parseDate('２０２６／１１／２５')).toBe('2026-11-25');
    expect(parseDate('20261125')).toBe('2026-11-25');
    expect(parseDate('2026年1月5日')).toBe('2026-01-05');
    expect(parseDate('2026-02-30')).toBeNull();
    expect(parseDate('202611')).toBeNull();
    expect(toQuery({ ...NO_FILTER, from: '2026-11-26', to: '2026-11-25' }).errors).toEqual({ to: '期間の終わりが始まりより前になっています' });
    expect(toQuery({ ...NO_FILTER, group: 'counter', serial: ' ab12cd34ef56 ' }).query).toEqual({ group: 'counter', serial: 'ab12cd34ef56' });
  });
});

describe('取引履歴', () => {
  it('shows the newest page, then the next with さらに表示, and searches with the filters', async () => {
    // The server pages (50 a time); the screen asks for the page after the last one shown.
    const logSearch = vi
      .fn()
      .mockResolvedValueOnce({ ok: true, value: page(100, 3, 98) })
      .mockResolvedValueOnce({ ok: true, value: page(97, 2, null) })
      .mockResolvedValue({ ok: true, value: page(7, 1, null) });
    fakeApi(MANAGER, { logSearch });
    render(<LogScreen />);
    expect(await screen.findByText('3件を表示しています。')).toBeTruthy();
    expect(screen.getAllByText('＊＊＊＊0001')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'さらに表示' }));
    expect(await screen.findByText('5件を表示しています（これ以上の記録はありません）。')).toBeTruthy();
    expect(logSearch).toHaveBeenLastCalledWith({ before: 98 });
    expect([...document.querySelectorAll('tbody tr')].map((r) => (r as HTMLTableRowElement).cells[0]?.textContent)).toEqual(['100', '99', '98', '97', '96']);
    expect(screen.queryByRole('button', { name: 'さらに表示' })).toBeNull();

    type('期間（から）', '2026/11/32');
    fireEvent.click(screen.getByRole('button', { name: '検索' }));
    expect(describedTexts(screen.getByLabelText('期間（から）'))).toContain('日付は 2026-11-25 のように入力してください（2026/11/25 も可）');
    expect(logSearch).toHaveBeenCalledTimes(2);

    type('期間（から）', '２０２６／１１／２５');
    fireEvent.change(screen.getByLabelText('区分'), { target: { value: 'counter' } });
    // The acts offered are the 区分's own.
    const kinds = [...(screen.getByLabelText('取引') as HTMLSelectElement).options].map((o) => o.textContent);
    expect(kinds).toContain('取引の取消');
    expect(kinds).not.toContain('ログイン');
    fireEvent.change(screen.getByLabelText('取引'), { target: { value: 'TOKEN_ISSUED' } });
    type('契約者ID', 'C0000001');
    fireEvent.click(screen.getByRole('button', { name: '検索' }));
    await waitFor(() => expect(logSearch).toHaveBeenLastCalledWith({ from: '2026-11-25', group: 'counter', kind: 'TOKEN_ISSUED', contractId: 'C0000001' }));
    expect(await screen.findByText('1件を表示しています（これ以上の記録はありません）。')).toBeTruthy();
  });

  it('opens one entry whole: the contract, the hash link, the receipt and its prints, the 検印 about it', async () => {
    const entry: LogEntry = {
      line: line(12),
      contract: { contractId: 'C0000001', nameKanji: '山田　太郎', nameKana: 'ヤマダ　タロウ', account: '101-01-1234567', featurePhone: false },
      payload: JSON.stringify({ fee: { totalInclTax: 2200 }, payment: 'CASH' }),
      format: 3,
      hash: 'a'.repeat(64),
      prevHash: 'b'.repeat(64),
      linkHolds: true,
      receipt: {
        receiptNo: '101-01-0000012',
        sha256: 'c'.repeat(64),
        pdfBase64: btoa('%PDF-1.4'),
        prints: [
          { printedAt: '2026-11-25T01:00:01.000Z', operatorId: 'tel01', copy: 'customer', copies: 2, reprint: false },
          { printedAt: '2026-11-25T02:00:00.000Z', operatorId: 'tel01', copy: 'customer', copies: 1, reprint: true },
        ],
        printCount: 2,
      },
      approvals: [{ id: 4, kind: 'REPRINT', state: 'USED', reason: 'お客さまが紛失', requestedBy: 'tel01', decidedBy: 'mgr02' }],
    };
    const logEntry = vi.fn(() => ok(entry));
    fakeApi(MANAGER, { logSearch: vi.fn(() => ok(page(12, 1, null))), logEntry });
    render(<LogScreen />);
    fireEvent.click(await screen.findByRole('button', { name: '記録 12 の詳細' }));
    expect(await screen.findByTestId('detail-contract-id')).toBeTruthy();
    expect(logEntry).toHaveBeenCalledWith({ seq: 12 });
    expect(screen.getByTestId('detail-contract-id').textContent).toBe('C0000001');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: '記録 12 の詳細' }));
    expect(screen.getByTestId('detail-link').textContent).toContain('つながっています');
    expect(screen.getByText('a'.repeat(64))).toBeTruthy();
    expect(screen.getByText(/"payment": "CASH"/)).toBeTruthy();
    const prints = screen.getByRole('table', { name: '印刷の記録' });
    expect(within(prints).getAllByRole('row').slice(1).map((r) => [...(r as HTMLTableRowElement).cells].slice(1, 4).map((c) => c.textContent))).toEqual([
      ['お客さま控', '2部', '初回'],
      ['お客さま控', '1部', '再発行'],
    ]);
    const approvals = screen.getByRole('table', { name: 'この取引についての検印' });
    expect([...(within(approvals).getAllByRole('row')[1] as HTMLTableRowElement).cells].map((c) => c.textContent)).toEqual(['4', '2回目以降の再発行', '使用済', 'お客さまが紛失', 'tel01', 'mgr02']);
    expect(screen.getByRole('button', { name: 'この取引を取り消す（検印）' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '一覧に戻る' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: '記録 12 の詳細' })));
  });

  it('exports the filtered log with progress and offers the file under its name; the ledger check names the first broken link', async () => {
    const jobStatus = vi
      .fn()
      .mockResolvedValueOnce({ ok: true, value: { state: 'running', done: 1000, total: 3000, message: null, file: null, verdict: null } })
      .mockResolvedValueOnce({
        ok: true,
        value: { state: 'done', done: 3000, total: 3000, message: null, file: { fileName: '取引履歴_20261125.csv', mime: 'text/csv', dataBase64: btoa('x') }, verdict: null },
      })
      .mockResolvedValueOnce({ ok: true, value: { state: 'done', done: 20, total: 20, message: null, file: null, verdict: { ok: false, entries: 9, brokenAt: 9, reason: 'entry content does not match its hash' } } });
    const logExportStart = vi.fn(() => ok({ jobId: 1 }));
    fakeApi(MANAGER, { logSearch: vi.fn(() => ok(page(3, 3, null))), logExportStart, ledgerVerifyStart: vi.fn(() => ok({ jobId: 2 })), jobStatus });
    render(<LogScreen />);
    await screen.findByText('3件を表示しています（これ以上の記録はありません）。');
    fireEvent.change(screen.getByLabelText('区分'), { target: { value: 'counter' } });
    fireEvent.click(screen.getByRole('button', { name: '検索' }));
    fireEvent.click(screen.getByRole('button', { name: 'CSVで出力' }));
    const progress = await screen.findByRole('progressbar', { name: 'CSV出力' });
    expect(await screen.findByText('1,000 / 3,000件')).toBeTruthy();
    expect(progress.getAttribute('value')).toBe('1000');
    const save = await screen.findByRole('link', { name: '取引履歴_20261125.csv を保存' });
    expect(save.getAttribute('download')).toBe('取引履歴_20261125.csv');
    expect(save.getAttribute('href')).toMatch(/^blob:/);
    expect(logExportStart).toHaveBeenCalledWith({ group: 'counter', format: 'csv' });

    fireEvent.click(screen.getByRole('button', { name: '台帳の整合性を確認' }));
    const verdict = await screen.findByTestId('ledger-verdict');
    expect(verdict.textContent).toContain('記録 9 で台帳の連続性が切れています：');
    expect(within(verdict).getByRole('button', { name: '記録 9 を表示' })).toBeTruthy();
  });
});
