import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockDataFolder } from '../db/instance-lock';
import { openDatabase, type Db } from '../db/open';
import { SecretBox, type KeyProvider } from '../db/sealed-secret';
import { renderCounterDocument } from '../templates/counter-document';
import { fileErrorLog, type ErrorLog } from './error-log';
import { secureDataFolder } from './data-dir';
import { createDispatch, type Dispatch } from './handlers';
import { otpSearch, sourceWorker } from './otp-search';
import type { Ports, Printer } from './ports';
import { Session } from './session';

export { DataFolderInUse } from '../db/instance-lock';

export const DB_FILE = 'madoguchi.sqlite';
export const DEFAULT_IDLE_LOCK_SECONDS = 300;

export interface AppOptions {
  dataDir: string;
  keys: KeyProvider;
  printer: Printer;
  now?: () => Date;
  idleLockSeconds?: number;
  /** What the person at the PC is told once (a data folder narrowed to its user); stderr by default. */
  notify?: (message: string) => void;
  /** Where unexpected errors go; by default <dataDir>/logs/errors.log and stderr. */
  errorLog?: ErrorLog;
  /** How documents are laid out as PDF; the counter's A4 layout by default. */
  renderDocument?: Ports['renderDocument'];
  /** The find-by-OTP worker's code: the host's built bundle; from source by default (tests, tsx). */
  otpSearchWorker?: { url: URL };
}

export interface App {
  dispatch: Dispatch;
  db: Db;
  close(): void;
}

/**
 * The ledger holds customer data and sealed seeds: readable by the terminal's user only. SQLite
 * creates -wal and -shm with the database file's mode, so the file exists at 0600 before it opens.
 */
function keepToOwner(file: string): void {
  if (!existsSync(file)) writeFileSync(file, '', { mode: 0o600 });
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}

/** Wires the services over one ledger file; each host builds exactly one of these. */
export function openApp(o: AppOptions): App {
  const notify = o.notify ?? ((m: string) => process.stderr.write(`madoguchi: ${m}\n`));
  for (const message of secureDataFolder(o.dataDir)) notify(message);
  // Two processes on one ledger would race for receipt numbers: the second one does not start.
  const lock = lockDataFolder(o.dataDir);
  const file = join(o.dataDir, DB_FILE);
  keepToOwner(file);
  let db: Db;
  try {
    db = openDatabase(file);
  } catch (e) {
    lock.release();
    throw e;
  }
  const key = o.keys.dataKey();
  const ports: Ports = {
    db,
    secrets: new SecretBox(key),
    now: o.now ?? (() => new Date()),
    printer: o.printer,
    renderDocument: o.renderDocument ?? renderCounterDocument,
    otpSearch: otpSearch({ file, key, worker: o.otpSearchWorker ?? sourceWorker() }),
  };
  const session = new Session(o.idleLockSeconds ?? DEFAULT_IDLE_LOCK_SECONDS);
  const close = () => {
    void ports.otpSearch.close();
    db.close();
    lock.release();
  };
  return { dispatch: createDispatch(ports, session, o.errorLog ?? fileErrorLog(o.dataDir)), db, close };
}
