import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { applicationMenu, guardEveryWindow, securePreferences } from '../../../electron/windows';
import { FakeWebContents, fakeEvent } from '../../support/fake-electron';

/** An app and a session that only record what the guard asks of them. */
function guarded(packaged: boolean) {
  const created: Array<(e: unknown, contents: FakeWebContents) => void> = [];
  const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
  guardEveryWindow({ on: (_event: string, l: (e: unknown, c: FakeWebContents) => void) => created.push(l) } as never, session as never, packaged);
  const contents = () => {
    const c = new FakeWebContents();
    for (const l of created) l(fakeEvent(), c);
    return c;
  };
  return { session, contents };
}

const roles = (menu: MenuItemConstructorOptions[]): string[] =>
  menu.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);

describe('every window of the app', () => {
  it('gets one guard, whoever made it: navigation only within app://madoguchi, no webview, no window but our own receipt PDFs', () => {
    const { contents } = guarded(true);
    for (const c of [contents(), contents()]) {
      for (const url of ['https://example.com/', 'file:///C:/Users/teller/receipt.pdf', 'app://elsewhere/', 'blob:app://madoguchi/0d3c', 'javascript:alert(1)']) {
        expect(c.emit('will-navigate', fakeEvent(url)).refused, url).toBe(true);
      }
      expect(c.emit('will-navigate', fakeEvent('app://madoguchi/index.html')).refused).toBe(false);
      expect(c.emit('will-attach-webview').refused).toBe(true);
      for (const url of ['https://example.com/', 'blob:https://example.com/1', 'app://madoguchi/index.html', 'file:///etc/passwd']) {
        expect(c.openHandler!({ url }).action, url).toBe('deny');
      }
      expect(c.openHandler!({ url: 'blob:app://madoguchi/0d3c' })).toEqual({
        action: 'allow',
        overrideBrowserWindowOptions: { webPreferences: { ...securePreferences(true), plugins: true } },
      });
    }
  });

  it('refuses every permission, asked or only checked', () => {
    const { session } = guarded(false);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (wc: unknown, p: string, answer: (ok: boolean) => void) => void;
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (wc: unknown, p: string) => boolean;
    const answer = vi.fn();
    request({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    for (const p of ['media', 'notifications', 'clipboard-sanitized-write', 'fullscreen', 'hid', 'serial']) expect(check({}, p)).toBe(false);
  });
});

describe('a packaged build', () => {
  it('opens no DevTools: not in any window’s settings, not in its menu', () => {
    expect(securePreferences(true)).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false, devTools: false });
    expect(roles(applicationMenu(true))).not.toContain('toggleDevTools');
    expect(securePreferences(false).devTools).toBe(true);
    expect(roles(applicationMenu(false))).toContain('toggleDevTools');
  });

  it('has the app’s own menu, every item worded in Japanese', () => {
    const labels = (menu: MenuItemConstructorOptions[]): string[] =>
      menu.flatMap((item) => (item.type === 'separator' ? [] : [item.label ?? '', ...(Array.isArray(item.submenu) ? labels(item.submenu) : [])]));
    const all = labels(applicationMenu(true));
    expect(all.slice(0, 1)).toEqual(['ファイル']);
    for (const label of all) expect(label, label).toMatch(/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u);
    expect(roles(applicationMenu(true))).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'reload']));
  });
});
