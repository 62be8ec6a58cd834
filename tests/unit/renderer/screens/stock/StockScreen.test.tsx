// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import { MANAGER, fakeApi, stockRow } from '../../../../support/fake-api';
import { freshWindowEachTest, go } from '../../../../support/screen';

freshWindowEachTest();

describe('在庫', () => {
  it('offers each row the actions its state allows, marks damaged with a note typed inline, resets the fail count with a 検印', async () => {
    const stockMarkDamaged = vi.fn(() => Promise.resolve({ ok: true as const, value: { serial: 'ST0000000001', state: 'DAMAGED_IN_STOCK' as const } }));
    const approvalsRequest = vi.fn(() => Promise.resolve({ ok: true as const, value: { id: 8, kind: 'LOCK_OVERRIDE' as const, state: 'PENDING' as const } }));
    const approvalsDecide = vi.fn(() => Promise.resolve({ ok: true as const, value: { id: 8, state: 'USED' as const, result: { serial: 'ST0000000003' } } }));
    // No window.prompt: the note is typed in the row's own form.
    const prompt = vi.fn();
    window.prompt = prompt;
    fakeApi(MANAGER, {
      stockList: vi.fn(() =>
        Promise.resolve({
          ok: true as const,
          value: { tokens: [stockRow('ST0000000001', 'IN_STOCK'), stockRow('ST0000000002', 'DAMAGED_IN_STOCK'), stockRow('ST0000000003', 'ISSUED', 3)], matched: 3, counts: { IN_STOCK: 1 } },
        }),
      ),
      stockMarkDamaged,
      approvalsRequest,
      approvalsDecide,
    });
    go('stock');
    render(<App />);
    expect((await screen.findByTestId('fail-ST0000000003')).textContent).toBe('3回');
    expect(screen.getByRole('columnheader', { name: '失敗回数' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'ST0000000001 を在庫破損にする' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'ST0000000001 を廃棄する' })).toBeNull();
    expect(screen.getByRole('button', { name: 'ST0000000002 を廃棄する' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'ST0000000002 を同期する' })).toBeNull();
    expect(screen.getByRole('button', { name: 'ST0000000003 を同期する' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'ST0000000001 を失敗回数リセット' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'ST0000000001 を在庫破損にする' }));
    const form = screen.getByRole('form', { name: 'ST0000000001 を在庫破損として登録' });
    fireEvent.click(within(form).getByRole('button', { name: '在庫破損として登録' }));
    const note = within(form).getByLabelText('破損の状況');
    await waitFor(() => expect(note.getAttribute('aria-invalid')).toBe('true'));
    expect(stockMarkDamaged).not.toHaveBeenCalled();
    fireEvent.change(note, { target: { value: '液晶割れ' } });
    fireEvent.click(within(form).getByRole('button', { name: '在庫破損として登録' }));
    await waitFor(() => expect(stockMarkDamaged).toHaveBeenCalledWith({ serial: 'ST0000000001', note: '液晶割れ' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'ST0000000001 を在庫破損として登録' })).toBeNull());
    expect(prompt).not.toHaveBeenCalled();

    // Lifting a lock is an exception: a reason, a LOCK_OVERRIDE request, a manager's 検印.
    fireEvent.click(screen.getByRole('button', { name: 'ST0000000003 を失敗回数リセット' }));
    const override = screen.getByRole('form', { name: 'ST0000000003 の失敗回数リセット（使用停止の解除）' });
    fireEvent.change(within(override).getByLabelText('理由'), { target: { value: 'お客さまの押し間違い' } });
    fireEvent.click(within(override).getByRole('button', { name: '検印を依頼' }));
    fireEvent.click(await screen.findByRole('button', { name: '今すぐ検印' }));
    const dialog = screen.getByRole('dialog', { name: '検印' });
    fireEvent.change(within(dialog).getByLabelText('役席者のオペレーターID'), { target: { value: 'M002' } });
    fireEvent.change(within(dialog).getByLabelText('パスワード'), { target: { value: 'manager345' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '承認' }));
    expect(await screen.findByText('シリアル番号 ST0000000003 の失敗回数を0回に戻しました（検印 M002）。')).toBeTruthy();
    expect(approvalsRequest).toHaveBeenCalledWith({ kind: 'LOCK_OVERRIDE', subject: 'ST0000000003', reason: 'お客さまの押し間違い' });
    expect(approvalsDecide).toHaveBeenCalledWith({ id: 8, approverId: 'M002', password: 'manager345', approve: true });
  });

  it('says how many tokens matched when the list shows only the first of them', async () => {
    fakeApi(MANAGER, {
      stockList: vi.fn(() => Promise.resolve({ ok: true as const, value: { tokens: [stockRow('ST0000000001', 'IN_STOCK')], matched: 1620, counts: { IN_STOCK: 1620 } } })),
    });
    go('stock');
    render(<App />);
    const note = await screen.findByText(/^1,620件/);
    expect(note.textContent).toBe('1,620件（先頭1件を表示しています。状態かシリアル番号で絞り込んでください）');
  });

  it('shows オペレーター and the seed import to a manager', async () => {
    fakeApi(MANAGER);
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'オペレーター' }));
    fireEvent.click(screen.getByRole('button', { name: '在庫' }));
    expect(await screen.findByLabelText('シードファイル')).toBeTruthy();
    expect(screen.getByRole('button', { name: '取込' })).toBeTruthy();
  });
});
