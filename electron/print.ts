import { randomBytes } from 'node:crypto';
import { app, BrowserWindow, type WebContentsPrintOptions } from 'electron';
import type { PrintOutcome } from '../domain/printing';
import type { Printer, PrintJob } from '../services/ports';
import { ORIGIN, securePreferences } from './windows';

const PRINT_PATH = '/print/';
/** The PDFs being printed, by an unguessable name, only while they print. */
const jobs = new Map<string, Buffer>();

/**
 * The app protocol's answer for a print job: the PDF from memory, so that a receipt (customer
 * data) never lands in a temporary file. Null for any other path. No CSP on it: Chromium's PDF
 * viewer is embedded into the PDF's own page.
 */
export function printJobResponse(url: URL): Response | null {
  if (!url.pathname.startsWith(PRINT_PATH)) return null;
  const pdf = jobs.get(url.pathname.slice(PRINT_PATH.length));
  return pdf ? new Response(new Uint8Array(pdf), { headers: { 'content-type': 'application/pdf' } }) : new Response('not found', { status: 404 });
}

/** The page size and margins are explicit: the PDF is laid out for the paper, and the printer must not shrink or move it. */
export function printOptions(job: PrintJob): WebContentsPrintOptions {
  return {
    silent: job.silent,
    printBackground: true,
    ...(job.printerName === '' ? {} : { deviceName: job.printerName }),
    pageSize: typeof job.page === 'string' ? job.page : { width: job.page.widthMicrons, height: job.page.heightMicrons },
    margins: { marginType: 'none' },
    copies: job.copies,
  };
}

/** Chromium's failure reasons (webContents.print), in the teller's words. */
const CANCELLED = 'Print job canceled';
const REASONS: Record<string, string> = {
  [CANCELLED]: '印刷の画面で取り消されました',
  'Invalid printer settings': 'プリンターまたは用紙の設定がこのプリンターに合いません',
  'Print job failed': 'プリンターが印刷できませんでした',
};

function failed(reason: string): PrintOutcome {
  return { state: 'failed', cancelled: reason === CANCELLED, reason: REASONS[reason] ?? `プリンターの応答：${reason}` };
}

/** Opens the PDF through the app protocol in a hidden window's viewer and prints it as the job says. */
export const electronPrinter: Printer = {
  async print(job) {
    const name = `${randomBytes(16).toString('hex')}.pdf`;
    jobs.set(name, job.pdf);
    const win = new BrowserWindow({ show: false, webPreferences: { ...securePreferences(app.isPackaged), plugins: true } });
    try {
      await win.loadURL(`${ORIGIN}${PRINT_PATH}${name}`);
      return await new Promise<PrintOutcome>((resolve) => {
        win.webContents.print(printOptions(job), (success, reason) => resolve(success ? { state: 'printed', copies: job.copies } : failed(reason)));
      });
    } catch (e) {
      // An unknown deviceName or a page size the platform refuses throws instead of answering.
      return failed(e instanceof Error ? e.message : String(e));
    } finally {
      win.destroy();
      jobs.delete(name);
    }
  },

  async listPrinters() {
    const win = new BrowserWindow({ show: false, webPreferences: securePreferences(app.isPackaged) });
    try {
      return (await win.webContents.getPrintersAsync()).map((p) => ({ name: p.name, displayName: p.displayName || p.name }));
    } finally {
      win.destroy();
    }
  },
};
