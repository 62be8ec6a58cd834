// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import { MANAGER, fakeApi } from '../../../../support/fake-api';
import { freshWindowEachTest } from '../../../../support/screen';

freshWindowEachTest();

const row = (operatorId: string, name: string, role: 'manager' | 'teller', more: Partial<{ locked: boolean; failedAttempts: number; mustChangePassword: boolean; retiredAt: string | null }> = {}) => ({
  operatorId,
  name,
  role,
  locked: false,
  failedAttempts: 0,
  mustChangePassword: false,
  retiredAt: null,
  ...more,
});

const listing = (operators: ReturnType<typeof row>[]) => vi.fn(() => Promise.resolve({ ok: true as const, value: { operators } }));
const done = <T,>(value: T) => vi.fn(() => Promise.resolve({ ok: true as const, value }));

describe('オペレーター', () => {
  it('warns while only one unlocked manager could unlock the others', async () => {
    const listed = (managers: number) =>
      listing([
        ...Array.from({ length: managers }, (_, i) => row(`M00${i + 1}`, `役席 ${i + 1}`, 'manager')),
        row('M009', '役席 ロック中', 'manager', { locked: true, failedAttempts: 5 }),
        row('M008', '役席 退職', 'manager', { retiredAt: '2026-01-10T00:00:00.000Z' }),
        row('T001', '窓口 花子', 'teller'),
      ]);
    window.location.hash = '#/operators';
    fakeApi(MANAGER, { operatorsList: listed(1) });
    render(<App />);
    expect((await screen.findByTestId('single-manager')).textContent).toContain('役席者をもう1名登録してください');
    cleanup();

    fakeApi(MANAGER, { operatorsList: listed(2) });
    render(<App />);
    await screen.findByText('役席 2');
    expect(screen.queryByTestId('single-manager')).toBeNull();
  });

  it('shows each operator’s state, and offers no change for oneself or a retired operator', async () => {
    window.location.hash = '#/operators';
    fakeApi(MANAGER, {
      operatorsList: listing([
        row('M001', '役席 太郎', 'manager'),
        row('T001', '窓口 花子', 'teller', { mustChangePassword: true }),
        row('T002', '窓口 次郎', 'teller', { retiredAt: '2026-01-10T00:00:00.000Z' }),
      ]),
    });
    render(<App />);
    const cells = (id: string) => within(screen.getByText(id).closest('tr')!);
    await screen.findByText('T002');
    expect(cells('M001').getByText(/ご本人/)).toBeTruthy();
    expect(cells('T001').getByText('パスワード変更待ち')).toBeTruthy();
    expect(cells('T002').getByText('退職（2026年01月10日）')).toBeTruthy();
    expect(cells('T002').queryByRole('button')).toBeNull();
    expect(cells('M001').queryByRole('button')).toBeNull();
  });

  it('resets a password under the stated rule, changes a role and retires only after a confirmation', async () => {
    window.location.hash = '#/operators';
    const api = fakeApi(MANAGER, {
      operatorsList: listing([row('M001', '役席 太郎', 'manager'), row('T001', '窓口 花子', 'teller')]),
      operatorsResetPassword: done({}),
      operatorsChangeRole: done({ operator: { operatorId: 'T001', name: '窓口 花子', role: 'manager' as const } }),
      operatorsRetire: done({ retiredAt: '2026-11-25T01:30:00.000Z' }),
    });
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: '窓口 花子（T001）を変更' }));
    const panel = within(await screen.findByTestId('operator-edit'));
    expect(panel.getByText(/8文字以上で、英字と数字をそれぞれ1文字以上含めてください。本人が最初のログインで/)).toBeTruthy();

    fireEvent.change(panel.getByLabelText('仮パスワード'), { target: { value: 'short' } });
    fireEvent.click(panel.getByRole('button', { name: 'パスワードを再設定' }));
    expect(await panel.findByText('パスワードは8文字以上で、英字と数字をそれぞれ1文字以上含めてください')).toBeTruthy();
    expect(api.operatorsResetPassword).not.toHaveBeenCalled();
    fireEvent.change(panel.getByLabelText('仮パスワード'), { target: { value: 'temp12345' } });
    fireEvent.click(panel.getByRole('button', { name: 'パスワードを再設定' }));
    await waitFor(() => expect(api.operatorsResetPassword).toHaveBeenCalledWith({ operatorId: 'T001', password: 'temp12345' }));
    expect(await screen.findByText('窓口 花子（T001） のパスワードを再設定しました。次のログインで本人が変更します。')).toBeTruthy();

    fireEvent.change(panel.getByLabelText('役割'), { target: { value: 'manager' } });
    fireEvent.click(panel.getByRole('button', { name: '役割を変更' }));
    await waitFor(() => expect(api.operatorsChangeRole).toHaveBeenCalledWith({ operatorId: 'T001', role: 'manager' }));

    fireEvent.click(panel.getByRole('button', { name: '退職を登録' }));
    expect(api.operatorsRetire).not.toHaveBeenCalled();
    expect(panel.getByText('窓口 花子（T001） を退職として登録します。取り消せません。よろしいですか。')).toBeTruthy();
    fireEvent.click(panel.getByRole('button', { name: '退職として登録' }));
    await waitFor(() => expect(api.operatorsRetire).toHaveBeenCalledWith({ operatorId: 'T001' }));
    await waitFor(() => expect(screen.queryByTestId('operator-edit')).toBeNull());
  });
});
