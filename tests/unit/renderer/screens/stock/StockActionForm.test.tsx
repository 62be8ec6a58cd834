// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import { MANAGER, fakeApi, stockRow } from '../../../../support/fake-api';
import { describedTexts, freshWindowEachTest, go, type } from '../../../../support/screen';

freshWindowEachTest();

describe('在庫: 同期', () => {
  it('resyncs from two codes and shows the refusal in the inline form', async () => {
    const stockResync = vi.fn(() =>
      Promise.resolve({ ok: false as const, error: { code: 'RESYNC_MISMATCH', message: '2つのワンタイムパスワードからトークンを同期できませんでした。', fieldErrors: { otp2: '2つのワンタイムパスワードからトークンを同期できませんでした。' } } }),
    );
    fakeApi(MANAGER, {
      stockList: vi.fn(() => Promise.resolve({ ok: true as const, value: { tokens: [stockRow('ST0000000001', 'IN_STOCK')], matched: 1, counts: { IN_STOCK: 1 } } })),
      stockResync,
    });
    go('stock');
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'ST0000000001 を同期する' }));
    type('1回目のワンタイムパスワード', '111111');
    type('2回目のワンタイムパスワード', '222222');
    fireEvent.click(screen.getByRole('button', { name: '同期' }));
    const otp2 = screen.getByLabelText('2回目のワンタイムパスワード');
    await waitFor(() => expect(otp2.getAttribute('aria-invalid')).toBe('true'));
    expect(stockResync).toHaveBeenCalledWith({ serial: 'ST0000000001', otp1: '111111', otp2: '222222' });
    expect((screen.getByLabelText('1回目のワンタイムパスワード') as HTMLInputElement).value).toBe('111111');
  });

  it('asks an 8-digit token for two 8-digit codes', async () => {
    const stockResync = vi.fn(() => Promise.resolve({ ok: true as const, value: { serial: 'ST0000000008', driftSteps: 2 } }));
    fakeApi(MANAGER, {
      stockList: vi.fn(() => Promise.resolve({ ok: true as const, value: { tokens: [stockRow('ST0000000008', 'IN_STOCK', 0, 8)], matched: 1, counts: { IN_STOCK: 1 } } })),
      stockResync,
    });
    go('stock');
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'ST0000000008 を同期する' }));
    const otp2 = screen.getByLabelText('2回目のワンタイムパスワード');
    expect(describedTexts(otp2)).toContain('1回目の表示が消えてから、もう一度①ボタンを押して表示された8桁');
    type('1回目のワンタイムパスワード', '111111');
    type('2回目のワンタイムパスワード', '222222');
    fireEvent.click(screen.getByRole('button', { name: '同期' }));
    await waitFor(() => expect(otp2.getAttribute('aria-invalid')).toBe('true'));
    expect(describedTexts(otp2)).toContain('ワンタイムパスワードは数字8桁で入力してください');
    expect(stockResync).not.toHaveBeenCalled();

    type('1回目のワンタイムパスワード', '11111111');
    type('2回目のワンタイムパスワード', '22222222');
    fireEvent.click(screen.getByRole('button', { name: '同期' }));
    await waitFor(() => expect(stockResync).toHaveBeenCalledWith({ serial: 'ST0000000008', otp1: '11111111', otp2: '22222222' }));
    expect(await screen.findByText('シリアル番号 ST0000000008 を同期しました（ずれ 2ステップ）。')).toBeTruthy();
  });
});
