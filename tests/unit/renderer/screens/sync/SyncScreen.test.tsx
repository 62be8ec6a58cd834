// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { SyncRejection } from '../../../../../services/contract';
import { App } from '../../../../../renderer/app/App';
import { MANAGER, NOT_ENROLLED, fakeApi } from '../../../../support/fake-api';
import { freshWindowEachTest, go } from '../../../../support/screen';

freshWindowEachTest();

const REJECTION: SyncRejection = {
  seq: 42,
  serial: 'AB1234567890',
  kind: 'TOKEN_ISSUED',
  code: 'SERIAL_CONFLICT',
  message: '本部の記録では、シリアル番号 AB1234567890 は利用中止です',
  advice: 'お客さまにお渡ししたトークンのシリアル番号を確かめ、事務センターに連絡してください。',
  recordedAt: '2026-11-25T02:00:00.000Z',
  occurredAt: '2026-11-25T01:59:00.000Z',
  receiptNo: '001-03-0000042',
  resolvedAt: null,
  resolvedBy: null,
  resolution: null,
};

describe('本部同期', () => {
  it('lists the bank’s rejections with what to do, and records what the manager did', async () => {
    const resolved = { ...REJECTION, resolvedAt: '2026-11-25T03:00:00.000Z', resolvedBy: 'M001', resolution: '事務センターに連絡済み' };
    const lists = [[REJECTION], [resolved]];
    const api = fakeApi(MANAGER, {
      syncStatus: vi.fn(() => Promise.resolve({ ok: true as const, value: { ...NOT_ENROLLED, enrolled: true, terminalId: '001-03', openRejections: 1 } })),
      syncRejections: vi.fn(() => Promise.resolve({ ok: true as const, value: { rejections: lists.shift() ?? [resolved] } })),
      syncResolveRejection: vi.fn(() => Promise.resolve({ ok: true as const, value: {} })),
    });
    go('sync');
    render(<App />);
    const row = within(await screen.findByTestId('rejection'));
    expect(row.getByText(REJECTION.message)).toBeTruthy();
    expect(row.getByText(REJECTION.advice)).toBeTruthy();
    fireEvent.change(row.getByLabelText('対応内容'), { target: { value: '事務センターに連絡済み' } });
    fireEvent.click(row.getByRole('button', { name: '処理済みにする' }));
    expect((await screen.findByTestId('rejection-resolved')).textContent).toContain('事務センターに連絡済み');
    expect(api.syncResolveRejection).toHaveBeenCalledWith({ seq: 42, serial: 'AB1234567890', resolution: '事務センターに連絡済み' });
  });
});
