// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import type { SerialFormat } from '../../../../../services/contract';
import { BRANCH, MANAGER, fakeApi } from '../../../../support/fake-api';
import { describedTexts, freshWindowEachTest, go } from '../../../../support/screen';

freshWindowEachTest();

describe('店舗設定: トークンのシリアル番号', () => {
  it('a manager chooses another maker’s format from the fixed list, and the counter’s hint follows it', async () => {
    const branchUpdateSettings = vi.fn((req: { serialFormat?: SerialFormat }) => Promise.resolve({ ok: true as const, value: { branch: { ...BRANCH, ...req } } }));
    fakeApi(MANAGER, { branchUpdateSettings });
    go('settings');
    render(<App />);
    const select = (await screen.findByLabelText('シリアル番号の形式')) as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).toEqual([
      '英数字12桁（例：AB1234567890）',
      '数字13桁（例：1234567890123）',
      '数字10桁・ハイフン区切り（例：12-3456789-0）',
    ]);
    expect(select.value).toBe('ALNUM_12');
    const save = screen.getByRole('button', { name: '形式を登録' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(select, { target: { value: 'DIGITS_13' } });
    fireEvent.click(save);
    expect(
      await screen.findByText(
        'シリアル番号の形式を「数字13桁（例：1234567890123）」に変更しました。次のシードファイル取込と窓口の入力から適用します。登録済みのトークンはそのままのシリアル番号で使えます。',
      ),
    ).toBeTruthy();
    expect(branchUpdateSettings).toHaveBeenCalledWith({ serialFormat: 'DIGITS_13' });

    fireEvent.click(screen.getByRole('button', { name: '発行受付' }));
    expect(describedTexts(await screen.findByLabelText('シリアル番号'))).toContain('トークン裏面の13桁の数字。バーコードを読み取るか入力してください。');
  });
});
