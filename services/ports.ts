import type { Db } from '../db/open';
import type { SecretBox } from '../db/sealed-secret';
import type { PaperSize, PrintOutcome, SystemPrinter } from '../domain/printing';
import type { CounterDocument } from '../templates/counter-document';
import type { DataKey } from './data-key';
import type { OtpSearch } from './otp-search';
import type { TerminalSync } from './sync';

/** The sheet a job is printed on: a named size, or a length of roll (microns, Electron's unit). */
export type PrintPage = 'A4' | 'A5' | { widthMicrons: number; heightMicrons: number };

export interface PrintJob {
  pdf: Buffer;
  /** The system's name of the printer; '' for the system's default. */
  printerName: string;
  page: PrintPage;
  copies: number;
  /** Without the system's print dialog. */
  silent: boolean;
}

/** The host's printing: the desktop app's printers, or the browser's PDF viewer. */
export interface Printer {
  /** Never throws: a refused, failed or cancelled print is an outcome, and the document stays in the ledger. */
  print(job: PrintJob): Promise<PrintOutcome>;
  /** The system's printers; null where the host prints through the browser's viewer. */
  listPrinters(): Promise<SystemPrinter[] | null>;
}

/** Everything a use case needs from outside, passed in so that tests can set time and files. */
export interface Ports {
  db: Db;
  secrets: SecretBox;
  now: () => Date;
  printer: Printer;
  /** Synchronous, so that a counter transaction renders its receipt inside its SQLite transaction. */
  renderDocument: (doc: CounterDocument, paper?: PaperSize) => Buffer;
  /** Find-by-OTP, off the server's thread. */
  otpSearch: OtpSearch;
  /** The data key itself, for its recovery wrapping (everything else goes through `secrets`). */
  dataKey: DataKey;
  /** The sync with the bank's core service. */
  sync: TerminalSync;
}
