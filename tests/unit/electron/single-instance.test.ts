import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { holdSingleInstance } from '../../../electron/single-instance';

function fakeApp(lockGranted: boolean) {
  const listeners = new Map<string, () => void>();
  return {
    listeners,
    quit: vi.fn(),
    requestSingleInstanceLock: () => lockGranted,
    on: (event: string, l: () => void) => {
      listeners.set(event, l);
    },
  };
}

describe('one madoguchi per user session', () => {
  it('quits a second start at once', () => {
    const app = fakeApp(false);
    expect(holdSingleInstance(app as never, () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.listeners.size).toBe(0);
  });

  it('brings the first window to the front, restored, when a second start hands over', () => {
    const app = fakeApp(true);
    const win = { isMinimized: () => true, restore: vi.fn(), focus: vi.fn() };
    expect(holdSingleInstance(app as never, () => win as unknown as BrowserWindow)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.listeners.get('second-instance')!();
    expect(win.restore).toHaveBeenCalledOnce();
    expect(win.focus).toHaveBeenCalledOnce();
  });
});
