// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../../renderer/app/App';
import type { JournalLine } from '../../../services/contract';
import { FONT_SIZE_KEY } from '../../../renderer/hooks/useFontSize';
import { BRANCH, MANAGER, TELLER, fakeApi } from './fakeApi';

beforeEach(() => {
  window.location.hash = '#/issue';
  localStorage.clear();
  sessionStorage.clear();
  delete document.documentElement.dataset.fontSize;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('文字サイズ', () => {
  it('拡大 scales the whole UI from the root element and is remembered', async () => {
    fakeApi(TELLER);
    render(<App />);
    await screen.findByTestId('current-operator');
    const large = screen.getByRole('button', { name: '拡大' });
    expect(document.documentElement.dataset.fontSize).toBe('standard');
    expect(screen.getByRole('button', { name: '標準' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(large);
    expect(document.documentElement.dataset.fontSize).toBe('large');
    expect(large.getAttribute('aria-pressed')).toBe('true');
    expect(localStorage.getItem(FONT_SIZE_KEY)).toBe('large');

    fireEvent.click(screen.getByRole('button', { name: '標準' }));
    expect(document.documentElement.dataset.fontSize).toBe('standard');
    expect(localStorage.getItem(FONT_SIZE_KEY)).toBe('standard');
  });

  it('starts with the remembered size', async () => {
    localStorage.setItem(FONT_SIZE_KEY, 'large');
    fakeApi(null);
    render(<App />);
    await screen.findByRole('button', { name: 'ログイン' });
    expect(document.documentElement.dataset.fontSize).toBe('large');
  });
});

describe('menu and roles', () => {
  it('hides the manager screens from a teller, and sends a typed manager address to 発行受付', async () => {
    const api = fakeApi(TELLER);
    render(<App />);
    await screen.findByRole('button', { name: '発行受付' });
    expect(screen.getByRole('button', { name: '本日の取引' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '在庫' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'オペレーター' })).toBeNull();
    expect(screen.queryByRole('button', { name: '店舗設定' })).toBeNull();
    expect(screen.getByTestId('current-operator').textContent).toContain('係');

    for (const address of ['#/operators', '#/settings', '#/returns']) {
      window.location.hash = address;
      fireEvent(window, new HashChangeEvent('hashchange'));
      expect(await screen.findByRole('heading', { name: 'ハードウェアトークン発行申込書' })).toBeTruthy();
      expect(screen.getByRole('button', { name: '発行受付' }).getAttribute('aria-current')).toBe('page');
    }
    expect(api.operatorsList).not.toHaveBeenCalled();
  });

  it('店舗設定: a manager changes how names are printed and turns the branch copy on, and the screen says so', async () => {
    const api = fakeApi(MANAGER, {
      branchUpdateSettings: vi.fn((req: { nameOnDocuments?: 'INITIAL' | 'FAMILY' | 'FULL'; printBranchCopy?: boolean; japaneseEra?: boolean }) =>
        Promise.resolve({ ok: true as const, value: { branch: { ...BRANCH, ...req } } }),
      ),
    });
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: '店舗設定' }));
    expect(await screen.findByText(BRANCH.invoiceRegNo)).toBeTruthy();
    const select = screen.getByLabelText('書類のお名前表示') as HTMLSelectElement;
    const branchCopy = screen.getByLabelText('店舗控を印刷する') as HTMLInputElement;
    expect([select.value, branchCopy.checked]).toEqual(['INITIAL', false]);
    const save = screen.getByRole('button', { name: '変更を登録' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(select, { target: { value: 'FAMILY' } });
    fireEvent.click(branchCopy);
    fireEvent.click(save);
    expect(
      await screen.findByText('書類のお名前表示を「姓のみ（山田 ＊＊ 様）」に、店舗控の印刷を「する」に変更しました。次に印刷する書類から適用します。'),
    ).toBeTruthy();
    expect(api.branchUpdateSettings).toHaveBeenCalledWith({ nameOnDocuments: 'FAMILY', printBranchCopy: true, japaneseEra: false });
    expect(save.disabled).toBe(true);
  });

  it('warns while only one unlocked manager could unlock the others', async () => {
    const listed = (managers: number) =>
      vi.fn(() =>
        Promise.resolve({
          ok: true as const,
          value: {
            operators: [
              ...Array.from({ length: managers }, (_, i) => ({ operatorId: `M00${i + 1}`, name: `役席 ${i + 1}`, role: 'manager' as const, locked: false, failedAttempts: 0 })),
              { operatorId: 'M009', name: '役席 ロック中', role: 'manager' as const, locked: true, failedAttempts: 5 },
              { operatorId: 'T001', name: '窓口 花子', role: 'teller' as const, locked: false, failedAttempts: 0 },
            ],
          },
        }),
      );
    window.location.hash = '#/operators';
    fakeApi(MANAGER, { operatorsList: listed(1) });
    render(<App />);
    expect((await screen.findByTestId('single-manager')).textContent).toContain('役席者をもう1名登録してください');
    cleanup();

    fakeApi(MANAGER, { operatorsList: listed(2) });
    render(<App />);
    await screen.findByText('役席 2');
    expect(screen.queryByTestId('single-manager')).toBeNull();
  });

  it('shows オペレーター and the seed import to a manager', async () => {
    fakeApi(MANAGER);
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'オペレーター' }));
    fireEvent.click(screen.getByRole('button', { name: '在庫' }));
    expect(await screen.findByLabelText('シードファイル')).toBeTruthy();
    expect(screen.getByRole('button', { name: '取込' })).toBeTruthy();
  });
});

describe('login', () => {
  it('shows the server message when the login is refused', async () => {
    fakeApi(null, {
      authLogin: vi.fn(() =>
        Promise.resolve({
          ok: false as const,
          error: { code: 'ACCOUNT_LOCKED', message: 'このオペレーターIDはロックされています。役席者に解除を依頼してください。' },
        }),
      ),
    });
    render(<App />);
    fireEvent.change(await screen.findByLabelText('オペレーターID'), { target: { value: 'T001' } });
    const password = screen.getByLabelText('パスワード');
    fireEvent.change(password, { target: { value: 'wrong' } });
    fireEvent.keyDown(password, { key: 'Enter' });
    expect(await screen.findByText('このオペレーターIDはロックされています。役席者に解除を依頼してください。')).toBeTruthy();
  });
});

describe('screen lock', () => {
  it('SESSION_EXPIRED shows the lock overlay over the form, which survives', async () => {
    const api = fakeApi(TELLER, {
      stockLookup: vi.fn(() =>
        Promise.resolve({ ok: false as const, error: { code: 'SESSION_EXPIRED', message: 'ログインの有効期限が切れました。' } }),
      ),
    });
    render(<App />);
    fireEvent.change(await screen.findByLabelText('契約者ID'), { target: { value: '555' } });
    const serial = screen.getByLabelText('シリアル番号');
    fireEvent.change(serial, { target: { value: 'X1' } });
    fireEvent.blur(serial);

    const dialog = await screen.findByRole('dialog', { name: '画面ロック中' });
    expect(dialog).toBeTruthy();
    // The screen underneath is still mounted, just unreachable.
    const contract = document.getElementById('issue-contractId') as HTMLInputElement;
    expect(contract.value).toBe('555');
    expect(contract.closest('[inert]')).not.toBeNull();

    fireEvent.change(screen.getByLabelText('パスワード'), { target: { value: 'secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'ロック解除' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.authLogin).toHaveBeenCalledWith({ operatorId: 'T001', password: 'secret' });
    expect((screen.getByLabelText('契約者ID') as HTMLInputElement).value).toBe('555');
  });

  it('locks after idleLockSeconds without activity', async () => {
    fakeApi(TELLER, {}, 1);
    render(<App />);
    await screen.findByLabelText('契約者ID');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByRole('dialog', { name: '画面ロック中' }, { timeout: 4000 })).toBeTruthy();
  });
});

describe('本日の取引', () => {
  const line = (seq: number, kind: string, over: Partial<JournalLine> = {}): JournalLine => ({
    seq,
    occurredAt: '2026-11-25T01:00:00.000Z',
    kind,
    kindLabel: kind,
    group: null,
    operatorId: 'T001',
    receiptNo: null,
    serial: null,
    contractId: null,
    amount: null,
    payment: null,
    ...over,
  });
  const entries = [
    line(5, 'TOKEN_REISSUED_LOST', { receiptNo: '001-03-0000003', amount: 2200, payment: 'ACCOUNT_DEBIT' }),
    line(4, 'TOKEN_EXCHANGED', { receiptNo: '001-03-0000002', amount: 0 }),
    line(3, 'TOKEN_ISSUED', { receiptNo: '001-03-0000001', amount: 2200, payment: 'CASH' }),
    line(2, 'SEED_IMPORTED'),
    line(1, 'LOGIN'),
  ];

  it('sums the day’s counter transactions by payment, and can show only them', async () => {
    window.location.hash = '#/journal';
    fakeApi(TELLER, { journalToday: vi.fn(() => Promise.resolve({ ok: true as const, value: { entries } })) });
    render(<App />);
    const summary = await screen.findByTestId('journal-summary');
    expect(summary.textContent).toBe('受付 3件手数料 4,400円（現金 2,200円・口座振替 2,200円）');
    expect(screen.getAllByRole('row')).toHaveLength(1 + 5 + 1);
    fireEvent.click(screen.getByLabelText('受付（受付番号のある取引）のみ表示'));
    expect(screen.getAllByRole('row')).toHaveLength(1 + 3 + 1);
    expect(screen.getByText('表示 3件')).toBeTruthy();
  });
});
