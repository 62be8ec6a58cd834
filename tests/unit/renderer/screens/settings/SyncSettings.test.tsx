// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import { MANAGER, NOT_ENROLLED, fakeApi } from '../../../../support/fake-api';
import { freshWindowEachTest, go } from '../../../../support/screen';

freshWindowEachTest();

describe('店舗設定 → 本部との同期', () => {
  it('enrols the terminal with the core’s address and head office’s code; a refused code is said at its field', async () => {
    const enrolled = { ...NOT_ENROLLED, enrolled: true, terminalId: '001-03', coreUrl: 'https://core.example', lastSyncAt: null };
    let status = NOT_ENROLLED as typeof NOT_ENROLLED | typeof enrolled;
    const syncEnrol = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, error: { code: 'ENROLMENT_CODE_INVALID', message: '登録コードが正しくないか、使用済みか、期限切れです。', fieldErrors: { code: '登録コードが正しくないか、使用済みか、期限切れです。' } } })
      .mockImplementationOnce(() => {
        status = enrolled;
        return Promise.resolve({ ok: true, value: enrolled });
      });
    fakeApi(MANAGER, { syncStatus: vi.fn(() => Promise.resolve({ ok: true as const, value: status })), syncEnrol });
    go('settings');
    render(<App />);
    const panel = within((await screen.findByRole('heading', { name: '本部との同期' })).closest('section')!);
    fireEvent.change(panel.getByLabelText('本部サービスのアドレス'), { target: { value: 'https://core.example' } });
    fireEvent.change(panel.getByLabelText('登録コード'), { target: { value: 'ABCD-EFGH-JKLM-NPQR' } });
    fireEvent.click(panel.getByRole('button', { name: '本部に登録' }));
    expect((await panel.findAllByText('登録コードが正しくないか、使用済みか、期限切れです。')).length).toBeGreaterThan(0);
    fireEvent.click(panel.getByRole('button', { name: '本部に登録' }));
    expect((await panel.findByTestId('sync-terminal-id')).textContent).toBe('001-03');
    expect(syncEnrol).toHaveBeenLastCalledWith({ coreUrl: 'https://core.example', code: 'ABCD-EFGH-JKLM-NPQR' });
    expect(await screen.findByText('本部に端末 001-03 として登録しました。同期を始めます。')).toBeTruthy();
  });
});
