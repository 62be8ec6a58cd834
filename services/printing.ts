/**
 * The terminal's printer: its settings (役席), the test page, and how a finished PDF goes to the
 * host's printer with the paper's page size, the copies and the dialog as set.
 */
import { appendJournal } from '../db/journal';
import { readPrinterSettings, writePrinterSettings } from '../db/printer-settings-repo';
import { validatePrinterSettings, type PaperSize, type PrinterSettings, type PrintOutcome } from '../domain/printing';
import { firstPageSize } from '../templates/page-layout';
import { renderTestPage } from '../templates/test-page';
import type { Operator } from './contract';
import type { Ports, Printer, PrintPage } from './ports';
import { requireBranch } from './setup';

const MICRONS_PER_POINT = 25_400 / 72;

/** Browser mode: the page opens the PDF in the browser's viewer, and the viewer prints it. */
export const VIEWER_PRINTER: Printer = {
  print: async () => ({ state: 'viewer' }),
  listPrinters: async () => null,
};

/** The sheet for a PDF laid out on `paper`: the paper's name, or the roll cut to the document's own length. */
export function printPage(paper: PaperSize, pdf: Buffer): PrintPage {
  if (paper !== 'ROLL_80') return paper;
  const { width, height } = firstPageSize(pdf);
  return { widthMicrons: Math.round(width * MICRONS_PER_POINT), heightMicrons: Math.round(height * MICRONS_PER_POINT) };
}

export function sendToPrinter(p: Ports, settings: PrinterSettings, pdf: Buffer, copies: number): Promise<PrintOutcome> {
  return p.printer.print({ pdf, printerName: settings.printerName, page: printPage(settings.paper, pdf), copies, silent: settings.silent });
}

export async function printerSettings(p: Ports) {
  return { settings: readPrinterSettings(p.db), printers: await p.printer.listPrinters() };
}

export function updatePrinterSettings(p: Ports, by: Operator, req: PrinterSettings) {
  const settings = validatePrinterSettings(req);
  const before = readPrinterSettings(p.db);
  p.db.transaction(() => {
    writePrinterSettings(p.db, settings);
    appendJournal(p.db, { kind: 'PRINTER_SETTINGS_CHANGED', occurredAt: p.now().toISOString(), operatorId: by.operatorId, payload: { before, after: settings } });
  }).immediate();
  return { settings };
}

/** One test page with the settings on the screen, saved or not, so that a manager tries them before a customer depends on them. */
export async function printTestPage(p: Ports, req: PrinterSettings) {
  const settings = validatePrinterSettings(req);
  const pdf = renderTestPage({ branch: requireBranch(p), printerName: settings.printerName, paper: settings.paper, printedAt: p.now() });
  const print = await sendToPrinter(p, settings, pdf, 1);
  return { pdfBase64: pdf.toString('base64'), print };
}
