// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { DayStatus } from '../../../../../services/contract';
import { DayCloseScreen } from '../../../../../renderer/screens/day-close/DayCloseScreen';
import { parseCount } from '../../../../../renderer/screens/day-close/DayCount';
import { MANAGER, fakeApi } from '../../../../support/fake-api';
import { describedTexts, enter, freshWindowEachTest, type } from '../../../../support/screen';

freshWindowEachTest();

/** Wednesday 2026-11-25: three issuances (two in cash), the first voided. */
const day = (over: Partial<DayStatus> = {}): DayStatus => ({
  businessDate: '2026-11-25',
  from: '2026-11-25T00:30:00.000Z',
  figures: {
    acts: [
      { kind: 'TOKEN_ISSUED', label: 'ハードウェアトークン発行', count: 3, amount: 6600 },
      { kind: 'TRANSACTION_VOIDED', label: '取引の取消', count: 1, amount: -2200 },
    ],
    byPayment: { CASH: 2200, ACCOUNT_DEBIT: 2200 },
    taxes: [{ ratePercent: 10, totalInclTax: 4400, tax: 400 }],
    refunds: { count: 1, amount: -2200 },
    transactions: 4,
    expectedCash: 2200,
  },
  expectedStock: { IN_STOCK: 4, DAMAGED_IN_STOCK: 0, EXCHANGED: 1 },
  collected: 1,
  pendingApprovals: 0,
  operators: ['mgr01', 'tel01'],
  lastClosed: null,
  ...over,
});
const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });

function countAsTyped(cash: string, stock: [string, string, string]) {
  type('数えた現金', cash);
  type('在庫（数えた本数）', stock[0]);
  type('在庫破損（数えた本数）', stock[1]);
  type('交換回収（数えた本数）', stock[2]);
}

describe('日計・締め', () => {
  it('reads counts typed in full-width digits with commas', () => {
    expect(parseCount('１，２００')).toBe(1200);
    expect(parseCount('1,200円')).toBe(1200);
    expect(parseCount('')).toBeUndefined();
    expect(parseCount('12a')).toBeNull();
  });

  it('shows the day’s figures, wants a reason for a difference, closes, and says the next business day', async () => {
    const dayStatus = vi
      .fn()
      .mockResolvedValueOnce({ ok: true, value: day() })
      .mockResolvedValue({ ok: true, value: day({ businessDate: '2026-11-26', from: null, lastClosed: '2026-11-25', operators: [] }) });
    const dayClose = vi.fn(() => ok({ businessDate: '2026-11-25', cashDifference: -1000, pdfBase64: btoa('%PDF-1.4') }));
    fakeApi(MANAGER, { dayStatus, dayClose });
    vi.spyOn(window, 'open').mockImplementation(() => null);
    render(<DayCloseScreen />);

    expect((await screen.findByTestId('business-date')).textContent).toBe('営業日 2026年11月25日（水）');
    expect(screen.getByTestId('act-TOKEN_ISSUED').textContent).toBe('ハードウェアトークン発行3件6,600円');
    expect(screen.getByTestId('act-TRANSACTION_VOIDED').textContent).toContain('-2,200円');
    expect(screen.getByTestId('refunds').textContent).toBe('1件 -2,200円');
    expect(screen.getByTestId('expected-cash').textContent).toContain('予定の現金 2,200円');
    expect(screen.getByTestId('collected').textContent).toContain('回収トークン（ベンダーへ返却待ち）1個');

    countAsTyped('１，２００', ['４', '0', '1']);
    expect(screen.getByTestId('cash-difference').textContent).toBe('過不足 -1,000円（不足）');
    expect(screen.getByTestId('stock-difference-IN_STOCK').textContent).toBe('差なし');
    // The reason appears with the difference, and Enter moves to it.
    enter(screen.getByLabelText('数えた現金'));
    expect(document.activeElement).toBe(screen.getByLabelText('現金の過不足の理由'));
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    expect(describedTexts(screen.getByLabelText('現金の過不足の理由'))).toContain('現金に過不足があります。理由を入力してください。');
    expect(dayClose).not.toHaveBeenCalled();

    type('現金の過不足の理由', '釣銭の渡し過ぎ（1,000円）');
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    const confirm = screen.getByRole('region', { name: '締めの確認' });
    expect(within(confirm).getByTestId('confirm-cash-difference').textContent).toBe('-1,000円（不足）');
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: '締める' }));
    fireEvent.click(within(confirm).getByRole('button', { name: '締める' }));

    expect(await screen.findByRole('heading', { name: '2026年11月25日（水）を締めました' })).toBeTruthy();
    expect(dayClose).toHaveBeenCalledWith({ countedCash: 1200, cashReason: '釣銭の渡し過ぎ（1,000円）', countedStock: { IN_STOCK: 4, DAMAGED_IN_STOCK: 0, EXCHANGED: 1 } });
    expect(screen.getByRole('link', { name: '日計表PDFを開く' }).getAttribute('href')).toMatch(/^blob:/);
    expect((await screen.findByTestId('next-business-day')).textContent).toBe('この後の取引は、翌営業日 2026年11月26日（木） の扱いになります。');
  });

  it('says what waits for a 検印 and links to it, and puts the server’s refusals on their fields', async () => {
    const dayClose = vi.fn(() =>
      Promise.resolve({ ok: false as const, error: { code: 'STOCK_DIFFERENCE_REASON', message: 'トークンの在庫数が帳簿と合いません。理由を入力してください。', fieldErrors: { stockReason: 'トークンの在庫数が帳簿と合いません。理由を入力してください。' } } }),
    );
    fakeApi(MANAGER, { dayStatus: vi.fn(() => ok(day({ pendingApprovals: 2 }))), dayClose });
    render(<DayCloseScreen />);
    const pending = await screen.findByTestId('pending-approvals');
    expect(pending.textContent).toContain('検印待ちの依頼が2件あります。');
    expect(within(pending).getByRole('link', { name: '検印待ちを開く' }).getAttribute('href')).toBe('#/approvals');

    countAsTyped('2200', ['4', '0', '1']);
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    fireEvent.click(screen.getByRole('button', { name: '締める' }));
    const reason = await screen.findByLabelText('在庫の差の理由');
    expect(describedTexts(reason)).toContain('トークンの在庫数が帳簿と合いません。理由を入力してください。');
    await waitFor(() => expect(document.activeElement).toBe(reason));
  });

  it('shows the last closed day’s 日計表 again, and reopens it with a 検印', async () => {
    const dayReport = vi.fn(() => ok({ pdfBase64: btoa('%PDF-1.4') }));
    const approvalsRequest = vi.fn(() => ok({ id: 9, kind: 'DAY_REOPEN' as const, state: 'PENDING' as const }));
    fakeApi(MANAGER, { dayStatus: vi.fn(() => ok(day({ businessDate: '2026-11-26', lastClosed: '2026-11-25' }))), dayReport, approvalsRequest });
    vi.spyOn(window, 'open').mockImplementation(() => null);
    render(<DayCloseScreen />);
    fireEvent.click(await screen.findByRole('button', { name: '2026年11月25日（水）の日計表を表示/印刷' }));
    expect(await screen.findByRole('link', { name: '日計表PDFを開く' })).toBeTruthy();
    expect(dayReport).toHaveBeenCalledWith({ businessDate: '2026-11-25' });

    fireEvent.click(screen.getByRole('button', { name: 'この営業日を再開する（検印）' }));
    const form = screen.getByRole('form', { name: '2026年11月25日（水）の再開' });
    fireEvent.change(within(form).getByLabelText('理由'), { target: { value: '取消漏れ' } });
    fireEvent.click(within(form).getByRole('button', { name: '検印を依頼' }));
    await screen.findByRole('button', { name: '検印待ちに回す' });
    expect(approvalsRequest).toHaveBeenCalledWith({ kind: 'DAY_REOPEN', subject: '2026-11-25', reason: '取消漏れ' });
  });
});
