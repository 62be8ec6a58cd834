// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Approval } from '../../../../../services/contract';
import { ApprovalsScreen } from '../../../../../renderer/screens/approvals/ApprovalsScreen';
import { StatusContext } from '../../../../../renderer/hooks/useStatus';
import { MANAGER, fakeApi } from '../../../../support/fake-api';
import { freshWindowEachTest } from '../../../../support/screen';

freshWindowEachTest();

const approval = (id: number, kind: Approval['kind'], kindLabel: string, subject: string, over: Partial<Approval> = {}): Approval => ({
  id,
  kind,
  kindLabel,
  subject,
  reason: 'お客さまの申出',
  requestedBy: 'tel01',
  requestedAt: '2026-11-25T01:00:00.000Z',
  state: 'PENDING',
  stateLabel: '検印待ち',
  ...over,
});
const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });

describe('検印待ち', () => {
  it('lists what waits with who asked and why, and decides one in the dialog', async () => {
    const waiting = [
      approval(1, 'VOID', '取引の取消', '101-01-0000001'),
      approval(2, 'LOCK_OVERRIDE', 'トークンの使用停止の解除', 'AB12CD34EF56'),
      approval(3, 'FEE_WAIVER', '手数料の免除', 'C0000003', { state: 'APPROVED', stateLabel: '承認済' }),
    ];
    const approvalsList = vi.fn().mockResolvedValueOnce({ ok: true, value: { approvals: waiting } }).mockResolvedValue({ ok: true, value: { approvals: waiting.slice(1) } });
    const approvalsDecide = vi.fn(() => ok({ id: 1, state: 'USED' as const, result: { receiptNo: '101-01-0000004' } }));
    fakeApi(MANAGER, { approvalsList, approvalsDecide });
    const status = vi.fn();
    render(
      <StatusContext.Provider value={status}>
        <ApprovalsScreen />
      </StatusContext.Provider>,
    );
    const rows = (await screen.findAllByRole('row')).slice(1) as HTMLTableRowElement[];
    expect(rows.map((r) => [...r.cells].map((c) => c.textContent))).toEqual([
      ['1', '2026-11-25 10:00:00', '取引の取消', '受付番号101-01-0000001', 'お客さまの申出', 'tel01', '検印'],
      ['2', '2026-11-25 10:00:00', 'トークンの使用停止の解除', 'シリアル番号AB12CD34EF56', 'お客さまの申出', 'tel01', '検印'],
      ['3', '2026-11-25 10:00:00', '手数料の免除', '契約者IDC0000003', 'お客さまの申出', 'tel01', '承認済（窓口で未使用）'],
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'No.1（取引の取消）を検印' }));
    const dialog = screen.getByRole('dialog', { name: '検印' });
    expect(dialog.textContent).toContain('依頼者tel01');
    fireEvent.change(within(dialog).getByLabelText('役席者のオペレーターID'), { target: { value: 'M001' } });
    fireEvent.change(within(dialog).getByLabelText('パスワード'), { target: { value: 'manager123' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '承認' }));

    const done = await screen.findByTestId('void-done');
    expect(done.textContent).toContain('取消の受付番号は 101-01-0000004 です。');
    expect(status).toHaveBeenCalledWith('検印依頼（No.1、取引の取消）を承認しました（取消の受付番号 101-01-0000004）。');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'No.1（取引の取消）を検印' })).toBeNull());
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says when nothing waits', async () => {
    fakeApi(MANAGER, { approvalsList: vi.fn(() => ok({ approvals: [] })) });
    render(<ApprovalsScreen />);
    expect(await screen.findByText('検印待ちの依頼はありません。')).toBeTruthy();
  });
});
