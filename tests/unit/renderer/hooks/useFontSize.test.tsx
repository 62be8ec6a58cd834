// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../../../renderer/app/App';
import { FONT_SIZE_KEY } from '../../../../renderer/hooks/useFontSize';
import { TELLER, fakeApi } from '../../../support/fake-api';
import { freshWindowEachTest } from '../../../support/screen';

freshWindowEachTest();

describe('文字サイズ', () => {
  it('拡大 scales the whole UI from the root element and is remembered', async () => {
    fakeApi(TELLER);
    render(<App />);
    await screen.findByTestId('current-operator');
    const large = screen.getByRole('button', { name: '拡大' });
    expect(document.documentElement.dataset.fontSize).toBe('standard');
    expect(screen.getByRole('button', { name: '標準' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(large);
    expect(document.documentElement.dataset.fontSize).toBe('large');
    expect(large.getAttribute('aria-pressed')).toBe('true');
    expect(localStorage.getItem(FONT_SIZE_KEY)).toBe('large');

    fireEvent.click(screen.getByRole('button', { name: '標準' }));
    expect(document.documentElement.dataset.fontSize).toBe('standard');
    expect(localStorage.getItem(FONT_SIZE_KEY)).toBe('standard');
  });

  it('starts with the remembered size', async () => {
    localStorage.setItem(FONT_SIZE_KEY, 'large');
    fakeApi(null);
    render(<App />);
    await screen.findByRole('button', { name: 'ログイン' });
    expect(document.documentElement.dataset.fontSize).toBe('large');
  });
});
