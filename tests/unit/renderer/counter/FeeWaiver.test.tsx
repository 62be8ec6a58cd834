// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AppShell } from '../../../../renderer/app/AppShell';
import { appliedWaiver } from '../../../../renderer/counter/FeeWaiver';
import { BRANCH, TELLER, fakeApi } from '../../../support/fake-api';
import { fillIssueForm, issued } from '../../../support/issue-form';
import { freshWindowEachTest } from '../../../support/screen';

freshWindowEachTest();

const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });

describe('手数料免除 at 発行受付', () => {
  it('applies only to the contract it was approved for, once granted', () => {
    const waiver = { approvalId: 3, contractId: 'C0000003', reason: '店舗側の不備', grantedBy: 'M002' };
    expect(appliedWaiver(waiver, 'Ｃ００００００３')).toBe(3);
    expect(appliedWaiver(waiver, 'C0000004')).toBeUndefined();
    expect(appliedWaiver({ ...waiver, grantedBy: null }, 'C0000003')).toBeUndefined();
  });

  it('asks the reason, a FEE_WAIVER request for the contract, a manager’s 検印, then 確定 carries the approval and the fee is 0円（免除）', async () => {
    const approvalsRequest = vi.fn(() => ok({ id: 11, kind: 'FEE_WAIVER' as const, state: 'PENDING' as const }));
    const approvalsDecide = vi.fn(() => ok({ id: 11, state: 'APPROVED' as const, result: {} }));
    const issue = vi.fn(async () => {
      const r = await issued();
      return { ...r, value: { ...r.value, fee: { ...r.value.fee, description: 'ハードウェアトークン発行手数料（免除）', totalInclTax: 0, net: 0, tax: 0 } } };
    });
    fakeApi(TELLER, { approvalsRequest, approvalsDecide, issue });
    render(<AppShell branch={BRANCH} operator={TELLER} fontSize="standard" onFontSize={() => {}} onLogout={() => {}} onBranchChanged={() => {}} locked={false} />);
    await screen.findByLabelText('契約者ID');
    await fillIssueForm();
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    expect((await screen.findByTestId('confirm-fee')).textContent).toBe('2,200円（税込） うち消費税 200円');

    fireEvent.click(screen.getByRole('button', { name: '手数料を免除する（検印）' }));
    const form = screen.getByRole('form', { name: '契約者ID 1234567890 の手数料の免除' });
    fireEvent.change(within(form).getByLabelText('理由'), { target: { value: '店舗側の不備による再来店' } });
    fireEvent.click(within(form).getByRole('button', { name: '検印を依頼' }));
    const dialog = await screen.findByRole('dialog', { name: '検印' });
    expect(approvalsRequest).toHaveBeenCalledWith({ kind: 'FEE_WAIVER', subject: '1234567890', reason: '店舗側の不備による再来店' });
    fireEvent.change(within(dialog).getByLabelText('役席者のオペレーターID'), { target: { value: 'M002' } });
    fireEvent.change(within(dialog).getByLabelText('パスワード'), { target: { value: 'manager345' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '承認' }));

    expect((await screen.findByTestId('fee-waiver')).textContent).toContain('手数料の免除：承認済（検印 M002、No.11）');
    expect(screen.getByTestId('confirm-fee').textContent).toBe('0円（免除）');
    fireEvent.click(screen.getByRole('button', { name: '確定' }));
    await waitFor(() => expect(issue).toHaveBeenCalledWith(expect.objectContaining({ contractId: '1234567890', feeWaiverApprovalId: 11 })));
    await screen.findByTestId('receipt-no');
    expect(screen.getByText('0円（免除）')).toBeTruthy();
    expect(screen.queryByText(/お預かりし/)).toBeNull();
  });
});
