/**
 * The Electron shell, kept small: one window on the app:// protocol, the preload, and the
 * handler table mounted on ipcMain. Everything else is the same code browser mode runs.
 */
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, type IpcMainInvokeEvent } from 'electron';
import { openApp, type App } from '../services/app';
import { startRefusal } from '../services/start-refusal';
import { CHANNELS, IPC_PREFIX } from '../services/channels';
import { CONTENT_SECURITY_POLICY } from '../services/csp';
import { resolveDataDir } from '../services/data-dir';
import { safeStorageKeyStore } from './safe-storage-key';
import { electronPrinter, printJobResponse } from './print';
import { holdSingleInstance } from './single-instance';
import { applicationMenu, guardEveryWindow, ORIGIN, securePreferences } from './windows';
const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'renderer');

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function serveRenderer(): void {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'madoguchi') return new Response('not found', { status: 404 });
    const job = printJobResponse(url);
    if (job) return job;
    // window.madoguchi comes from the preload here; browser mode serves a real bridge.
    if (url.pathname === '/host-bridge.js') {
      return new Response('', { headers: { 'content-type': 'text/javascript', 'content-security-policy': CONTENT_SECURITY_POLICY } });
    }
    const file = normalize(join(rendererDir, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    if (!file.startsWith(rendererDir + sep)) return new Response('forbidden', { status: 403 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    return new Response(res.body, { status: res.status, headers });
  });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 900,
    title: '窓口 madoguchi',
    webPreferences: { ...securePreferences(app.isPackaged), preload: join(here, 'preload.cjs') },
  });
  // A crashed page comes back by itself; the form it held is kept in sessionStorage (useKeptSession).
  win.webContents.on('render-process-gone', (_e, details) => {
    if (details.reason !== 'clean-exit') win.webContents.reload();
  });
  void win.loadURL(`${ORIGIN}/index.html`);
  return win;
}

/** The ledger, or null after telling the operator why it cannot be opened (another madoguchi holds it, no keychain …). */
async function openLedger(): Promise<App | null> {
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
  try {
    return openApp({
      dataDir,
      keys: await safeStorageKeyStore(join(dataDir, 'madoguchi.key.enc')),
      printer: electronPrinter,
      otpSearchWorker: { url: new URL('../otp-search-worker.mjs', import.meta.url) },
    });
  } catch (e) {
    const why = startRefusal(e);
    if (why === null) throw e;
    dialog.showErrorBox('madoguchi を起動できません', why);
    app.quit();
    return null;
  }
}

let mainWindow: BrowserWindow | null = null;
app.enableSandbox();
if (holdSingleInstance(app, () => mainWindow)) void app.whenReady().then(start);

async function start(): Promise<void> {
  guardEveryWindow(app, session.defaultSession, app.isPackaged);
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenu(app.isPackaged)));
  const madoguchi = await openLedger();
  if (!madoguchi) return;
  serveRenderer();
  const win = createWindow();
  mainWindow = win;
  // Node's URL gives a custom scheme the origin "null", so compare scheme and host instead.
  const fromOurWindow = (e: IpcMainInvokeEvent) => {
    if (e.sender !== win.webContents || !e.senderFrame) return false;
    const url = new URL(e.senderFrame.url);
    return `${url.protocol}//${url.host}` === ORIGIN;
  };
  for (const channel of CHANNELS) {
    ipcMain.handle(IPC_PREFIX + channel, (e, req: unknown) => {
      if (!fromOurWindow(e)) return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'この要求は許可されていません。' } };
      return madoguchi.dispatch(channel, req);
    });
  }
  app.on('window-all-closed', () => {
    madoguchi.close();
    app.quit();
  });
}
