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
    const receiptsOpen = vi.fn(() => Promise.resolve({ ok: true as const, value: { pdfBase64: btoa('%PDF-1.4'), sentToPrinter: false, printCount: 1 } }));
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
