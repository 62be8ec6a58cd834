import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS, IPC_PREFIX } from '../../../services/channels';
import { FakeWebContents, fakeEvent, recorded } from '../../support/fake-electron';
import { applicationMenu } from '../../../electron/windows';
import type { PrintJob } from '../../../services/ports';

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
  const roll: PrintJob = {
    pdf: Buffer.from('%PDF-1.7 receipt 101-01-0000001'),
    printerName: 'EPSON_TM_T88VII',
    page: { widthMicrons: 80_000, heightMicrons: 212_500 },
    copies: 2,
    silent: true,
  };

  it('prints the PDF through the app protocol from a hidden, guarded window on the configured printer, page, margins and copies, then closes it and forgets the PDF', async () => {
    const { electronPrinter } = await import('../../../electron/print');
    const before = recorded.windows.length;

    expect(await electronPrinter.print(roll)).toEqual({ state: 'printed', copies: 2 });

    const printing = recorded.windows[before]!;
    expect(printing.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: true } });
    expect(printing.webContents.loaded).toMatch(/^app:\/\/madoguchi\/print\/[0-9a-f]{32}\.pdf$/);
    expect(printing.webContents.printed).toEqual([
      {
        options: { silent: true, printBackground: true, deviceName: 'EPSON_TM_T88VII', pageSize: { width: 80_000, height: 212_500 }, margins: { marginType: 'none' }, copies: 2 },
        pdf: roll.pdf,
      },
    ]);
    expect(printing.window.destroyed).toBe(true);
    expect((await recorded.protocolHandler!(new Request(printing.webContents.loaded!))).status).toBe(404);
    expect(printing.webContents.emit('will-navigate', fakeEvent('file:///etc/passwd')).refused).toBe(true);
  });

  it('leaves the printer to the system when none is chosen, names A4, and shows the dialog unless silent', async () => {
    const { electronPrinter } = await import('../../../electron/print');
    const before = recorded.windows.length;
    await electronPrinter.print({ ...roll, printerName: '', page: 'A4', copies: 1, silent: false });
    expect(recorded.windows[before]!.webContents.printed[0]!.options).toEqual({ silent: false, printBackground: true, pageSize: 'A4', margins: { marginType: 'none' }, copies: 1 });
  });

  it.each([
    ['Print job canceled', { state: 'failed', cancelled: true, reason: '印刷の画面で取り消されました' }],
    ['Print job failed', { state: 'failed', cancelled: false, reason: 'プリンターが印刷できませんでした' }],
  ])('answers %s as a failure the teller can read, and cleans up all the same', async (chromium, outcome) => {
    const { electronPrinter } = await import('../../../electron/print');
    const before = recorded.windows.length;
    const answered = electronPrinter.print(roll);
    await vi.waitFor(() => expect(recorded.windows[before]).toBeDefined());
    recorded.windows[before]!.webContents.printAnswer = chromium;
    expect(await answered).toEqual(outcome);
    expect(recorded.windows[before]!.window.destroyed).toBe(true);
    expect((await recorded.protocolHandler!(new Request(recorded.windows[before]!.webContents.loaded!))).status).toBe(404);
  });

  it('answers a printer the system does not know (Electron throws) as a failure, not an error', async () => {
    const { electronPrinter } = await import('../../../electron/print');
    recorded.printThrows = 'Invalid deviceName provided';
    try {
      expect(await electronPrinter.print(roll)).toEqual({ state: 'failed', cancelled: false, reason: 'プリンターの応答：Invalid deviceName provided' });
      expect(recorded.windows.at(-1)!.window.destroyed).toBe(true);
    } finally {
      recorded.printThrows = undefined;
    }
  });

  it("lists the system's printers by their system name and the name people know", async () => {
    const { electronPrinter } = await import('../../../electron/print');
    recorded.printers = [
      { name: 'EPSON_TM_T88VII', displayName: 'EPSON TM-T88VII', description: '', options: {} },
      { name: 'Canon_LBP221', displayName: '', description: '', options: {} },
    ];
    expect(await electronPrinter.listPrinters()).toEqual([
      { name: 'EPSON_TM_T88VII', displayName: 'EPSON TM-T88VII' },
      { name: 'Canon_LBP221', displayName: 'Canon_LBP221' },
    ]);
    expect(recorded.windows.at(-1)!.window.destroyed).toBe(true);
  });
});
