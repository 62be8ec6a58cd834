// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import { TELLER, fakeApi } from '../../../../support/fake-api';
import { enter, freshWindowEachTest, type } from '../../../../support/screen';

freshWindowEachTest();

const mustChange = () => vi.fn(() => Promise.resolve({ ok: true as const, value: { operator: TELLER, idleLockSeconds: 600, mustChangePassword: true } }));

describe('パスワードの変更', () => {
  it('comes before anything else after a login with a password a manager set, and states the rule', async () => {
    const api = fakeApi(null, {
      authLogin: vi.fn(() => Promise.resolve({ ok: true as const, value: { operator: TELLER, mustChangePassword: true } })),
      authChangePassword: vi.fn(() => Promise.resolve({ ok: true as const, value: {} })),
    });
    render(<App />);
    await screen.findByLabelText('オペレーターID');
    type('オペレーターID', 'T001');
    type('パスワード', 'first1234');
    enter(screen.getByLabelText('パスワード'));

    expect((await screen.findByTestId('password-required')).textContent).toContain('ほかの操作の前に');
    expect(screen.queryByRole('navigation', { name: '業務メニュー' })).toBeNull();
    expect(screen.getByText('8文字以上で、英字と数字をそれぞれ1文字以上含めてください。現在のパスワードとは別のものにしてください。')).toBeTruthy();

    type('現在のパスワード', 'first1234');
    type('新しいパスワード', 'weak');
    fireEvent.click(screen.getByRole('button', { name: 'パスワードを変更' }));
    expect(await screen.findByText('新しいパスワード：パスワードは8文字以上で、英字と数字をそれぞれ1文字以上含めてください')).toBeTruthy();
    type('新しいパスワード', 'mine56789');
    type('新しいパスワード（確認）', 'mine56788');
    fireEvent.click(screen.getByRole('button', { name: 'パスワードを変更' }));
    expect(await screen.findByText('新しいパスワード（確認）：確認のため、新しいパスワードをもう一度同じように入力してください。')).toBeTruthy();
    expect(api.authChangePassword).not.toHaveBeenCalled();

    type('新しいパスワード（確認）', 'mine56789');
    fireEvent.click(screen.getByRole('button', { name: 'パスワードを変更' }));
    expect(await screen.findByRole('navigation', { name: '業務メニュー' })).toBeTruthy();
    expect(api.authChangePassword).toHaveBeenCalledWith({ currentPassword: 'first1234', newPassword: 'mine56789' });
    expect(screen.getByRole('status').textContent).toBe('パスワードを変更しました。');
  });

  it('is still required after a reload, and shows the server’s refusal of the current password', async () => {
    fakeApi(TELLER, {
      authSession: mustChange(),
      authChangePassword: vi.fn(() =>
        Promise.resolve({
          ok: false as const,
          error: { code: 'LOGIN_FAILED', message: '現在のパスワードが正しくありません。（あと4回誤るとロックされます）', fieldErrors: { currentPassword: '現在のパスワードが正しくありません。（あと4回誤るとロックされます）' } },
        }),
      ),
    });
    render(<App />);
    await screen.findByTestId('password-required');
    type('現在のパスワード', 'guess1234');
    type('新しいパスワード', 'mine56789');
    type('新しいパスワード（確認）', 'mine56789');
    fireEvent.click(screen.getByRole('button', { name: 'パスワードを変更' }));
    await waitFor(() => expect(screen.getByLabelText('現在のパスワード').getAttribute('aria-invalid')).toBe('true'));
    expect((screen.getByLabelText('現在のパスワード') as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('navigation', { name: '業務メニュー' })).toBeNull();
  });

  it('is on the menu for everyone, to change one’s password at any time', async () => {
    window.location.hash = '#/password';
    fakeApi(TELLER, { authChangePassword: vi.fn(() => Promise.resolve({ ok: true as const, value: {} })) });
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'パスワードの変更' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'パスワード変更' }).getAttribute('aria-current')).toBe('page');
    expect(screen.queryByTestId('password-required')).toBeNull();
  });
});
