// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import { TELLER, fakeApi } from '../../../../support/fake-api';
import { describedTexts, freshWindowEachTest, go, refused, scan, summaryOf, type } from '../../../../support/screen';

freshWindowEachTest();

async function fillExchange() {
  scan('契約者ID', 'Ｃ００１２３４５');
  expect(await screen.findByTestId('contract-summary')).toBeTruthy();
  fireEvent.click(screen.getByLabelText('交換（故障・破損・電池切れ）'));
  fireEvent.click(screen.getByLabelText('電池切れ'));
  fireEvent.click(screen.getByLabelText('電池残量表示あり'));
  type('お預かりしたトークンのシリアル番号', 'old000000001');
  type('現在のトークンのワンタイムパスワード', '246810');
  fireEvent.change(screen.getByLabelText('本人確認書類'), { target: { value: 'PASSPORT' } });
  scan('新しいトークンのシリアル番号', `ｎｅｗ${'０'.repeat(8)}２`);
  await waitFor(() => expect(screen.getByTestId('newSerial-state').textContent).toBe('在庫'));
  type('新しいトークンのワンタイムパスワード', '135790');
}

describe('交換・再発行', () => {
  it('shows the contract once looked up, and checks the handed-in serial against it at once', async () => {
    const api = fakeApi(TELLER);
    go('exchange');
    render(<App />);
    const contract = await screen.findByLabelText('契約者ID');
    contract.focus();
    fireEvent.change(contract, { target: { value: 'Ｃ００１２３４５' } });
    fireEvent.keyDown(contract, { key: 'Enter' });
    // Enter leads on to the choice; leaving the field looks the contract up.
    expect(document.activeElement).toBe(screen.getByLabelText('交換（故障・破損・電池切れ）'));
    fireEvent.blur(contract);
    const summary = await screen.findByTestId('contract-summary');
    expect(api.contractsLookup).toHaveBeenCalledWith({ contractId: 'Ｃ００１２３４５' });
    expect((contract as HTMLInputElement).value).toBe('C0012345');
    expect(summary.textContent).toContain('信＊ ＊＊');
    expect(summary.textContent).toContain('利用あり');
    expect(summary.textContent).toContain('OLD000000001');
    expect(summary.textContent).toContain('発行済');

    fireEvent.click(screen.getByLabelText('交換（故障・破損・電池切れ）'));
    type('お預かりしたトークンのシリアル番号', 'OLD000000009');
    expect(describedTexts(screen.getByLabelText('お預かりしたトークンのシリアル番号'))).toContain('ご契約のトークン（OLD000000001）と一致しません');
    type('お預かりしたトークンのシリアル番号', 'old-0000-0000-1');
    expect(describedTexts(screen.getByLabelText('お預かりしたトークンのシリアル番号'))).toContain('ご契約のトークンと一致');
    // Leaving the field shows the serial as the bank writes it.
    fireEvent.blur(screen.getByLabelText('お預かりしたトークンのシリアル番号'));
    expect((screen.getByLabelText('お預かりしたトークンのシリアル番号') as HTMLInputElement).value).toBe('OLD000000001');
    expect(screen.getByTestId('fee').textContent).toContain('0円');
  });

  it('shows at 確認 the IDs and serials as they will be printed, not as typed', async () => {
    fakeApi(TELLER);
    go('exchange');
    render(<App />);
    await screen.findByLabelText('契約者ID');
    await fillExchange();
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    const confirm = (await screen.findByRole('heading', { name: '入力内容の確認' })).closest('section')!;
    expect(summaryOf(confirm)).toMatchObject({
      契約者ID: 'C0012345（信＊ ＊＊ 様）',
      お預かりしたトークン: 'OLD000000001',
      新しいトークン: 'NEW000000002（在庫）',
    });
  });

  it('binds the server field errors to the old serial and the new token’s code and keeps everything typed', async () => {
    const exchange = refused({
      oldSerial: 'お預かりしたトークン（OLD000000001）はこの契約のトークン（OLD000000007）ではありません。',
      newOtp: 'ワンタイムパスワードが一致しません。',
    });
    fakeApi(TELLER, { exchange });
    go('exchange');
    render(<App />);
    await screen.findByLabelText('契約者ID');
    await fillExchange();

    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    const confirm = await screen.findByRole('heading', { name: '入力内容の確認' });
    expect(confirm.closest('section')?.textContent).toContain('交換（電池切れ）');
    fireEvent.click(screen.getByRole('button', { name: '確定' }));

    const oldSerial = await screen.findByLabelText('お預かりしたトークンのシリアル番号');
    await waitFor(() => expect(oldSerial.getAttribute('aria-invalid')).toBe('true'));
    expect(exchange).toHaveBeenCalledWith({
      contractId: 'C0012345',
      identityDocument: 'PASSPORT',
      reason: 'BATTERY',
      oldSerial: 'old000000001',
      symptoms: { faultMark: false, batteryLowMark: true, physicalDamage: false },
      oldOtp: '246810',
      newSerial: 'NEW000000002',
      newOtp: '135790',
    });
    expect(describedTexts(oldSerial)).toContain('お預かりしたトークン（OLD000000001）はこの契約のトークン（OLD000000007）ではありません。');
    const newOtp = screen.getByLabelText('新しいトークンのワンタイムパスワード');
    expect(newOtp.getAttribute('aria-invalid')).toBe('true');
    expect(describedTexts(newOtp)).toContain('ワンタイムパスワードが一致しません。');
    expect(screen.getByLabelText('新しいトークンのシリアル番号').getAttribute('aria-invalid')).toBeNull();
    // The focus goes to the first refused field.
    await waitFor(() => expect(document.activeElement).toBe(oldSerial));
    expect(within(screen.getByRole('alert')).getByText('入力内容に誤りがあります。赤字の項目を確認してください。')).toBeTruthy();

    // Everything typed stays.
    expect((screen.getByLabelText('契約者ID') as HTMLInputElement).value).toBe('C0012345');
    expect((screen.getByLabelText('交換（故障・破損・電池切れ）') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('電池切れ') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('電池残量表示あり') as HTMLInputElement).checked).toBe(true);
    expect((oldSerial as HTMLInputElement).value).toBe('old000000001');
    expect((screen.getByLabelText('現在のトークンのワンタイムパスワード') as HTMLInputElement).value).toBe('246810');
    expect((screen.getByLabelText('本人確認書類') as HTMLSelectElement).value).toBe('PASSPORT');
    expect((screen.getByLabelText('新しいトークンのシリアル番号') as HTMLInputElement).value).toBe('NEW000000002');
    expect((newOtp as HTMLInputElement).value).toBe('135790');
  });

  it('binds a refusal of the new token’s serial to that field', async () => {
    fakeApi(TELLER, { exchange: refused({ newSerial: 'シリアル番号 NEW000000002 は当店の在庫に登録されていません。' }) });
    go('exchange');
    render(<App />);
    await screen.findByLabelText('契約者ID');
    await fillExchange();
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    fireEvent.click(await screen.findByRole('button', { name: '確定' }));
    const newSerial = await screen.findByLabelText('新しいトークンのシリアル番号');
    await waitFor(() => expect(newSerial.getAttribute('aria-invalid')).toBe('true'));
    expect(describedTexts(newSerial)).toContain('シリアル番号 NEW000000002 は当店の在庫に登録されていません。');
  });

  it('asks for the symptom that fits the reason before 確認, as the server would', async () => {
    const api = fakeApi(TELLER, { exchange: vi.fn() });
    go('exchange');
    render(<App />);
    await screen.findByLabelText('契約者ID');
    await fillExchange();
    fireEvent.click(screen.getByLabelText('故障'));
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    const fault = screen.getByLabelText('故障表示あり');
    await waitFor(() => expect(fault.getAttribute('aria-invalid')).toBe('true'));
    expect(describedTexts(fault).join(' ')).toContain('故障表示を確認してチェックしてください');
    expect(screen.queryByRole('heading', { name: '入力内容の確認' })).toBeNull();
    expect(api.exchange).not.toHaveBeenCalled();
  });

  it('紛失・盗難: the reissue fee, 確定, and the receipt with both serials', async () => {
    const lostFee = { kind: 'HW_TOKEN_REISSUE' as const, description: 'ハードウェアトークン再発行手数料', totalInclTax: 2200, net: 2000, tax: 200, taxRatePercent: 10 };
    const lostReissue = vi.fn(() =>
      Promise.resolve({
        ok: true as const,
        value: { receiptNo: '001-03-000077', acceptedAt: '2026-11-25T01:35:25.000Z', lostSerial: 'OLD000000001', newSerial: 'NEW000000002', fee: lostFee },
      }),
    );
    const receiptsOpen = vi.fn(() => Promise.resolve({ ok: true as const, value: { pdfBase64: btoa('%PDF-1.4'), print: { state: 'viewer' as const }, printCount: 1 } }));
    const api = fakeApi(TELLER, { reissue: lostReissue, receiptsOpen, feesQuote: vi.fn(() => Promise.resolve({ ok: true as const, value: lostFee })) });
    vi.spyOn(window, 'open').mockImplementation(() => null);
    go('exchange');
    render(<App />);
    await screen.findByLabelText('契約者ID');
    scan('契約者ID', 'C0012345');
    await screen.findByTestId('contract-summary');
    fireEvent.click(screen.getByLabelText('紛失・盗難'));
    expect(screen.queryByLabelText('お預かりしたトークンのシリアル番号')).toBeNull();
    fireEvent.click(screen.getByLabelText('盗難'));
    fireEvent.change(screen.getByLabelText('本人確認書類'), { target: { value: 'DRIVERS_LICENSE' } });
    scan('新しいトークンのシリアル番号', 'NEW000000002');
    await waitFor(() => expect(screen.getByTestId('newSerial-state').textContent).toBe('在庫'));
    type('新しいトークンのワンタイムパスワード', '135790');
    expect(screen.getByTestId('fee').textContent).toContain('2,200円');
    expect(screen.getByTestId('fee').textContent).toContain('うち消費税 200円');
    expect(api.feesQuote).toHaveBeenCalledWith({ kind: 'HW_TOKEN_REISSUE' });
    fireEvent.click(screen.getByLabelText('口座振替'));
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    fireEvent.click(await screen.findByRole('button', { name: '確定' }));

    expect((await screen.findByTestId('receipt-no')).textContent).toBe('001-03-000077');
    expect(lostReissue).toHaveBeenCalledWith({
      contractId: 'C0012345',
      identityDocument: 'DRIVERS_LICENSE',
      reason: 'STOLEN',
      newSerial: 'NEW000000002',
      newOtp: '135790',
      payment: 'ACCOUNT_DEBIT',
    });
    expect(screen.getByTestId('old-serial').textContent).toBe('OLD000000001');
    expect(screen.getByTestId('new-serial').textContent).toBe('NEW000000002');
    expect(screen.getByTestId('fee-charged').textContent).toBe('2,200円（税込） うち消費税 200円');
    fireEvent.click(screen.getByRole('button', { name: '領収書を表示/印刷' }));
    expect((await screen.findByRole('link', { name: '領収書PDFを開く' })).getAttribute('href')).toMatch(/^blob:/);
  });
});

describe('交換・再発行 with 8-digit tokens', () => {
  const contract8 = vi.fn((req: { contractId: string }) =>
    Promise.resolve({
      ok: true as const,
      value: { contractId: req.contractId.normalize('NFKC'), maskedName: '信＊ ＊＊', featurePhone: true, currentSerial: 'OLD000000001', currentState: 'ISSUED' as const, stateLabel: '発行済', currentDigits: 8 as const, bank: null },
    }),
  );
  const stock8 = vi.fn((req: { serial: string }) =>
    Promise.resolve({ ok: true as const, value: { serial: req.serial.normalize('NFKC').toUpperCase(), state: 'IN_STOCK' as const, stateLabel: '在庫', digits: 8 as const } }),
  );

  it('asks for the old token’s code with the digits of the contract’s token, and the new one’s with its own', async () => {
    fakeApi(TELLER, { contractsLookup: contract8, stockLookup: stock8 });
    go('exchange');
    render(<App />);
    await screen.findByLabelText('契約者ID');
    fireEvent.click(screen.getByLabelText('交換（故障・破損・電池切れ）'));
    const oldOtp = screen.getByLabelText('現在のトークンのワンタイムパスワード');
    const newOtp = screen.getByLabelText('新しいトークンのワンタイムパスワード');
    expect(describedTexts(oldOtp).join(' ')).toContain('表示された6桁または8桁を入力してください');
    expect(describedTexts(newOtp).join(' ')).toContain('表示された6桁または8桁を入力してください');

    await fillExchange();
    expect(describedTexts(oldOtp).join(' ')).toContain('表示された8桁を入力してください');
    expect(describedTexts(newOtp).join(' ')).toContain('表示された8桁を入力してください');
    expect([oldOtp.getAttribute('maxlength'), newOtp.getAttribute('maxlength')]).toEqual(['8', '8']);
  });

  it('refuses 6-digit codes for them before 確認, and sends their 8-digit codes', async () => {
    const exchange = vi.fn(() =>
      Promise.resolve({
        ok: true as const,
        value: {
          receiptNo: '001-03-000079',
          acceptedAt: '2026-11-25T01:35:25.000Z',
          oldSerial: 'OLD000000001',
          newSerial: 'NEW000000002',
          fee: { kind: 'HW_TOKEN_EXCHANGE' as const, description: 'ハードウェアトークン交換', totalInclTax: 0, net: 0, tax: 0, taxRatePercent: 10 },
        },
      }),
    );
    fakeApi(TELLER, { contractsLookup: contract8, stockLookup: stock8, exchange });
    go('exchange');
    render(<App />);
    await screen.findByLabelText('契約者ID');
    await fillExchange();
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    const oldOtp = screen.getByLabelText('現在のトークンのワンタイムパスワード');
    const newOtp = screen.getByLabelText('新しいトークンのワンタイムパスワード');
    await waitFor(() => expect(oldOtp.getAttribute('aria-invalid')).toBe('true'));
    expect(describedTexts(oldOtp)).toContain('ワンタイムパスワードは数字8桁で入力してください');
    expect(describedTexts(newOtp)).toContain('ワンタイムパスワードは数字8桁で入力してください');
    expect(exchange).not.toHaveBeenCalled();

    type('現在のトークンのワンタイムパスワード', '24681012');
    type('新しいトークンのワンタイムパスワード', '13579024');
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    fireEvent.click(await screen.findByRole('button', { name: '確定' }));
    expect((await screen.findByTestId('receipt-no')).textContent).toBe('001-03-000079');
    expect(exchange).toHaveBeenCalledWith(expect.objectContaining({ oldOtp: '24681012', newSerial: 'NEW000000002', newOtp: '13579024' }));
  });
});
