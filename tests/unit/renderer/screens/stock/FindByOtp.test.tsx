// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import { TELLER, fakeApi } from '../../../../support/fake-api';
import { describedTexts, freshWindowEachTest, go } from '../../../../support/screen';

freshWindowEachTest();

describe('ワンタイムパスワードからシリアル番号を探す', () => {
  it('finds the serial from a code for any operator', async () => {
    const stockFindByOtp = vi.fn(() =>
      Promise.resolve({ ok: true as const, value: { matches: [{ serial: 'ST0000000007', state: 'IN_STOCK' as const, stateLabel: '在庫' }], searched: 12 } }),
    );
    fakeApi(TELLER, { stockFindByOtp });
    go('stock');
    render(<App />);
    const otp = await screen.findByLabelText('表示されているワンタイムパスワード');
    expect(screen.queryByLabelText('シードファイル')).toBeNull();
    fireEvent.change(otp, { target: { value: '４５６７８９' } });
    fireEvent.keyDown(otp, { key: 'Enter' });
    expect(await within(screen.getByTestId('otp-matches')).findByText('ST0000000007')).toBeTruthy();
    expect(stockFindByOtp).toHaveBeenCalledWith({ otp: '４５６７８９', state: 'IN_STOCK' });
  });

  it('takes a code of 6 or 8 digits, and names both when the length fits neither', async () => {
    const stockFindByOtp = vi.fn(() => Promise.resolve({ ok: true as const, value: { matches: [{ serial: 'ST0000000008', state: 'IN_STOCK' as const, stateLabel: '在庫' }], searched: 3 } }));
    fakeApi(TELLER, { stockFindByOtp });
    go('stock');
    render(<App />);
    const otp = await screen.findByLabelText('表示されているワンタイムパスワード');
    expect(screen.getByText(/①ボタンを押して表示された6桁または8桁から探せます/)).toBeTruthy();
    expect(otp.getAttribute('maxlength')).toBe('8');
    fireEvent.change(otp, { target: { value: '1234567' } });
    fireEvent.keyDown(otp, { key: 'Enter' });
    await waitFor(() => expect(otp.getAttribute('aria-invalid')).toBe('true'));
    expect(describedTexts(otp)).toContain('ワンタイムパスワードは数字6桁または8桁で入力してください');
    expect(stockFindByOtp).not.toHaveBeenCalled();

    fireEvent.change(otp, { target: { value: '12345678' } });
    fireEvent.keyDown(otp, { key: 'Enter' });
    expect(await within(screen.getByTestId('otp-matches')).findByText('ST0000000008')).toBeTruthy();
    expect(stockFindByOtp).toHaveBeenCalledWith({ otp: '12345678', state: 'IN_STOCK' });
  });
});
