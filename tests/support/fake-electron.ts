/**
 * The one thing that cannot run here is Electron's binary. This stands in for the few
 * Electron APIs the shell calls, and records what the shell asked of them, so that a test
 * can check the window's settings, the IPC sender guard and the app:// protocol.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

type Listener = (...args: unknown[]) => void;

export class FakeWebContents {
  readonly listeners = new Map<string, Listener>();
  openHandler: ((d: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  loaded: string | undefined;
  reloads = 0;
  reload() {
    this.reloads += 1;
  }
  /** What print() was asked, the file it would print as it was then, and the answer it gives. */
  printed: { options: unknown; pdf: Buffer | null }[] = [];
  printAnswer = true;
  print(options: unknown, done: (success: boolean) => void) {
    const path = this.loaded?.startsWith('file:') ? fileURLToPath(this.loaded) : null;
    this.printed.push({ options, pdf: path && existsSync(path) ? readFileSync(path) : null });
    done(this.printAnswer);
  }
  on(event: string, l: Listener) {
    this.listeners.set(event, l);
    return this;
  }
  setWindowOpenHandler(h: (d: { url: string }) => { action: 'allow' | 'deny' }) {
    this.openHandler = h;
  }
}

export const recorded = {
  windows: [] as { options: Record<string, unknown>; webContents: FakeWebContents; window: { destroyed: boolean } }[],
  ipc: new Map<string, (event: unknown, req: unknown) => unknown>(),
  protocolHandler: undefined as ((req: Request) => Promise<Response>) | undefined,
  privilegedSchemes: [] as unknown[],
  permissionHandler: undefined as ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | undefined,
  sandboxEnabled: false,
  exposed: new Map<string, Record<string, (req: unknown) => unknown>>(),
  invoked: [] as [channel: string, req: unknown][],
  singleInstanceLocks: 0,
  errorBoxes: [] as [title: string, content: string][],
};

class BrowserWindow {
  readonly webContents = new FakeWebContents();
  constructor(readonly options: Record<string, unknown>) {
    recorded.windows.push({ options, webContents: this.webContents, window: this });
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
    enableSandbox: () => {
      recorded.sandboxEnabled = true;
    },
    whenReady: () => Promise.resolve(),
    getPath: () => '/nonexistent-user-data',
    on: () => undefined,
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
  safeStorage: {
    isEncryptionAvailable: () => true,
    encryptString: (s: string) => Buffer.from(`wrapped:${s}`),
    decryptString: (b: Buffer) => b.toString().replace(/^wrapped:/, ''),
  },
};
