/** What component tests do on screen as a teller would: type, press Enter, scan, read what a field says. */
import { afterEach, beforeEach, vi } from 'vitest';
import { cleanup, configure, fireEvent, screen } from '@testing-library/react';

// CI is a busy 2-core machine: a screen may take seconds to answer there, so findBy… waits that long.
configure({ asyncUtilTimeout: 10_000 });

/** Each test starts in a fresh window at 発行受付: nothing kept in storage, standard font size. */
export function freshWindowEachTest(): void {
  beforeEach(() => {
    window.location.hash = '#/issue';
    localStorage.clear();
    sessionStorage.clear();
    delete document.documentElement.dataset.fontSize;
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });
}

/** The screen shown after the next render, as the menu would set it. */
export function go(route: string): void {
  window.location.hash = `#/${route}`;
}

export function type(label: string, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

export function enter(el: Element): void {
  fireEvent.keyDown(el, { key: 'Enter', code: 'Enter' });
}

/** Type, then leave the field as a scanner's Enter would: the look-up runs on blur. */
export function scan(label: string, value: string): void {
  const el = screen.getByLabelText(label);
  fireEvent.change(el, { target: { value } });
  fireEvent.blur(el);
}

/** The texts the input points to with aria-describedby (hint, badge, error). */
export function describedTexts(el: HTMLElement): string[] {
  return (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
}

/** A counter act refused with these field errors, as the server words it. */
export const refused = (fieldErrors: Record<string, string>) =>
  vi.fn(() => Promise.resolve({ ok: false as const, error: { code: 'VALIDATION', message: '入力内容に誤りがあります。赤字の項目を確認してください。', fieldErrors } }));

/** A summary list (確認, 完了) as term → value text. */
export function summaryOf(el: HTMLElement): Record<string, string> {
  return Object.fromEntries([...el.querySelectorAll('.summary-row')].map((row) => [row.querySelector('dt')?.textContent ?? '', row.querySelector('dd')?.textContent ?? '']));
}
