// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import { BRANCH, TELLER, fakeApi } from '../../../../support/fake-api';
import { describedTexts, freshWindowEachTest, go, scan, summaryOf, type } from '../../../../support/screen';

freshWindowEachTest();

describe('利用中止届', () => {
  it('tells plainly that a smartphone contract stops its token online, and sends nothing', async () => {
    const api = fakeApi(TELLER, {
      contractsLookup: vi.fn(() =>
        Promise.resolve({
          ok: true as const,
          value: { contractId: 'C0099999', maskedName: '鈴＊ ＊＊', featurePhone: false, currentSerial: 'SP0000000001', currentState: 'ACTIVE' as const, stateLabel: '利用中', currentDigits: 6 as const, bank: null },
        }),
      ),
      suspend: vi.fn(),
    });
    go('suspend');
    render(<App />);
    await screen.findByRole('heading', { name: '利用中止届（携帯電話のお客さま）' });
    scan('契約者ID', 'C0099999');
    const message = await screen.findByText(/利用中止はWEBバンキングの「利用中止」からお客さまご自身で行っていただくようご案内ください/);
    expect(message.closest('[role="alert"]')).not.toBeNull();
    expect(screen.getByTestId('contract-summary').textContent).toContain('利用なし（スマートフォン・パソコン）');

    expect(describedTexts(screen.getByLabelText('契約者ID'))).toContain('窓口では受付できません');
    // The rest of the form does not apply to this customer.
    for (const label of ['本人確認書類', '利用中止するトークンのシリアル番号', '上記をお客さまにご説明し、ご了承いただきました']) {
      expect(screen.getByLabelText(label).closest('fieldset[disabled]'), label).not.toBeNull();
    }
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    const contract = screen.getByLabelText('契約者ID');
    await waitFor(() => expect(contract.getAttribute('aria-invalid')).toBe('true'));
    expect(describedTexts(contract).join(' ')).toContain('スマートフォン・パソコンのご利用です');
    expect(screen.queryByRole('heading', { name: '入力内容の確認' })).toBeNull();
    expect(api.suspend).not.toHaveBeenCalled();
  });

  it('shows the server’s refusal too, bound to the contract', async () => {
    const suspend = vi.fn(() =>
      Promise.resolve({
        ok: false as const,
        error: {
          code: 'SUSPEND_ONLINE',
          message: 'この契約はスマートフォン・パソコンのご利用です。利用中止はWEBバンキングの「利用中止」からお客さまご自身で行っていただくようご案内ください。',
          fieldErrors: { contractId: 'この契約はスマートフォン・パソコンのご利用です。利用中止はWEBバンキングの「利用中止」からお客さまご自身で行っていただくようご案内ください。' },
        },
      }),
    );
    fakeApi(TELLER, { suspend });
    go('suspend');
    render(<App />);
    await screen.findByLabelText('契約者ID');
    scan('契約者ID', 'C0012345');
    await screen.findByTestId('contract-summary');
    fireEvent.change(screen.getByLabelText('本人確認書類'), { target: { value: 'DRIVERS_LICENSE' } });
    type('利用中止するトークンのシリアル番号', 'OLD000000001');
    fireEvent.click(screen.getByLabelText('上記をお客さまにご説明し、ご了承いただきました'));
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    fireEvent.click(await screen.findByRole('button', { name: '確定' }));
    const contract = await screen.findByLabelText('契約者ID');
    await waitFor(() => expect(contract.getAttribute('aria-invalid')).toBe('true'));
    expect(describedTexts(contract).join(' ')).toContain('利用中止はWEBバンキングの「利用中止」から');
    expect((screen.getByLabelText('利用中止するトークンのシリアル番号') as HTMLInputElement).value).toBe('OLD000000001');
  });

  it('shows at 確認 the serial on the form as it will be printed, not as typed', async () => {
    fakeApi(TELLER, { suspend: vi.fn() });
    go('suspend');
    render(<App />);
    await screen.findByLabelText('契約者ID');
    scan('契約者ID', 'ｃ００１２３４５');
    await screen.findByTestId('contract-summary');
    fireEvent.change(screen.getByLabelText('本人確認書類'), { target: { value: 'MY_NUMBER_CARD' } });
    type('利用中止するトークンのシリアル番号', 'ｏｌｄ０－００００－０００１');
    fireEvent.click(screen.getByLabelText('上記をお客さまにご説明し、ご了承いただきました'));
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    const confirm = (await screen.findByRole('heading', { name: '入力内容の確認' })).closest('section')!;
    expect(summaryOf(confirm)).toMatchObject({ 契約者ID: 'c0012345（信＊ ＊＊ 様）', 利用中止するトークン: 'OLD000000001' });
  });

  it('a feature-phone customer: warning, 確定, 受付番号 and the 利用中止受付票', async () => {
    const suspend = vi.fn(() =>
      Promise.resolve({ ok: true as const, value: { receiptNo: '001-03-000078', acceptedAt: '2026-11-25T01:40:00.000Z', serial: 'OLD000000001' } }),
    );
    const receiptsOpen = vi.fn(() => Promise.resolve({ ok: true as const, value: { pdfBase64: btoa('%PDF-1.4'), print: { state: 'viewer' as const }, printCount: 1 } }));
    fakeApi(TELLER, { suspend, receiptsOpen });
    vi.spyOn(window, 'open').mockImplementation(() => null);
    go('suspend');
    render(<App />);
    await screen.findByLabelText('契約者ID');
    expect(screen.getByRole('note').textContent).toContain('お振込等の資金移動のお取引が制限されます');
    expect(screen.getByRole('note').textContent).toContain('二度とご利用・再登録いただけません');
    scan('契約者ID', 'C0012345');
    await screen.findByTestId('contract-summary');
    fireEvent.change(screen.getByLabelText('本人確認書類'), { target: { value: 'MY_NUMBER_CARD' } });
    type('利用中止するトークンのシリアル番号', 'OLD000000001');
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    // Not before the customer was told.
    const explained = screen.getByLabelText('上記をお客さまにご説明し、ご了承いただきました');
    await waitFor(() => expect(explained.getAttribute('aria-invalid')).toBe('true'));
    fireEvent.click(explained);
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    fireEvent.click(await screen.findByRole('button', { name: '確定' }));
    expect((await screen.findByTestId('receipt-no')).textContent).toBe('001-03-000078');
    expect(suspend).toHaveBeenCalledWith({ contractId: 'C0012345', identityDocument: 'MY_NUMBER_CARD', serial: 'OLD000000001' });
    expect(screen.getByTestId('suspended-serial').textContent).toBe('OLD000000001');
    fireEvent.click(screen.getByRole('button', { name: '利用中止受付票を表示/印刷' }));
    expect((await screen.findByRole('link', { name: '利用中止受付票PDFを開く' })).getAttribute('href')).toMatch(/^blob:/);
    expect(receiptsOpen).toHaveBeenCalledWith({ receiptNo: '001-03-000078', reprint: false, copy: 'customer' });
  });
});

describe('利用中止届 after the bank changed makers', () => {
  it('says what the new maker’s serials look like, and still takes the contract’s own token issued under the old rule', async () => {
    fakeApi(TELLER, { setupStatus: vi.fn(() => Promise.resolve({ ok: true as const, value: { initialized: true, keyRestoreNeeded: false, branch: { ...BRANCH, serialFormat: 'DIGITS_13' as const } } })) });
    go('suspend');
    render(<App />);
    const serial = await screen.findByLabelText('利用中止するトークンのシリアル番号');
    expect(describedTexts(serial)).toContain('利用中止届に記入されたシリアル番号（トークン裏面の13桁の数字）');
    scan('契約者ID', 'C0012345');
    await screen.findByTestId('contract-summary');
    fireEvent.change(screen.getByLabelText('本人確認書類'), { target: { value: 'MY_NUMBER_CARD' } });
    type('利用中止するトークンのシリアル番号', 'OLD000000009');
    fireEvent.click(screen.getByLabelText('上記をお客さまにご説明し、ご了承いただきました'));
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    await waitFor(() => expect(serial.getAttribute('aria-invalid')).toBe('true'));
    expect(describedTexts(serial)).toContain('シリアル番号は数字13桁で入力してください');
    type('利用中止するトークンのシリアル番号', 'old000000001');
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    expect(await screen.findByRole('heading', { name: '入力内容の確認' })).toBeTruthy();
  });
});
