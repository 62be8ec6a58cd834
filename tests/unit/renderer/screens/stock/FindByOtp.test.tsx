// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import { TELLER, fakeApi } from '../../../../support/fake-api';
import { freshWindowEachTest, go } from '../../../../support/screen';

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
});
