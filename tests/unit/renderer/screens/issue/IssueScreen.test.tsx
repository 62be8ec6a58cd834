// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import { BRANCH, TELLER, fakeApi } from '../../../../support/fake-api';
import { fillIssueForm, issued } from '../../../../support/issue-form';
import { describedTexts, enter, freshWindowEachTest, scan, summaryOf, type } from '../../../../support/screen';

freshWindowEachTest();

describe('発行受付', () => {
  it('Enter moves to the next field and never submits the form', async () => {
    const api = fakeApi(TELLER, { issue: vi.fn() });
    render(<App />);
    const first = await screen.findByLabelText('契約者ID');

    const order = [
      '契約者ID',
      'お名前（漢字）',
      'フリガナ',
      '代表口座 店番',
      '科目',
      '口座番号',
      '携帯電話（ガラケー）利用',
      '本人確認書類',
      'お届け印 照合済',
      'シリアル番号',
      'ワンタイムパスワード',
      '現金',
    ];
    first.focus();
    for (let i = 0; i < order.length - 1; i++) {
      const current = screen.getByLabelText(order[i]!);
      expect(document.activeElement).toBe(current);
      enter(current);
      expect(document.activeElement, `Enter in ${order[i]}`).toBe(screen.getByLabelText(order[i + 1]!));
    }
    // The last field leads to the 確認 button, still without submitting.
    enter(screen.getByLabelText('現金'));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '確認' }));
    expect(api.issue).not.toHaveBeenCalled();
    expect(screen.getByRole('heading', { name: 'ハードウェアトークン発行申込書' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: '入力内容の確認' })).toBeNull();
  });

  it('looks the scanned serial up and shows its state', async () => {
    const api = fakeApi(TELLER);
    render(<App />);
    const serial = await screen.findByLabelText('シリアル番号');
    serial.focus();
    fireEvent.change(serial, { target: { value: 'ＡＢ１２ＣＤ３４ＥＦ５６' } });
    enter(serial);
    expect(document.activeElement).toBe(screen.getByLabelText('ワンタイムパスワード'));
    fireEvent.blur(serial);
    expect(await screen.findByTestId('serial-state')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('serial-state').textContent).toBe('在庫'));
    expect(api.stockLookup).toHaveBeenCalledWith({ serial: 'ＡＢ１２ＣＤ３４ＥＦ５６' });
    expect((serial as HTMLInputElement).value).toBe('AB12CD34EF56');
    expect(serial.getAttribute('aria-describedby')).toContain('issue-serial-state');
  });

  it('binds the server field errors to their inputs and keeps what was typed', async () => {
    const issue = vi.fn(() =>
      Promise.resolve({
        ok: false as const,
        error: {
          code: 'VALIDATION',
          message: '入力内容に誤りがあります。',
          fieldErrors: {
            otp: 'ワンタイムパスワードが一致しません。もう一度①ボタンを押していただいてください。',
            accountNumber: '口座が見つかりません。',
          },
        },
      }),
    );
    fakeApi(TELLER, { issue });
    render(<App />);
    await screen.findByLabelText('契約者ID');
    await fillIssueForm();

    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    expect(await screen.findByRole('heading', { name: '入力内容の確認' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '確定' }));

    const otp = await screen.findByLabelText('ワンタイムパスワード');
    await waitFor(() => expect(otp.getAttribute('aria-invalid')).toBe('true'));
    expect(issue).toHaveBeenCalledTimes(1);
    const sent = (issue.mock.calls[0] as unknown[])[0];
    expect(sent).toMatchObject({ contractId: '1234567890', nameKana: 'シンキン　タロウ', payment: 'CASH', sealChecked: true });

    const describedOtp = (otp.getAttribute('aria-describedby') ?? '').split(' ');
    const otpMessages = describedOtp.map((id) => document.getElementById(id)?.textContent ?? '');
    expect(otpMessages).toContain('ワンタイムパスワードが一致しません。もう一度①ボタンを押していただいてください。');

    const account = screen.getByLabelText('口座番号');
    expect(account.getAttribute('aria-invalid')).toBe('true');
    const describedAccount = (account.getAttribute('aria-describedby') ?? '').split(' ');
    expect(describedAccount.map((id) => document.getElementById(id)?.textContent)).toContain('口座が見つかりません。');

    // Fields without an error are not marked.
    expect(screen.getByLabelText('契約者ID').getAttribute('aria-invalid')).toBeNull();

    // The general message and the summary are announced at the top.
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('入力内容に誤りがあります。')).toBeTruthy();

    // Everything typed stays.
    expect((screen.getByLabelText('契約者ID') as HTMLInputElement).value).toBe('1234567890');
    expect((screen.getByLabelText('お名前（漢字）') as HTMLInputElement).value).toBe('信金 太郎');
    expect((screen.getByLabelText('代表口座 店番') as HTMLInputElement).value).toBe('００１');
    expect((screen.getByLabelText('口座番号') as HTMLInputElement).value).toBe('1234567');
    expect((screen.getByLabelText('本人確認書類') as HTMLSelectElement).value).toBe('DRIVERS_LICENSE');
    expect((screen.getByLabelText('お届け印 照合済') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('シリアル番号') as HTMLInputElement).value).toBe('AB12CD34EF56');
    expect((otp as HTMLInputElement).value).toBe('123456');
    expect((screen.getByLabelText('現金') as HTMLInputElement).checked).toBe(true);
  });

  it('shows at 確認 what will be printed, not what was typed: half-width digits, one full-width space, the kana as stored', async () => {
    fakeApi(TELLER, { issue: vi.fn() });
    render(<App />);
    await screen.findByLabelText('契約者ID');
    await fillIssueForm();
    type('契約者ID', '１２３４５６７８９０');
    type('お名前（漢字）', ' 信金  太郎 ');
    type('フリガナ', 'ｼﾝｷﾝ ﾀﾛｳ');
    type('口座番号', '１２３４');
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    const confirm = (await screen.findByRole('heading', { name: '入力内容の確認' })).closest('section')!;
    expect(summaryOf(confirm)).toMatchObject({
      契約者ID: '1234567890',
      'お名前（漢字）': '信金\u3000太郎',
      フリガナ: 'シンキン\u3000タロウ',
      代表口座: '001－普通－0001234',
      シリアル番号: 'AB12CD34EF56（在庫）',
    });
  });

  it('shows 受付番号 after 確定 and clears the form for 次のお客さま', async () => {
    const issue = vi.fn(issued);
    const receiptsOpen = vi.fn(() =>
      Promise.resolve({ ok: true as const, value: { pdfBase64: btoa('%PDF-1.4 test'), print: { state: 'viewer' as const }, printCount: 1 } }),
    );
    fakeApi(TELLER, { issue, receiptsOpen });
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    render(<App />);
    await screen.findByLabelText('契約者ID');
    await fillIssueForm();
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    fireEvent.click(await screen.findByRole('button', { name: '確定' }));

    expect((await screen.findByTestId('receipt-no')).textContent).toBe('001-03-000042');
    expect(screen.getByTestId('accepted-at').textContent).toBe('2026年11月25日 10時35分25秒');

    fireEvent.click(screen.getByRole('button', { name: '領収書を表示/印刷' }));
    const link = await screen.findByRole('link', { name: '領収書PDFを開く' });
    expect(link.getAttribute('href')).toMatch(/^blob:/);
    expect(receiptsOpen).toHaveBeenCalledWith({ receiptNo: '001-03-000042', reprint: false, copy: 'customer' });
    expect(open).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByRole('button', { name: '次のお客さま' }));
    expect(((await screen.findByLabelText('契約者ID')) as HTMLInputElement).value).toBe('');
  });
});

describe('発行受付 with an 8-digit token', () => {
  const eightDigits = vi.fn((req: { serial: string }) =>
    Promise.resolve({ ok: true as const, value: { serial: req.serial.toUpperCase(), state: 'IN_STOCK' as const, stateLabel: '在庫', digits: 8 as const } }),
  );

  it('asks for 6 or 8 digits until the serial is looked up, then for that token’s own 8', async () => {
    fakeApi(TELLER, { stockLookup: eightDigits });
    render(<App />);
    const otp = await screen.findByLabelText('ワンタイムパスワード');
    expect(describedTexts(otp)).toContain('お客さまにトークンの①ボタンを押していただき、表示された6桁または8桁を入力してください');
    expect(otp.getAttribute('maxlength')).toBe('8');

    scan('シリアル番号', 'ab12cd34ef56');
    await waitFor(() => expect(screen.getByTestId('serial-state').textContent).toBe('在庫'));
    expect(describedTexts(otp)).toContain('お客さまにトークンの①ボタンを押していただき、表示された8桁を入力してください');
    expect(otp.getAttribute('maxlength')).toBe('8');
  });

  it('refuses a 6-digit code for it before 確認, and takes its 8-digit code to 確定', async () => {
    const issue = vi.fn(issued);
    fakeApi(TELLER, { stockLookup: eightDigits, issue });
    render(<App />);
    await screen.findByLabelText('契約者ID');
    await fillIssueForm();
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    const otp = screen.getByLabelText('ワンタイムパスワード');
    await waitFor(() => expect(otp.getAttribute('aria-invalid')).toBe('true'));
    expect(describedTexts(otp)).toContain('ワンタイムパスワードは数字8桁で入力してください');
    expect(screen.queryByRole('heading', { name: '入力内容の確認' })).toBeNull();

    type('ワンタイムパスワード', '１２３４５６７８');
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    fireEvent.click(await screen.findByRole('button', { name: '確定' }));
    expect((await screen.findByTestId('receipt-no')).textContent).toBe('001-03-000042');
    expect(issue).toHaveBeenCalledWith(expect.objectContaining({ serial: 'AB12CD34EF56', otp: '１２３４５６７８' }));
  });

  it('still refuses an 8-digit code for a 6-digit token', async () => {
    const api = fakeApi(TELLER, { issue: vi.fn() });
    render(<App />);
    await screen.findByLabelText('契約者ID');
    await fillIssueForm();
    type('ワンタイムパスワード', '12345678');
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    const otp = screen.getByLabelText('ワンタイムパスワード');
    await waitFor(() => expect(otp.getAttribute('aria-invalid')).toBe('true'));
    expect(describedTexts(otp)).toContain('ワンタイムパスワードは数字6桁で入力してください');
    expect(otp.getAttribute('maxlength')).toBe('6');
    expect(api.issue).not.toHaveBeenCalled();
  });
});

describe('発行受付 for a maker whose serials are 13 digits', () => {
  const thirteenDigits = { setupStatus: vi.fn(() => Promise.resolve({ ok: true as const, value: { initialized: true, keyRestoreNeeded: false, branch: { ...BRANCH, serialFormat: 'DIGITS_13' as const } } })) };

  it('asks for that maker’s serial, refuses one digit short before 確認, and takes a token the stock knows whatever its serial', async () => {
    // The stock knows this bank's earlier token (AB12CD34EF56), not the mistyped 12 digits.
    const stockLookup = vi.fn((req: { serial: string }) =>
      Promise.resolve(
        /^\d+$/.test(req.serial)
          ? { ok: false as const, error: { code: 'SERIAL_UNKNOWN', message: '在庫に登録されていません。' } }
          : { ok: true as const, value: { serial: req.serial.normalize('NFKC').toUpperCase(), state: 'IN_STOCK' as const, stateLabel: '在庫', digits: 6 as const } },
      ),
    );
    fakeApi(TELLER, { ...thirteenDigits, stockLookup, issue: vi.fn(issued) });
    render(<App />);
    const serial = await screen.findByLabelText('シリアル番号');
    expect(describedTexts(serial)).toContain('トークン裏面の13桁の数字。バーコードを読み取るか入力してください。');
    await fillIssueForm();
    scan('シリアル番号', '490123456789');
    await waitFor(() => expect(stockLookup).toHaveBeenCalledWith({ serial: '490123456789' }));
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    await waitFor(() => expect(serial.getAttribute('aria-invalid')).toBe('true'));
    expect(describedTexts(serial)).toContain('シリアル番号は数字13桁で入力してください');

    // A token of this bank's earlier maker, still in stock: its look-up vouches for it.
    scan('シリアル番号', 'ab12cd34ef56');
    await waitFor(() => expect(screen.getByTestId('serial-state').textContent).toBe('在庫'));
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    expect(await screen.findByRole('heading', { name: '入力内容の確認' })).toBeTruthy();
  });
});
