/**
 * The one thing that cannot run here is Electron's binary. This stands in for the few
 * Electron APIs the shell calls, and records what the shell asked of them, so that a test
 * can check the window's settings, the guard every web contents gets, the IPC sender guard,
 * the app:// protocol, the menu and the key kept by safeStorage.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

type Listener = (...args: unknown[]) => unknown;

/** What an Electron event carries that the shell looks at: a URL, and whether it was refused. */
export function fakeEvent(url = '') {
  const e = { url, refused: false, preventDefault: () => (e.refused = true) };
  return e;
}

export class FakeWebContents {
  readonly listeners = new Map<string, Listener[]>();
  openHandler: ((d: { url: string }) => { action: 'allow' | 'deny'; overrideBrowserWindowOptions?: unknown }) | undefined;
  loaded: string | undefined;
  reloads = 0;
  reload() {
    this.reloads += 1;
  }
  /** What print() was asked, the PDF the URL it shows answered with then, and the answer it gives: success, or Chromium's failure reason. */
  printed: { options: unknown; pdf: Buffer | null }[] = [];
  printAnswer: true | string = true;
  print(options: unknown, done: (success: boolean, failureReason: string) => void) {
    if (recorded.printThrows) throw new Error(recorded.printThrows);
    void (async () => {
      const res = this.loaded && recorded.protocolHandler ? await recorded.protocolHandler(new Request(this.loaded)) : null;
      this.printed.push({ options, pdf: res?.ok ? Buffer.from(await res.arrayBuffer()) : null });
      done(this.printAnswer === true, this.printAnswer === true ? '' : this.printAnswer);
    })();
  }
  getPrintersAsync() {
    return Promise.resolve(recorded.printers);
  }
  on(event: string, l: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), l]);
    return this;
  }
  /** Emits as Electron would; returns the event, to see whether a listener refused it. */
  emit(event: string, e = fakeEvent(), ...args: unknown[]) {
    for (const l of this.listeners.get(event) ?? []) l(e, ...args);
    return e;
  }
  setWindowOpenHandler(h: NonNullable<FakeWebContents['openHandler']>) {
    this.openHandler = h;
  }
}

export const recorded = {
  windows: [] as { options: Record<string, unknown>; webContents: FakeWebContents; window: { destroyed: boolean } }[],
  appListeners: new Map<string, Listener[]>(),
  ipc: new Map<string, (event: unknown, req: unknown) => unknown>(),
  protocolHandler: undefined as ((req: Request) => Promise<Response>) | undefined,
  privilegedSchemes: [] as unknown[],
  permissionHandler: undefined as ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | undefined,
  permissionCheckHandler: undefined as ((wc: unknown, permission: string) => boolean) | undefined,
  menu: undefined as { template: unknown[] } | undefined,
  sandboxEnabled: false,
  exposed: new Map<string, Record<string, (req: unknown) => unknown>>(),
  invoked: [] as [channel: string, req: unknown][],
  singleInstanceLocks: 0,
  errorBoxes: [] as [title: string, content: string][],
  /** The system's printers, as getPrintersAsync lists them. */
  printers: [] as { name: string; displayName: string; description: string; options: Record<string, string> }[],
  /** print() throws this, as Electron does for a deviceName it does not know. */
  printThrows: undefined as string | undefined,
};

/** The OS keychain as safeStorage shows it: which Linux backend, and whether it works. */
export const keychain = {
  backend: 'gnome_libsecret' as string,
  available: true,
  /** The next decryption says the keychain's own key was rotated. */
  rotated: false,
  /** The wrapping in use; a new PC (or a reset profile) has another one. */
  wrap: 'wrapped',
};

class BrowserWindow {
  readonly webContents = new FakeWebContents();
  constructor(readonly options: Record<string, unknown>) {
    recorded.windows.push({ options, webContents: this.webContents, window: this });
    for (const l of recorded.appListeners.get('web-contents-created') ?? []) l(fakeEvent(), this.webContents);
  }
  destroyed = false;
  async loadURL(url: string) {
    this.webContents.loaded = url;
  }
  destroy() {
    this.destroyed = true;
  }
}

export const electron = {
  app: {
    isPackaged: false,
    enableSandbox: () => {
      recorded.sandboxEnabled = true;
    },
    whenReady: () => Promise.resolve(),
    getPath: () => '/nonexistent-user-data',
    on: (event: string, l: Listener) => {
      recorded.appListeners.set(event, [...(recorded.appListeners.get(event) ?? []), l]);
    },
    quit: () => undefined,
    requestSingleInstanceLock: () => {
      recorded.singleInstanceLocks += 1;
      return true;
    },
  },
  dialog: {
    showErrorBox: (title: string, content: string) => recorded.errorBoxes.push([title, content]),
  },
  BrowserWindow,
  Menu: {
    buildFromTemplate: (template: unknown[]) => ({ template }),
    setApplicationMenu: (menu: { template: unknown[] }) => {
      recorded.menu = menu;
    },
  },
  ipcMain: {
    handle: (channel: string, h: (event: unknown, req: unknown) => unknown) => recorded.ipc.set(channel, h),
  },
  protocol: {
    registerSchemesAsPrivileged: (s: unknown[]) => recorded.privilegedSchemes.push(...s),
    handle: (_scheme: string, h: (req: Request) => Promise<Response>) => {
      recorded.protocolHandler = h;
    },
  },
  net: {
    fetch: async (url: string) => {
      try {
        return new Response(await readFile(fileURLToPath(url)), { status: 200 });
      } catch {
        return new Response('not found', { status: 404 });
      }
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof recorded.permissionHandler) => {
        recorded.permissionHandler = h;
      },
      setPermissionCheckHandler: (h: typeof recorded.permissionCheckHandler) => {
        recorded.permissionCheckHandler = h;
      },
    },
  },
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, (req: unknown) => unknown>) => recorded.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: async (channel: string, req: unknown) => {
      recorded.invoked.push([channel, req]);
      return { ok: true, value: {} };
    },
  },
  // The asynchronous API only: a call to a deprecated synchronous one fails the test.
  safeStorage: {
    getSelectedStorageBackend: () => keychain.backend,
    isAsyncEncryptionAvailable: async () => keychain.available,
    encryptStringAsync: async (s: string) => Buffer.from(`${keychain.wrap}:${s}`),
    decryptStringAsync: async (b: Buffer) => {
      const [wrap, plain] = b.toString().split(':');
      if (wrap !== keychain.wrap) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      const shouldReEncrypt = keychain.rotated;
      keychain.rotated = false;
      return { result: plain!, shouldReEncrypt };
    },
  },
};
