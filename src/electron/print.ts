import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';
import type { Printer } from '../services/ports';

/** Opens the PDF in a hidden window's viewer and shows the system print dialog. */
export const electronPrinter: Printer = {
  async printPdf(pdf) {
    const file = join(mkdtempSync(join(tmpdir(), 'madoguchi-print-')), 'receipt.pdf');
    writeFileSync(file, pdf);
    const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true, plugins: true } });
    await win.loadURL(pathToFileURL(file).toString());
    return new Promise<boolean>((resolve) => {
      win.webContents.print({ silent: false, printBackground: true }, (success) => {
        win.destroy();
        resolve(success);
      });
    });
  },
};
