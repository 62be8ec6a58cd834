// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { JournalLine } from '../../../../../services/contract';
import { JournalScreen } from '../../../../../renderer/screens/journal/JournalScreen';
import { StatusContext } from '../../../../../renderer/hooks/useStatus';
import { TELLER, fakeApi } from '../../../../support/fake-api';
import { freshWindowEachTest, type } from '../../../../support/screen';

freshWindowEachTest();

const line = (seq: number, kind: string, kindLabel: string, receiptNo: string): JournalLine => ({
  seq,
  occurredAt: '2026-11-25T01:00:00.000Z',
  kind,
  kindLabel,
  group: 'counter',
  detail: null,
  operatorId: 'T001',
  receiptNo,
  serial: 'AB12CD34EF56',
  contractId: '＊＊＊＊0001',
  amount: 2200,
  payment: 'CASH',
});
const today = [line(2, 'TOKEN_SUSPENDED', '利用中止（届出）', '001-03-0000002'), line(1, 'TOKEN_ISSUED', 'ハードウェアトークン発行', '001-03-0000001')];
const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
const pdf = { pdfBase64: btoa('%PDF-1.4'), print: { state: 'viewer' as const }, printCount: 1 };

/** 本日の取引 with its status line. */
function showJournal() {
  const status = vi.fn();
  render(
    <StatusContext.Provider value={status}>
      <JournalScreen />
    </StatusContext.Provider>,
  );
  return status;
}

/** The manager at this terminal types their own ID and password into the dialog, and approves. */
async function approveInDialog() {
  const dialog = await screen.findByRole('dialog', { name: '検印' });
  fireEvent.change(within(dialog).getByLabelText('役席者のオペレーターID'), { target: { value: 'M002' } });
  fireEvent.change(within(dialog).getByLabelText('パスワード'), { target: { value: 'manager345' } });
  fireEvent.click(within(dialog).getByRole('button', { name: '承認' }));
}

describe('本日の取引: 取消 and a reprint after the first, each with a 検印', () => {
  it('voids a transaction with a reason and a manager’s approval, and offers its own 取消受付票', async () => {
    const approvalsRequest = vi.fn(() => ok({ id: 5, kind: 'VOID' as const, state: 'PENDING' as const }));
    const approvalsDecide = vi.fn(() => ok({ id: 5, state: 'USED' as const, result: { receiptNo: '001-03-0000003', voidedReceiptNo: '001-03-0000001' } }));
    const receiptsOpen = vi.fn(() => ok(pdf));
    const journalToday = vi.fn(() => ok({ entries: today }));
    fakeApi(TELLER, { journalToday, approvalsRequest, approvalsDecide, receiptsOpen });
    vi.spyOn(window, 'open').mockImplementation(() => null);
    const status = showJournal();
    // A suspension is final: nothing to void.
    await screen.findByRole('button', { name: '001-03-0000001 を取消' });
    expect(screen.queryByRole('button', { name: '001-03-0000002 を取消' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '001-03-0000001 を取消' }));
    const form = screen.getByRole('form', { name: '受付番号 001-03-0000001（ハードウェアトークン発行）の取消' });
    type('理由', 'お客さまの申出（二重申込）');
    fireEvent.click(within(form).getByRole('button', { name: '検印を依頼' }));
    fireEvent.click(await screen.findByRole('button', { name: '今すぐ検印' }));
    await approveInDialog();

    const done = await screen.findByTestId('void-done');
    expect(done.textContent).toContain('受付番号 001-03-0000001 のお取引を取り消しました（検印 M002）。取消の受付番号は 001-03-0000003 です。');
    expect(approvalsRequest).toHaveBeenCalledWith({ kind: 'VOID', subject: '001-03-0000001', reason: 'お客さまの申出（二重申込）' });
    expect(status).toHaveBeenLastCalledWith('受付番号 001-03-0000001 を取り消しました（取消の受付番号 001-03-0000003）。');
    await waitFor(() => expect(journalToday).toHaveBeenCalledTimes(2));
    fireEvent.click(within(done).getByRole('button', { name: '取消受付票を表示/印刷' }));
    await waitFor(() => expect(receiptsOpen).toHaveBeenCalledWith({ receiptNo: '001-03-0000003', reprint: false, copy: 'customer' }));
    expect(await within(done).findByRole('link', { name: '取消受付票PDFを開く' })).toBeTruthy();
  });

  it('asks for a 検印 when the second reprint is refused, then reprints with the approval', async () => {
    const receiptsOpen = vi
      .fn()
      .mockResolvedValueOnce({
        ok: false as const,
        error: { code: 'REPRINT_NEEDS_APPROVAL', message: '再発行は1回までです。2回目の再発行には役席者の検印が必要です。理由を入力して検印を依頼してください。' },
      })
      .mockResolvedValueOnce({ ok: true as const, value: { ...pdf, printCount: 3 } });
    const approvalsRequest = vi.fn(() => ok({ id: 6, kind: 'REPRINT' as const, state: 'PENDING' as const }));
    const approvalsDecide = vi.fn(() => ok({ id: 6, state: 'APPROVED' as const, result: {} }));
    fakeApi(TELLER, { journalToday: vi.fn(() => ok({ entries: today })), approvalsRequest, approvalsDecide, receiptsOpen });
    vi.spyOn(window, 'open').mockImplementation(() => null);
    const status = showJournal();
    const row = (await screen.findByText('ハードウェアトークン発行')).closest('tr') as HTMLTableRowElement;
    fireEvent.click(within(row).getByRole('button', { name: '再発行' }));
    // The refusal is said once, in the form that asks for the 検印.
    const form = await screen.findByRole('form', { name: '受付番号 001-03-0000001 の再発行（2回目以降）' });
    expect(form.textContent).toContain('2回目の再発行には役席者の検印が必要です');
    expect(within(row).queryByRole('alert')).toBeNull();
    type('理由', 'お客さまが控えを紛失');
    fireEvent.click(within(form).getByRole('button', { name: '検印を依頼' }));
    // The customer is waiting: the dialog opens at once.
    await approveInDialog();
    await waitFor(() => expect(receiptsOpen).toHaveBeenLastCalledWith({ receiptNo: '001-03-0000001', reprint: true, copy: 'customer', approvalId: 6 }));
    expect(approvalsRequest).toHaveBeenCalledWith({ kind: 'REPRINT', subject: '001-03-0000001', reason: 'お客さまが控えを紛失' });
    await waitFor(() => expect(status).toHaveBeenLastCalledWith('受付番号 001-03-0000001 の領収書を再発行しました（検印 M002、印刷回数 3回）。'));
    expect(screen.queryByRole('form', { name: '受付番号 001-03-0000001 の再発行（2回目以降）' })).toBeNull();
  });
});
