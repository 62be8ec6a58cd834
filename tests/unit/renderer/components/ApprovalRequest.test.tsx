// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApprovalRequest } from '../../../../renderer/components/ApprovalRequest';
import { TELLER, fakeApi } from '../../../support/fake-api';
import { describedTexts, freshWindowEachTest, type } from '../../../support/screen';

freshWindowEachTest();

const requested = (id: number, kind: 'VOID' | 'REPRINT') => vi.fn(() => Promise.resolve({ ok: true as const, value: { id, kind, state: 'PENDING' as const } }));

function ask(canWait: boolean, api: Parameters<typeof fakeApi>[1]) {
  fakeApi(TELLER, api);
  const onDecided = vi.fn();
  const onClose = vi.fn();
  render(
    <ApprovalRequest kind={canWait ? 'VOID' : 'REPRINT'} subject="101-01-0000001" title="受付番号 101-01-0000001 の取消" idPrefix="t" canWait={canWait} onDecided={onDecided} onClose={onClose} />,
  );
  return { onDecided, onClose };
}

describe('asking for a 検印', () => {
  it('wants a reason a person can read, as the server does, before asking', async () => {
    const approvalsRequest = requested(3, 'VOID');
    ask(true, { approvalsRequest });
    type('理由', '誤');
    fireEvent.click(screen.getByRole('button', { name: '検印を依頼' }));
    expect(describedTexts(screen.getByLabelText('理由'))).toContain('理由を入力してください（監査のため記録されます）。');
    expect(approvalsRequest).not.toHaveBeenCalled();
  });

  it('says why the act cannot be asked for at all', async () => {
    ask(true, {
      approvalsRequest: vi.fn(() =>
        Promise.resolve({ ok: false as const, error: { code: 'VOID_SUSPENSION', message: '入力内容に誤りがあります。', fieldErrors: { subject: '利用中止は取り消せません（利用中止したトークンは二度と使えません）。' } } }),
      ),
    });
    type('理由', 'お客さまの申出');
    fireEvent.click(screen.getByRole('button', { name: '検印を依頼' }));
    expect((await screen.findByRole('alert')).textContent).toContain('利用中止は取り消せません');
  });

  it('offers 今すぐ検印 or 検印待ちに回す where the act can wait', async () => {
    const approvalsRequest = requested(3, 'VOID');
    const { onClose } = ask(true, { approvalsRequest });
    type('理由', 'お客さまの申出');
    fireEvent.click(screen.getByRole('button', { name: '検印を依頼' }));
    expect((await screen.findByRole('status')).textContent).toContain('検印依頼（No.3）を受け付けました。');
    expect(approvalsRequest).toHaveBeenCalledWith({ kind: 'VOID', subject: '101-01-0000001', reason: 'お客さまの申出' });
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '今すぐ検印' }));
    expect(screen.getByRole('dialog', { name: '検印' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'キャンセル' }));
    fireEvent.click(screen.getByRole('button', { name: '検印待ちに回す' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('opens the dialog at once where the customer waits, and says a refusal', async () => {
    const { onDecided } = ask(false, {
      approvalsRequest: requested(4, 'REPRINT'),
      approvalsDecide: vi.fn(() => Promise.resolve({ ok: true as const, value: { id: 4, state: 'REFUSED' as const, result: {} } })),
    });
    type('理由', 'お客さまが紛失');
    fireEvent.click(screen.getByRole('button', { name: '検印を依頼' }));
    await screen.findByRole('dialog', { name: '検印' });
    type('役席者のオペレーターID', 'mgr02');
    type('パスワード', 'manager345');
    fireEvent.click(screen.getByRole('button', { name: '否認' }));
    await waitFor(() => expect(onDecided).toHaveBeenCalledWith(expect.objectContaining({ state: 'REFUSED', approverId: 'mgr02' })));
    expect(screen.getByRole('alert').textContent).toBe('検印依頼（No.4）は mgr02 により否認されました。この操作は行われません。');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
