// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import { BRANCH, MANAGER, fakeApi } from '../../../../support/fake-api';
import { freshWindowEachTest } from '../../../../support/screen';

freshWindowEachTest();

describe('店舗設定', () => {
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
});
