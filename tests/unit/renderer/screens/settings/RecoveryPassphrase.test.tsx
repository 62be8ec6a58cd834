// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import { MANAGER, fakeApi } from '../../../../support/fake-api';
import { freshWindowEachTest, type } from '../../../../support/screen';

freshWindowEachTest();

describe('店舗設定 → データ鍵の復元用パスフレーズ', () => {
  it('says whether a new PC can open the ledger, and a manager sets a new passphrase by the server’s rule', async () => {
    const recoverySetPassphrase = vi.fn(() => Promise.resolve({ ok: true as const, value: { set: true, setAt: '2026-11-25T01:00:00.000Z', setBy: 'M001' } }));
    fakeApi(MANAGER, {
      recoveryStatus: vi.fn(() => Promise.resolve({ ok: true as const, value: { set: false, setAt: null, setBy: null } })),
      recoverySetPassphrase,
    });
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: '店舗設定' }));
    expect((await screen.findByTestId('recovery-state')).textContent).toContain('未設定');

    type('新しい復元用パスフレーズ', 'みじかい');
    type('新しい復元用パスフレーズ（確認）', 'みじかい');
    fireEvent.click(screen.getByRole('button', { name: '復元用パスフレーズを設定' }));
    expect((await screen.findAllByText(/12文字以上/)).length).toBeGreaterThan(1);
    expect(recoverySetPassphrase).not.toHaveBeenCalled();

    type('新しい復元用パスフレーズ', '新しい合言葉は十二文字以上');
    type('新しい復元用パスフレーズ（確認）', '新しい合言葉は十二文字以上');
    fireEvent.click(screen.getByRole('button', { name: '復元用パスフレーズを設定' }));
    expect(await screen.findByText(/復元用パスフレーズを変更しました/)).toBeTruthy();
    expect(recoverySetPassphrase).toHaveBeenCalledWith({ passphrase: '新しい合言葉は十二文字以上' });
    expect((screen.getByLabelText('新しい復元用パスフレーズ') as HTMLInputElement).value).toBe('');
  });
});
