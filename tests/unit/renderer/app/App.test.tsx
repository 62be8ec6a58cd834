// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../../../renderer/app/App';
import { TELLER, fakeApi } from '../../../support/fake-api';
import { freshWindowEachTest } from '../../../support/screen';

freshWindowEachTest();

describe('screen lock', () => {
  it('SESSION_EXPIRED shows the lock overlay over the form, which survives', async () => {
    const api = fakeApi(TELLER, {
      stockLookup: vi.fn(() =>
        Promise.resolve({ ok: false as const, error: { code: 'SESSION_EXPIRED', message: 'ログインの有効期限が切れました。' } }),
      ),
    });
    render(<App />);
    fireEvent.change(await screen.findByLabelText('契約者ID'), { target: { value: '555' } });
    const serial = screen.getByLabelText('シリアル番号');
    fireEvent.change(serial, { target: { value: 'X1' } });
    fireEvent.blur(serial);

    const dialog = await screen.findByRole('dialog', { name: '画面ロック中' });
    expect(dialog).toBeTruthy();
    // The screen underneath is still mounted, just unreachable.
    const contract = document.getElementById('issue-contractId') as HTMLInputElement;
    expect(contract.value).toBe('555');
    expect(contract.closest('[inert]')).not.toBeNull();

    fireEvent.change(screen.getByLabelText('パスワード'), { target: { value: 'secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'ロック解除' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.authLogin).toHaveBeenCalledWith({ operatorId: 'T001', password: 'secret' });
    expect((screen.getByLabelText('契約者ID') as HTMLInputElement).value).toBe('555');
  });

  it('locks after idleLockSeconds without activity', async () => {
    fakeApi(TELLER, {}, 1);
    render(<App />);
    await screen.findByLabelText('契約者ID');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByRole('dialog', { name: '画面ロック中' })).toBeTruthy();
  });
});
