// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import { BRANCH, fakeApi } from '../../../../support/fake-api';
import { freshWindowEachTest, type } from '../../../../support/screen';

freshWindowEachTest();

const PASSPHRASE = '支店の金庫は二人で開けます';

function fillBranchAndManager(): void {
  type('銀行名', 'みなと信用金庫');
  type('店番', '001');
  type('店名', '本店営業部');
  type('端末番号', '3');
  type('登録番号', 'T7000012050002');
  type('オペレーターID', 'M001');
  type('氏名', '役席 太郎');
  type('パスワード', 'manager123');
  type('パスワード（確認）', 'manager123');
}

describe('初期設定', () => {
  it('asks for the data key’s recovery passphrase twice, by the rule the server applies, and sends it', async () => {
    const api = fakeApi(null, {
      setupStatus: vi.fn(() => Promise.resolve({ ok: true as const, value: { initialized: false, branch: null, keyRestoreNeeded: false } })),
      setupInitialize: vi.fn(() => Promise.resolve({ ok: true as const, value: { branch: BRANCH } })),
    });
    render(<App />);
    await screen.findByRole('heading', { name: '初期設定' });
    expect(screen.getByText('12文字以上で入力してください（短い文でもかまいません）')).toBeTruthy();
    fillBranchAndManager();
    type('復元用パスフレーズ', '短い合言葉');
    type('復元用パスフレーズ（確認）', '短い合言葉');
    fireEvent.click(screen.getByRole('button', { name: '初期設定を登録' }));
    expect((await screen.findAllByText('復元用パスフレーズは12文字以上で入力してください（短い文でもかまいません）')).length).toBeGreaterThan(0);

    type('復元用パスフレーズ', PASSPHRASE);
    type('復元用パスフレーズ（確認）', `${PASSPHRASE}。`);
    fireEvent.click(screen.getByRole('button', { name: '初期設定を登録' }));
    expect((await screen.findAllByText('確認用の復元用パスフレーズが一致しません')).length).toBeGreaterThan(0);
    expect(api.setupInitialize).not.toHaveBeenCalled();

    type('復元用パスフレーズ（確認）', PASSPHRASE);
    fireEvent.click(screen.getByRole('button', { name: '初期設定を登録' }));
    await screen.findByRole('heading', { name: 'オペレーター認証' });
    expect(api.setupInitialize).toHaveBeenCalledWith(expect.objectContaining({ managerId: 'M001', recoveryPassphrase: PASSPHRASE }));
  });
});
