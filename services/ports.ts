import type { Db } from '../db/open';
import type { SecretBox } from '../db/sealed-secret';
import type { CounterDocument } from '../templates/counter-document';
import type { DataKey } from './data-key';
import type { OtpSearch } from './otp-search';
import type { TerminalSync } from './sync';

/** Sends a finished PDF to the branch printer; false where the host has none (browser mode). */
export interface Printer {
  printPdf(pdf: Buffer): Promise<boolean>;
}

/** Everything a use case needs from outside, passed in so that tests can set time and files. */
export interface Ports {
  db: Db;
  secrets: SecretBox;
  now: () => Date;
  printer: Printer;
  /** Synchronous, so that a counter transaction renders its receipt inside its SQLite transaction. */
  renderDocument: (doc: CounterDocument) => Buffer;
  /** Find-by-OTP, off the server's thread. */
  otpSearch: OtpSearch;
  /** The data key itself, for its recovery wrapping (everything else goes through `secrets`). */
  dataKey: DataKey;
  /** The sync with the bank's core service. */
  sync: TerminalSync;
}
