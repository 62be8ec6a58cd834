// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../../../renderer/app/App';
import { MANAGER, TELLER, fakeApi } from '../../../support/fake-api';
import { fillIssueForm, issued } from '../../../support/issue-form';
import { freshWindowEachTest, go } from '../../../support/screen';

freshWindowEachTest();

const statusLine = () => document.querySelector('.status-message')?.textContent;

describe('the status line: one message at a time, the newest', () => {
  it('drops the last import’s success when the next file is refused', async () => {
    const stockImport = vi
      .fn()
      .mockResolvedValueOnce({ ok: true, value: { batchId: 2, count: 25, format: 'PSKC', sha256: 'ab'.repeat(32) } })
      .mockResolvedValueOnce({ ok: false, error: { code: 'PSKC', message: '1件目のKeyPackage: MACが一致しません' } });
    fakeApi(MANAGER, { stockImport });
    go('stock');
    render(<App />);
    const file = await screen.findByLabelText('シードファイル');
    for (const name of ['first.pskc', 'second.pskc']) {
      fireEvent.change(file, { target: { files: [new File(['<KeyContainer/>'], name, { type: 'text/xml' })] } });
      fireEvent.click(screen.getByRole('button', { name: '取込' }));
      await waitFor(() => expect(statusLine()).toBe(name === 'first.pskc' ? 'シードファイル first.pskc から 25件を取り込みました。' : '準備完了'));
    }
    expect(screen.getByRole('alert').textContent).toContain('MACが一致しません');
  });

  it('drops the last customer’s 受付 when the next form is refused before it is sent', async () => {
    fakeApi(TELLER, { issue: vi.fn(issued) });
    render(<App />);
    await screen.findByLabelText('契約者ID');
    await fillIssueForm();
    fireEvent.click(screen.getByRole('button', { name: '確認' }));
    fireEvent.click(await screen.findByRole('button', { name: '確定' }));
    await waitFor(() => expect(statusLine()).toBe('受付番号 001-03-000042 で発行を受け付けました。'));
    fireEvent.click(screen.getByRole('button', { name: '次のお客さま' }));
    fireEvent.click(await screen.findByRole('button', { name: '確認' }));
    await screen.findByText('入力内容を確認してください。');
    expect(statusLine()).toBe('準備完了');
  });
});
