import { randomBytes } from 'node:crypto';
import { app, BrowserWindow } from 'electron';
import type { Printer } from '../services/ports';
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

/** Opens the PDF through the app protocol in a hidden window's viewer and shows the system print dialog. */
export const electronPrinter: Printer = {
  async printPdf(pdf) {
    const name = `${randomBytes(16).toString('hex')}.pdf`;
    jobs.set(name, pdf);
    const win = new BrowserWindow({ show: false, webPreferences: { ...securePreferences(app.isPackaged), plugins: true } });
    try {
      await win.loadURL(`${ORIGIN}${PRINT_PATH}${name}`);
      return await new Promise<boolean>((resolve) => {
        win.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success));
      });
    } finally {
      win.destroy();
      jobs.delete(name);
    }
  },
};
