// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../../../renderer/app/App';
import { BRANCH, TELLER, fakeApi } from '../../../support/fake-api';
import { fillIssueForm, issued } from '../../../support/issue-form';
import { freshWindowEachTest } from '../../../support/screen';

freshWindowEachTest();

describe('the branch copy (店舗控)', () => {
  async function issueOne(printBranchCopy: boolean) {
    const receiptsOpen = vi.fn(() => Promise.resolve({ ok: true as const, value: { pdfBase64: btoa('%PDF-1.4'), print: { state: 'viewer' as const }, printCount: 1 } }));
    fakeApi(TELLER, {
      setupStatus: vi.fn(() => Promise.resolve({ ok: true as const, value: { initialized: true, branch: { ...BRANCH, printBranchCopy }, keyRestoreNeeded: false } })),
      issue: vi.fn(issued),
      receiptsOpen,
    });
    vi.spyOn(window, 'open').mockImplementation(() => null);
    render(<App />);
    await screen.findByLabelText('契約者ID');
    await fillIssueForm();
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    fireEvent.click(await screen.findByRole('button', { name: '確定' }));
    await screen.findByTestId('receipt-no');
    return receiptsOpen;
  }

  it('is offered beside the customer’s receipt where the branch prints one, and opens that copy', async () => {
    const receiptsOpen = await issueOne(true);
    fireEvent.click(screen.getByRole('button', { name: '店舗控を表示/印刷' }));
    expect(await screen.findByText(/領収書（店舗控）を別ウィンドウで開きました/)).toBeTruthy();
    expect(receiptsOpen).toHaveBeenCalledWith({ receiptNo: '001-03-000042', reprint: false, copy: 'branch' });
    expect(screen.queryByText(/^領収書を別ウィンドウで開きました/)).toBeNull();
  });

  it('is not offered where the branch does not print one', async () => {
    await issueOne(false);
    expect(screen.getByRole('button', { name: '領収書を表示/印刷' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '店舗控を表示/印刷' })).toBeNull();
  });
});

describe('a receipt the printer did not print', () => {
  it('says so with what to check, offers 再印刷, and 再印刷 is the same print again (not a reprint)', async () => {
    const answers = [
      { pdfBase64: btoa('%PDF-1.4'), print: { state: 'failed' as const, cancelled: false, reason: 'プリンターが印刷できませんでした' }, printCount: 0 },
      { pdfBase64: btoa('%PDF-1.4'), print: { state: 'printed' as const, copies: 2 }, printCount: 1 },
    ];
    const receiptsOpen = vi.fn(() => Promise.resolve({ ok: true as const, value: answers.shift()! }));
    fakeApi(TELLER, { issue: vi.fn(issued), receiptsOpen });
    render(<App />);
    await screen.findByLabelText('契約者ID');
    await fillIssueForm();
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    fireEvent.click(await screen.findByRole('button', { name: '確定' }));
    fireEvent.click(await screen.findByRole('button', { name: '領収書を表示/印刷' }));
    const alert = await screen.findByText(/領収書を印刷できませんでした（プリンターが印刷できませんでした）。プリンターの電源・用紙・接続を確かめて「再印刷」を押してください。書類は台帳に保存されています。/);
    expect(alert.closest('[role="alert"]')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '再印刷' }));
    expect(await screen.findByText(/領収書をプリンターに送りました（2部）。（印刷回数 1回）/)).toBeTruthy();
    expect(receiptsOpen.mock.calls).toEqual([
      [{ receiptNo: '001-03-000042', reprint: false, copy: 'customer' }],
      [{ receiptNo: '001-03-000042', reprint: false, copy: 'customer' }],
    ]);
    expect(screen.queryByRole('button', { name: '再印刷' })).toBeNull();
  });
});
