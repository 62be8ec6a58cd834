import type { App, BrowserWindow } from 'electron';

/**
 * One madoguchi per user session: a second start hands over to the first, which brings its window
 * to the front, and quits. (Two processes on one data folder are refused by the data folder's own
 * lock as well, whoever starts them.) Returns false in the process that must quit.
 */
export function holdSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>, window: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = window();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  return true;
}
