/**
 * What every window of the app may do, set once for all of them (the main window, Chromium's PDF
 * viewer for a receipt, the hidden print window): Electron's security checklist, with the few
 * exceptions madoguchi needs listed here.
 */
import type { App, MenuItemConstructorOptions, Session, WebPreferences } from 'electron';

export const ORIGIN = 'app://madoguchi';

/** Our own pages, and nothing else. */
const mayNavigate = (url: string) => url.startsWith(`${ORIGIN}/`);
/** A receipt the page made itself (a blob: PDF of our origin), shown by Chromium's PDF viewer. */
const mayOpen = (url: string) => url.startsWith(`blob:${ORIGIN}/`);

/** Every window's settings: isolated, sandboxed, no Node, and no DevTools in a packaged build. */
export function securePreferences(packaged: boolean): WebPreferences {
  return { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, spellcheck: false, devTools: !packaged };
}

/** Before any window opens: no permission is ever granted or reported granted, and every web contents gets the same guard. */
export function guardEveryWindow(app: Pick<App, 'on'>, session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>, packaged: boolean): void {
  session.setPermissionRequestHandler((_contents, _permission, answer) => answer(false));
  session.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (e) => {
      if (!mayNavigate(e.url)) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(({ url }) =>
      mayOpen(url) ? { action: 'allow', overrideBrowserWindowOptions: { webPreferences: { ...securePreferences(packaged), plugins: true } } } : { action: 'deny' },
    );
  });
}

/** The app's own menu, in Japanese, instead of Electron's default (which offers DevTools and links to electronjs.org). */
export function applicationMenu(packaged: boolean): MenuItemConstructorOptions[] {
  return [
    { label: 'ファイル', submenu: [{ role: 'quit', label: '終了' }] },
    {
      label: '編集',
      submenu: [
        { role: 'undo', label: '元に戻す' },
        { role: 'redo', label: 'やり直し' },
        { type: 'separator' },
        { role: 'cut', label: '切り取り' },
        { role: 'copy', label: 'コピー' },
        { role: 'paste', label: '貼り付け' },
        { role: 'selectAll', label: 'すべて選択' },
      ],
    },
    {
      label: '表示',
      submenu: [
        // A reload keeps a half-filled form (sessionStorage): the way out of a stuck screen.
        { role: 'reload', label: '再読み込み' },
        { type: 'separator' },
        { role: 'resetZoom', label: '実際のサイズ' },
        { role: 'zoomIn', label: '拡大' },
        { role: 'zoomOut', label: '縮小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全画面表示' },
        ...(packaged ? [] : [{ role: 'toggleDevTools', label: '開発者ツール' } as const]),
      ],
    },
    { label: 'ウィンドウ', submenu: [{ role: 'minimize', label: '最小化' }] },
  ];
}
