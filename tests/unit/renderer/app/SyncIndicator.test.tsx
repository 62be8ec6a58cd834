// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { SyncStatus } from '../../../../services/contract';
import { App } from '../../../../renderer/app/App';
import { MANAGER, NOT_ENROLLED, TELLER, fakeApi } from '../../../support/fake-api';
import { freshWindowEachTest } from '../../../support/screen';

freshWindowEachTest();

const ENROLLED: SyncStatus = { ...NOT_ENROLLED, enrolled: true, terminalId: '001-03', coreUrl: 'https://core.example', lastSyncAt: new Date().toISOString() };
const answer = (s: SyncStatus) => vi.fn(() => Promise.resolve({ ok: true as const, value: s }));

async function header() {
  render(<App />);
  return within(await screen.findByRole('group', { name: '本部との同期' }));
}

describe('the header says how the sync stands', () => {
  it('同期済み, then 未送信 N件, and 今すぐ同期 runs a cycle', async () => {
    const syncNow = answer({ ...ENROLLED, pending: 0 });
    fakeApi(TELLER, { syncStatus: answer({ ...ENROLLED, pending: 3 }), syncNow });
    const h = await header();
    expect((await h.findByTestId('sync-state')).textContent).toBe('未送信 3件');
    fireEvent.click(h.getByRole('button', { name: '今すぐ同期' }));
    await vi.waitFor(() => expect(h.getByTestId('sync-state').textContent).toBe('同期済み'));
    expect(syncNow).toHaveBeenCalledOnce();
  });

  it('オフライン（HH:MM から） with what waits, and 要対応 N件 that takes a manager to 本部同期', async () => {
    const since = new Date();
    since.setMinutes(since.getMinutes() - 5);
    const hhmm = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hour12: false }).format(since);
    fakeApi(MANAGER, {
      syncStatus: answer({ ...ENROLLED, offlineSince: since.toISOString(), pending: 12, openRejections: 2 }),
      syncRejections: vi.fn(() => Promise.resolve({ ok: true as const, value: { rejections: [] } })),
    });
    const h = await header();
    expect((await h.findByTestId('sync-state')).textContent).toBe(`オフライン（${hhmm} から）`);
    expect(h.getByText('未送信 12件')).toBeTruthy();
    fireEvent.click(h.getByRole('button', { name: '要対応 2件' }));
    expect(await screen.findByRole('heading', { name: '本部同期' })).toBeTruthy();
  });

  it('本部未登録 on a terminal not enrolled yet, without 今すぐ同期', async () => {
    fakeApi(TELLER);
    const h = await header();
    expect((await h.findByTestId('sync-state')).textContent).toBe('本部未登録');
    expect(h.queryByRole('button', { name: '今すぐ同期' })).toBeNull();
  });
});
