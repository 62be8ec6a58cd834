// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import { BRANCH, MANAGER, fakeApi } from '../../../../support/fake-api';
import { freshWindowEachTest, go } from '../../../../support/screen';

freshWindowEachTest();

const answer = <T,>(value: T) => vi.fn(() => Promise.resolve({ ok: true as const, value }));

describe('店舗設定 → 在庫の警告', () => {
  it('sets the threshold as a whole number, full-width digits accepted', async () => {
    go('settings');
    const api = fakeApi(MANAGER, { branchUpdateSettings: answer({ branch: { ...BRANCH, lowStockThreshold: 50 } }) });
    render(<App />);
    const field = (await screen.findByLabelText('在庫の下限（個）')) as HTMLInputElement;
    expect(field.value).toBe('20');
    fireEvent.change(field, { target: { value: '多め' } });
    fireEvent.click(screen.getByRole('button', { name: '下限を登録' }));
    expect(await screen.findByText('在庫の下限は0〜100000の数字で入力してください。')).toBeTruthy();
    fireEvent.change(field, { target: { value: '５０' } });
    fireEvent.click(screen.getByRole('button', { name: '下限を登録' }));
    expect(await screen.findByText('在庫の下限を50個に変更しました。')).toBeTruthy();
    expect(api.branchUpdateSettings).toHaveBeenCalledWith({ lowStockThreshold: 50 });
  });
});
