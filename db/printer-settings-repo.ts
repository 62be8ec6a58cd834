import type { Db } from './db';
import { sql } from './prepared';
import type { PaperSize, PrinterSettings } from '../domain/printing';

/** This terminal's printer (one row, made by migration 17 with the defaults). */
export function readPrinterSettings(db: Db): PrinterSettings {
  const row = sql(
    db,
    `SELECT printer_name AS printerName, paper, customer_copies AS customerCopies, branch_copies AS branchCopies, silent
     FROM printer_settings WHERE id = 1`,
  ).get() as { printerName: string; paper: PaperSize; customerCopies: number; branchCopies: number; silent: number };
  return { ...row, silent: row.silent === 1 };
}

export function writePrinterSettings(db: Db, s: PrinterSettings): void {
  sql(
    db,
    `UPDATE printer_settings SET printer_name = @printerName, paper = @paper, customer_copies = @customerCopies,
       branch_copies = @branchCopies, silent = @silent WHERE id = 1`,
  ).run({ ...s, silent: s.silent ? 1 : 0 });
}
