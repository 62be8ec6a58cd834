// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import { BRANCH, fakeApi } from '../../../../support/fake-api';
import { enter, freshWindowEachTest, type } from '../../../../support/screen';

freshWindowEachTest();

const WRONG = '復元用パスフレーズが正しくありません。';

describe('データ鍵の復元', () => {
  it('is the only screen of a ledger without its key: the passphrase, refused as the server words it, then the login', async () => {
    const keyRestore = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, error: { code: 'RESTORE_FAILED', message: WRONG, fieldErrors: { passphrase: WRONG } } })
      .mockResolvedValueOnce({ ok: true, value: {} });
    const api = fakeApi(null, {
      setupStatus: vi.fn(() => Promise.resolve({ ok: true as const, value: { initialized: true, branch: BRANCH, keyRestoreNeeded: true } })),
      keyRestore,
    });
    render(<App />);
    await screen.findByRole('heading', { name: 'データ鍵の復元' });
    expect(screen.getByText(/みなと信用金庫 本店営業部/)).toBeTruthy();
    expect(screen.queryByLabelText('オペレーターID')).toBeNull();
    expect(api.authSession).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'データ鍵を復元' }));
    expect((await screen.findAllByText('復元用パスフレーズを入力してください。')).length).toBeGreaterThan(0);
    expect(keyRestore).not.toHaveBeenCalled();

    type('復元用パスフレーズ', '支店の金庫は一人で開けます');
    enter(screen.getByLabelText('復元用パスフレーズ'));
    expect((await screen.findAllByText(WRONG)).length).toBeGreaterThan(0);
    expect((screen.getByLabelText('復元用パスフレーズ') as HTMLInputElement).value).toBe('');

    type('復元用パスフレーズ', '支店の金庫は二人で開けます');
    enter(screen.getByLabelText('復元用パスフレーズ'));
    await screen.findByRole('heading', { name: 'オペレーター認証' });
    expect(screen.getByText('データ鍵をこの PC に復元しました。ログインしてください。')).toBeTruthy();
    expect(keyRestore).toHaveBeenLastCalledWith({ passphrase: '支店の金庫は二人で開けます' });
  });
});
