import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';
import type { Printer } from '../services/ports';

/**
 * Opens the PDF in a hidden window's viewer and shows the system print dialog. The file exists
 * only while it prints: a receipt carries customer data, the ledger keeps the original.
 */
export const electronPrinter: Printer = {
  async printPdf(pdf) {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-print-'));
    const file = join(dir, 'receipt.pdf');
    const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, plugins: true } });
    try {
      writeFileSync(file, pdf, { mode: 0o600 });
      await win.loadURL(pathToFileURL(file).toString());
      return await new Promise<boolean>((resolve) => {
        win.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success));
      });
    } finally {
      win.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
