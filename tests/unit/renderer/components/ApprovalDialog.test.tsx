// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ApprovalDialog } from '../../../../renderer/components/ApprovalDialog';
import type { MadoguchiApi } from '../../../../services/contract';
import { MANAGER, fakeApi } from '../../../support/fake-api';
import { describedTexts, enter, freshWindowEachTest, type } from '../../../support/screen';

freshWindowEachTest();

const REQUEST = { id: 7, kind: 'VOID' as const, kindLabel: '取引の取消', subject: '101-01-0000001', reason: 'お客さまの申出', requestedBy: 'tel01' };
const refusal = (code: string, message: string, fieldErrors?: Record<string, string>) => ({ ok: false as const, error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } });

function open(approvalsDecide: MadoguchiApi['approvalsDecide']) {
  fakeApi(MANAGER, { approvalsDecide });
  const onDecided = vi.fn();
  const onClose = vi.fn();
  render(<ApprovalDialog request={REQUEST} onDecided={onDecided} onClose={onClose} />);
  return { onDecided, onClose, dialog: screen.getByRole('dialog', { name: '検印' }) };
}

describe('the 検印 dialog', () => {
  it('shows what is asked, and approves with the manager’s own ID, password and note', async () => {
    const approvalsDecide = vi.fn(() => Promise.resolve({ ok: true as const, value: { id: 7, state: 'USED' as const, result: { receiptNo: '101-01-0000002' } } }));
    const { onDecided, dialog } = open(approvalsDecide);
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(within(dialog).getByTestId('approval-subject').textContent).toBe('101-01-0000001');
    expect(dialog.textContent).toContain('取引の取消（No.7）');
    expect(dialog.textContent).toContain('依頼者tel01');
    expect(document.activeElement).toBe(screen.getByLabelText('役席者のオペレーターID'));

    type('役席者のオペレーターID', 'mgr02');
    enter(screen.getByLabelText('役席者のオペレーターID'));
    expect(document.activeElement).toBe(screen.getByLabelText('パスワード'));
    type('パスワード', 'manager345');
    type('メモ（任意）', '確認済');
    enter(screen.getByLabelText('メモ（任意）'));
    // Enter in the last field goes to 承認, never straight to a decision.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '承認' }));
    expect(approvalsDecide).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '承認' }));
    await waitFor(() => expect(onDecided).toHaveBeenCalledWith({ id: 7, state: 'USED', result: { receiptNo: '101-01-0000002' }, approverId: 'mgr02' }));
    expect(approvalsDecide).toHaveBeenCalledWith({ id: 7, approverId: 'mgr02', password: 'manager345', approve: true, note: '確認済' });
  });

  it('puts the server’s refusals on the fields they belong to, and clears the password', async () => {
    const approvalsDecide = vi
      .fn()
      .mockResolvedValueOnce(refusal('APPROVER_IS_MAKER', '依頼した本人は検印できません。別の役席者に検印を依頼してください。', { approverId: '依頼した本人は検印できません。別の役席者に検印を依頼してください。' }))
      .mockResolvedValueOnce(refusal('APPROVER_NOT_MANAGER', '検印は役席者が行います。', { approverId: '検印は役席者が行います。' }))
      .mockResolvedValueOnce(refusal('LOGIN_FAILED', 'オペレーターIDまたはパスワードが正しくありません。（あと4回誤るとロックされます）'));
    open(approvalsDecide);
    const id = screen.getByLabelText('役席者のオペレーターID');
    const password = screen.getByLabelText('パスワード');

    type('役席者のオペレーターID', 'tel01');
    type('パスワード', 'teller234');
    fireEvent.click(screen.getByRole('button', { name: '承認' }));
    await waitFor(() => expect(id.getAttribute('aria-invalid')).toBe('true'));
    expect(describedTexts(id)).toContain('依頼した本人は検印できません。別の役席者に検印を依頼してください。');
    expect((password as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(id);

    type('パスワード', 'teller234');
    fireEvent.click(screen.getByRole('button', { name: '承認' }));
    await waitFor(() => expect(describedTexts(id)).toContain('検印は役席者が行います。'));

    type('役席者のオペレーターID', 'mgr02');
    type('パスワード', 'wrong-one1');
    fireEvent.click(screen.getByRole('button', { name: '否認' }));
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    expect(describedTexts(password)).toContain('オペレーターIDまたはパスワードが正しくありません。（あと4回誤るとロックされます）');
    expect(id.getAttribute('aria-invalid')).toBeNull();
    expect(approvalsDecide).toHaveBeenLastCalledWith({ id: 7, approverId: 'mgr02', password: 'wrong-one1', approve: false });
  });

  it('asks for the ID and password before sending, and closes on Esc', async () => {
    const approvalsDecide = vi.fn();
    const { onClose, dialog } = open(approvalsDecide);
    fireEvent.click(screen.getByRole('button', { name: '承認' }));
    expect(describedTexts(screen.getByLabelText('役席者のオペレーターID'))).toContain('役席者のオペレーターIDを入力してください。');
    expect(describedTexts(screen.getByLabelText('パスワード'))).toContain('パスワードを入力してください。');
    expect(approvalsDecide).not.toHaveBeenCalled();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });

  it('keeps Tab inside the dialog', () => {
    open(vi.fn());
    const approve = screen.getByRole('button', { name: '承認' });
    approve.focus();
    fireEvent.keyDown(approve, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByLabelText('役席者のオペレーターID'));
    fireEvent.keyDown(screen.getByLabelText('役席者のオペレーターID'), { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(approve);
  });
});
