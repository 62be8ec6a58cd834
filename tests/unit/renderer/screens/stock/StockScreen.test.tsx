// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import { MANAGER, fakeApi, stockRow } from '../../../../support/fake-api';
import { freshWindowEachTest, go } from '../../../../support/screen';

freshWindowEachTest();

describe('在庫', () => {
  it('offers each row the actions its state allows, marks damaged with a note typed inline, resets the fail count', async () => {
    const stockMarkDamaged = vi.fn(() => Promise.resolve({ ok: true as const, value: { serial: 'ST0000000001', state: 'DAMAGED_IN_STOCK' as const } }));
    const stockResetFailCount = vi.fn(() => Promise.resolve({ ok: true as const, value: { serial: 'ST0000000003' } }));
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
      stockResetFailCount,
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

    fireEvent.click(screen.getByRole('button', { name: 'ST0000000003 を失敗回数リセット' }));
    await waitFor(() => expect(stockResetFailCount).toHaveBeenCalledWith({ serial: 'ST0000000003' }));
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
