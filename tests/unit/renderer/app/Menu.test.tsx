// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../../../renderer/app/App';
import { MANAGER, TELLER, fakeApi } from '../../../support/fake-api';
import { freshWindowEachTest, go } from '../../../support/screen';

freshWindowEachTest();

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

  it('hides the manager screens from a teller, and sends a typed manager address to 発行受付', async () => {
    const api = fakeApi(TELLER);
    render(<App />);
    await screen.findByRole('button', { name: '発行受付' });
    expect(screen.getByRole('button', { name: '本日の取引' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '在庫' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'オペレーター' })).toBeNull();
    expect(screen.queryByRole('button', { name: '店舗設定' })).toBeNull();
    expect(screen.getByTestId('current-operator').textContent).toContain('係');

    for (const item of ['取引履歴', '検印待ち', '日計・締め']) expect(screen.queryByRole('button', { name: item })).toBeNull();

    for (const address of ['#/operators', '#/settings', '#/returns', '#/log', '#/approvals', '#/day']) {
      window.location.hash = address;
      fireEvent(window, new HashChangeEvent('hashchange'));
      expect(await screen.findByRole('heading', { name: 'ハードウェアトークン発行申込書' })).toBeTruthy();
      expect(screen.getByRole('button', { name: '発行受付' }).getAttribute('aria-current')).toBe('page');
    }
    expect(api.operatorsList).not.toHaveBeenCalled();
  });
});
