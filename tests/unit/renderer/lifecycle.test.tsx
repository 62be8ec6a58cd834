// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../../renderer/app/App';
import { MANAGER, TELLER, fakeApi } from './fakeApi';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function go(route: string) {
  window.location.hash = `#/${route}`;
}

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

/** Type, then leave the field as a scanner's Enter would: the look-up runs on blur. */
function scan(label: string, value: string) {
  const el = screen.getByLabelText(label);
  fireEvent.change(el, { target: { value } });
  fireEvent.blur(el);
}

/** The texts the input points to with aria-describedby (hint, badge, error). */
function describedTexts(el: HTMLElement): string[] {
  return (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
}

const refused = (fieldErrors: Record<string, string>) =>
  vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'VALIDATION', message: '入力内容に誤りがあります。赤字の項目を確認してください。', fieldErrors } }));

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
    const receiptsOpen = vi.fn(() => Promise.resolve({ ok: true as const, value: { pdfBase64: btoa('%PDF-1.4'), sentToPrinter: false, printCount: 1 } }));
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

describe('利用中止届', () => {
  it('tells plainly that a smartphone contract stops its token online, and sends nothing', async () => {
    const api = fakeApi(TELLER, {
      contractsLookup: vi.fn(() =>
        Promise.resolve({
          ok: true as const,
          value: { contractId: 'C0099999', maskedName: '鈴＊ ＊＊', featurePhone: false, currentSerial: 'SP0000000001', currentState: 'ACTIVE' as const, stateLabel: '利用中', currentDigits: 6 as const },
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

  it('a feature-phone customer: warning, 確定, 受付番号 and the 利用中止受付票', async () => {
    const suspend = vi.fn(() =>
      Promise.resolve({ ok: true as const, value: { receiptNo: '001-03-000078', acceptedAt: '2026-11-25T01:40:00.000Z', serial: 'OLD000000001' } }),
    );
    const receiptsOpen = vi.fn(() => Promise.resolve({ ok: true as const, value: { pdfBase64: btoa('%PDF-1.4'), sentToPrinter: false, printCount: 1 } }));
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

describe('menu', () => {
  it('gives tellers 交換・再発行 and 利用中止届, and managers 回収トークン as well', async () => {
    fakeApi(TELLER);
    go('issue');
    const { unmount } = render(<App />);
    await screen.findByRole('button', { name: '交換・再発行' });
    expect(screen.getByRole('button', { name: '利用中止届' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '回収トークン' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '交換・再発行' }));
    expect(window.location.hash).toBe('#/exchange');
    expect(await screen.findByRole('heading', { name: 'ハードウェアトークン 交換・再発行' })).toBeTruthy();
    unmount();

    fakeApi(MANAGER, { returnsCollected: vi.fn(() => Promise.resolve({ ok: true as const, value: { tokens: [] } })) });
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: '回収トークン' }));
    expect(await screen.findByText('返却を待っている回収トークンはありません。')).toBeTruthy();
  });
});

describe('回収トークン', () => {
  it('chooses all collected tokens by default, makes the batch of the chosen ones and links its list', async () => {
    const tokens = ['EX0000000001', 'EX0000000002', 'EX0000000003'].map((serial) => ({ serial, contractId: 'C0012345', collectedAt: '2026-11-25T01:00:00.000Z' }));
    const returnsCreateBatch = vi.fn((req: { serials: string[] }) =>
      Promise.resolve({ ok: true as const, value: { batchId: 4, count: req.serials.length, pdfBase64: btoa('%PDF-1.4') } }),
    );
    fakeApi(MANAGER, { returnsCollected: vi.fn(() => Promise.resolve({ ok: true as const, value: { tokens } })), returnsCreateBatch });
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    go('returns');
    render(<App />);
    const second = await screen.findByLabelText('EX0000000002 を返却する');
    for (const t of tokens) expect((screen.getByLabelText(`${t.serial} を返却する`) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('すべて選択') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(second);
    expect((screen.getByLabelText('すべて選択') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: '返却一覧を作成' }));
    expect((await screen.findByTestId('batch-id')).textContent).toBe('4');
    expect(returnsCreateBatch).toHaveBeenCalledWith({ serials: ['EX0000000001', 'EX0000000003'] });
    expect(screen.getByTestId('batch-count').textContent).toBe('2個');
    expect(screen.getByRole('link', { name: '返却一覧PDFを開く' }).getAttribute('href')).toMatch(/^blob:/);
    expect(open).toHaveBeenCalledTimes(1);
  });
});

describe('在庫 (manager care and find by code)', () => {
  const token = (serial: string, state: 'IN_STOCK' | 'DAMAGED_IN_STOCK' | 'ISSUED', failCount = 0) => ({
    serial,
    state,
    algorithm: 'TOTP' as const,
    digits: 6 as const,
    failCount,
    batchId: 1,
    contractId: null,
    updatedAt: '2026-11-25T01:00:00.000Z',
  });

  it('offers each row the actions its state allows, marks damaged with a note typed inline, resets the fail count', async () => {
    const stockMarkDamaged = vi.fn(() => Promise.resolve({ ok: true as const, value: { serial: 'ST0000000001', state: 'DAMAGED_IN_STOCK' as const } }));
    const stockResetFailCount = vi.fn(() => Promise.resolve({ ok: true as const, value: { serial: 'ST0000000003' } }));
    // No window.prompt: the note is typed in the row's own form.
    const prompt = vi.fn();
    window.prompt = prompt;
    fakeApi(MANAGER, {
      stockList: vi.fn(() =>
        Promise.resolve({
          ok: true as const,
          value: { tokens: [token('ST0000000001', 'IN_STOCK'), token('ST0000000002', 'DAMAGED_IN_STOCK'), token('ST0000000003', 'ISSUED', 3)], matched: 3, counts: { IN_STOCK: 1 } },
        }),
      ),
      stockMarkDamaged,
      stockResetFailCount,
    });
    go('stock');
    render(<App />);
    expect((await screen.findByTestId('fail-ST0000000003')).textContent).toBe('3回');
    expect(screen.getByRole('columnheader', { name: '失敗回数' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'ST0000000001 を在庫破損にする' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'ST0000000001 を廃棄する' })).toBeNull();
    expect(screen.getByRole('button', { name: 'ST0000000002 を廃棄する' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'ST0000000002 を同期する' })).toBeNull();
    expect(screen.getByRole('button', { name: 'ST0000000003 を同期する' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'ST0000000001 を失敗回数リセット' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'ST0000000001 を在庫破損にする' }));
    const form = screen.getByRole('form', { name: 'ST0000000001 を在庫破損として登録' });
    fireEvent.click(within(form).getByRole('button', { name: '在庫破損として登録' }));
    const note = within(form).getByLabelText('破損の状況');
    await waitFor(() => expect(note.getAttribute('aria-invalid')).toBe('true'));
    expect(stockMarkDamaged).not.toHaveBeenCalled();
    fireEvent.change(note, { target: { value: '液晶割れ' } });
    fireEvent.click(within(form).getByRole('button', { name: '在庫破損として登録' }));
    await waitFor(() => expect(stockMarkDamaged).toHaveBeenCalledWith({ serial: 'ST0000000001', note: '液晶割れ' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'ST0000000001 を在庫破損として登録' })).toBeNull());
    expect(prompt).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'ST0000000003 を失敗回数リセット' }));
    await waitFor(() => expect(stockResetFailCount).toHaveBeenCalledWith({ serial: 'ST0000000003' }));
  });

  it('says how many tokens matched when the list shows only the first of them', async () => {
    fakeApi(MANAGER, {
      stockList: vi.fn(() => Promise.resolve({ ok: true as const, value: { tokens: [token('ST0000000001', 'IN_STOCK')], matched: 1620, counts: { IN_STOCK: 1620 } } })),
    });
    go('stock');
    render(<App />);
    const note = await screen.findByText(/^1,620件/);
    expect(note.textContent).toBe('1,620件（先頭1件を表示しています。状態かシリアル番号で絞り込んでください）');
  });

  it('resyncs from two codes and shows the refusal in the inline form', async () => {
    const stockResync = vi.fn(() =>
      Promise.resolve({ ok: false as const, error: { code: 'RESYNC_MISMATCH', message: '2つのワンタイムパスワードからトークンを同期できませんでした。', fieldErrors: { otp2: '2つのワンタイムパスワードからトークンを同期できませんでした。' } } }),
    );
    fakeApi(MANAGER, {
      stockList: vi.fn(() => Promise.resolve({ ok: true as const, value: { tokens: [token('ST0000000001', 'IN_STOCK')], matched: 1, counts: { IN_STOCK: 1 } } })),
      stockResync,
    });
    go('stock');
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'ST0000000001 を同期する' }));
    type('1回目のワンタイムパスワード', '111111');
    type('2回目のワンタイムパスワード', '222222');
    fireEvent.click(screen.getByRole('button', { name: '同期' }));
    const otp2 = screen.getByLabelText('2回目のワンタイムパスワード');
    await waitFor(() => expect(otp2.getAttribute('aria-invalid')).toBe('true'));
    expect(stockResync).toHaveBeenCalledWith({ serial: 'ST0000000001', otp1: '111111', otp2: '222222' });
    expect((screen.getByLabelText('1回目のワンタイムパスワード') as HTMLInputElement).value).toBe('111111');
  });

  it('finds the serial from a code for any operator', async () => {
    const stockFindByOtp = vi.fn(() =>
      Promise.resolve({ ok: true as const, value: { matches: [{ serial: 'ST0000000007', state: 'IN_STOCK' as const, stateLabel: '在庫' }], searched: 12 } }),
    );
    fakeApi(TELLER, { stockFindByOtp });
    go('stock');
    render(<App />);
    const otp = await screen.findByLabelText('表示されているワンタイムパスワード');
    expect(screen.queryByLabelText('シードファイル')).toBeNull();
    fireEvent.change(otp, { target: { value: '４５６７８９' } });
    fireEvent.keyDown(otp, { key: 'Enter' });
    expect(await within(screen.getByTestId('otp-matches')).findByText('ST0000000007')).toBeTruthy();
    expect(stockFindByOtp).toHaveBeenCalledWith({ otp: '４５６７８９', state: 'IN_STOCK' });
  });
});
