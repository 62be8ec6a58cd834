import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, IPC_PREFIX } from '../../../services/channels';
import { FakeWebContents, fakeEvent, recorded } from '../../support/fake-electron';
import { applicationMenu } from '../../../electron/windows';

vi.mock('electron', async () => (await import('../../support/fake-electron')).electron);

const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-electron-'));
const ours = 'app://madoguchi/index.html';

beforeAll(async () => {
  process.env.MADOGUCHI_DATA_DIR = dataDir;
  await import('../../../electron/main');
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1));
});
afterAll(() => {
  delete process.env.MADOGUCHI_DATA_DIR;
  rmSync(dataDir, { recursive: true, force: true });
});

const win = () => recorded.windows[0]!;
const invoke = (channel: string, event: unknown, req: unknown = {}) => recorded.ipc.get(IPC_PREFIX + channel)!(event, req);

describe('the Electron shell (against a stand-in for the Electron binary)', () => {
  it('opens one window with the security checklist: isolation, sandbox, no Node, our preload, app://', () => {
    expect(recorded.sandboxEnabled).toBe(true);
    expect(win().options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: true });
    expect(String((win().options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(win().webContents.loaded).toBe(ours);
    expect(recorded.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('holds the single-instance lock before opening anything', () => {
    expect(recorded.singleInstanceLocks).toBe(1);
    expect(recorded.errorBoxes).toEqual([]);
  });

  it('mounts every channel of the contract on ipcMain, and nothing else', () => {
    expect([...recorded.ipc.keys()].sort()).toEqual(CHANNELS.map((c) => IPC_PREFIX + c).sort());
  });

  it('answers its own window and refuses any other sender or frame', async () => {
    const fromUs = { sender: win().webContents, senderFrame: { url: ours } };
    expect(await invoke('setupStatus', fromUs)).toEqual({ ok: true, value: { initialized: false, branch: null, keyRestoreNeeded: false } });
    const otherWindow = { sender: new FakeWebContents(), senderFrame: { url: ours } };
    const otherOrigin = { sender: win().webContents, senderFrame: { url: 'https://example.com/' } };
    const noFrame = { sender: win().webContents, senderFrame: null };
    for (const e of [otherWindow, otherOrigin, noFrame]) {
      expect(await invoke('setupStatus', e)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
  });

  it('reloads a page whose renderer crashed or was killed, and not one that exited cleanly', () => {
    const gone = (reason: string) => win().webContents.emit('render-process-gone', fakeEvent(), { reason, exitCode: 1 });
    const before = win().webContents.reloads;
    gone('crashed');
    gone('oom');
    expect(win().webContents.reloads).toBe(before + 2);
    gone('clean-exit');
    expect(win().webContents.reloads).toBe(before + 2);
  });

  it('guards the main window as every web contents: no navigation away from app://, no webview, no window but a receipt PDF of its own', () => {
    const contents = win().webContents;
    expect(contents.emit('will-navigate', fakeEvent('https://example.com/')).refused).toBe(true);
    expect(contents.emit('will-navigate', fakeEvent('app://madoguchi/index.html#/stock')).refused).toBe(false);
    expect(contents.emit('will-attach-webview').refused).toBe(true);
    expect(contents.openHandler!({ url: 'https://example.com/' }).action).toBe('deny');
    expect(contents.openHandler!({ url: 'blob:app://madoguchi/0d3c' })).toMatchObject({
      action: 'allow',
      overrideBrowserWindowOptions: { webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true, devTools: true } },
    });
  });

  it('sets its own Japanese menu instead of Electron’s default', () => {
    expect(recorded.menu?.template).toEqual(applicationMenu(false));
    expect(JSON.stringify(recorded.menu)).toContain('ファイル');
  });

  it('serves the renderer with the strict CSP, and nothing outside it', async () => {
    const get = (url: string) => recorded.protocolHandler!(new Request(url));
    const index = await get('app://madoguchi/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('host-bridge.js');
    expect(await (await get('app://madoguchi/host-bridge.js')).text()).toBe('');
    expect((await get('app://madoguchi/..%2F..%2Fpackage.json')).status).toBe(403);
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
  });

  it('refuses every permission request (camera, notifications …), and reports every permission as not granted', () => {
    const answer = vi.fn();
    recorded.permissionHandler!({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation']) expect(recorded.permissionCheckHandler!({}, permission)).toBe(false);
  });

  it('keeps the data key wrapped by safeStorage from the first run on, never in the clear on disk', async () => {
    const key = join(dataDir, 'madoguchi.key.enc');
    expect(existsSync(key)).toBe(false);
    const fromUs = { sender: win().webContents, senderFrame: { url: ours } };
    const setup = {
      bankName: '北見信用金庫', branchCode: '101', branchName: '本店営業部', terminalNo: '1', invoiceRegNo: 'T7000012050002', nameOnDocuments: 'INITIAL',
      managerId: 'mgr01', managerName: '佐藤 一郎', managerPassword: 'manager123', recoveryPassphrase: '支店の金庫は二人で開けます',
    };
    expect(await invoke('setupInitialize', fromUs, setup)).toMatchObject({ ok: true });
    expect(readFileSync(key, 'utf8')).toMatch(/^wrapped:[\w+/]{43}=$/);
  });
});

describe('the preload', () => {
  it('exposes window.madoguchi with one method per channel, each bound to its own IPC channel', async () => {
    await import('../../../electron/preload');
    const api = recorded.exposed.get('madoguchi')!;
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    await api.stockLookup!({ serial: 'MG0000000001' });
    expect(recorded.invoked).toEqual([[IPC_PREFIX + 'stockLookup', { serial: 'MG0000000001' }]]);
  });
});


describe('printing a receipt in Electron (against the stand-in)', () => {
  it('prints the PDF through the app protocol from a hidden, guarded window with the print dialog, then closes it and forgets the PDF', async () => {
    const { electronPrinter } = await import('../../../electron/print');
    const pdf = Buffer.from('%PDF-1.7 receipt 101-01-0000001');
    const before = recorded.windows.length;

    expect(await electronPrinter.printPdf(pdf)).toBe(true);

    const printing = recorded.windows[before]!;
    expect(printing.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: true } });
    expect(printing.webContents.loaded).toMatch(/^app:\/\/madoguchi\/print\/[0-9a-f]{32}\.pdf$/);
    expect(printing.webContents.printed).toEqual([{ options: { silent: false, printBackground: true }, pdf }]);
    expect(printing.window.destroyed).toBe(true);
    expect((await recorded.protocolHandler!(new Request(printing.webContents.loaded!))).status).toBe(404);
    expect(printing.webContents.emit('will-navigate', fakeEvent('file:///etc/passwd')).refused).toBe(true);
  });

  it('answers false when the operator cancels the dialog, and cleans up all the same', async () => {
    const { electronPrinter } = await import('../../../electron/print');
    const before = recorded.windows.length;
    const answered = electronPrinter.printPdf(Buffer.from('%PDF-1.7'));
    recorded.windows[before]!.webContents.printAnswer = false;
    expect(await answered).toBe(false);
    expect(recorded.windows[before]!.window.destroyed).toBe(true);
    expect((await recorded.protocolHandler!(new Request(recorded.windows[before]!.webContents.loaded!))).status).toBe(404);
  });
});
