// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import { fakeApi } from '../../../../support/fake-api';
import { freshWindowEachTest } from '../../../../support/screen';

freshWindowEachTest();

describe('login', () => {
  it('shows the server message when the login is refused', async () => {
    fakeApi(null, {
      authLogin: vi.fn(() =>
        Promise.resolve({
          ok: false as const,
          error: { code: 'ACCOUNT_LOCKED', message: 'このオペレーターIDはロックされています。役席者に解除を依頼してください。' },
        }),
      ),
    });
    render(<App />);
    fireEvent.change(await screen.findByLabelText('オペレーターID'), { target: { value: 'T001' } });
    const password = screen.getByLabelText('パスワード');
    fireEvent.change(password, { target: { value: 'wrong' } });
    fireEvent.keyDown(password, { key: 'Enter' });
    expect(await screen.findByText('このオペレーターIDはロックされています。役席者に解除を依頼してください。')).toBeTruthy();
  });
});
