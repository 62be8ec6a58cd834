// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../../../renderer/app/App';
import { MANAGER, TELLER, fakeApi } from '../../../support/fake-api';
import { fillIssueForm, issued } from '../../../support/issue-form';
import { freshWindowEachTest, type } from '../../../support/screen';

freshWindowEachTest();

describe('a form half filled in when the window reloads or the renderer crashes', () => {
  const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;

  it('comes back as typed for the same operator, without the one-time code, and says so', async () => {
    fakeApi(TELLER);
    render(<App />);
    await screen.findByLabelText('契約者ID');
    await fillIssueForm();
    cleanup();

    fakeApi(TELLER);
    render(<App />);
    await screen.findByLabelText('契約者ID');
    expect(value('契約者ID')).toBe('1234567890');
    expect(value('お名前（漢字）')).toBe('信金 太郎');
    expect(value('シリアル番号')).toBe('AB12CD34EF56');
    expect((screen.getByLabelText('お届け印 照合済') as HTMLInputElement).checked).toBe(true);
    expect(value('ワンタイムパスワード')).toBe('');
    expect(screen.getByRole('status').textContent).toContain('入力途中の内容を復元しました');
  });

  it('is not shown to another operator, and is gone after logout or once 確定 went through', async () => {
    fakeApi(TELLER);
    render(<App />);
    await screen.findByLabelText('契約者ID');
    type('契約者ID', '1234567890');
    cleanup();

    fakeApi(MANAGER);
    render(<App />);
    await screen.findByLabelText('契約者ID');
    expect(value('契約者ID')).toBe('');
    type('契約者ID', '5555555');
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('madoguchi.draft.'))).toEqual(['madoguchi.draft.issue']);
    fireEvent.click(screen.getByRole('button', { name: 'ログアウト' }));
    await screen.findByRole('heading', { name: 'オペレーター認証' });
    expect(Object.keys(sessionStorage).filter((k) => k.startsWith('madoguchi.draft.'))).toEqual([]);
    cleanup();

    fakeApi(TELLER, { issue: vi.fn(issued) });
    render(<App />);
    await screen.findByLabelText('契約者ID');
    await fillIssueForm();
    expect(sessionStorage.getItem('madoguchi.draft.issue')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    fireEvent.click(await screen.findByRole('button', { name: '確定' }));
    await screen.findByTestId('receipt-no');
    expect(sessionStorage.getItem('madoguchi.draft.issue')).toBeNull();
  });
});
