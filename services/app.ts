import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockDataFolder } from '../db/instance-lock';
import { MIGRATIONS } from '../db/migrations';
import { openDatabase, type Db } from '../db/open';
import { SecretBox, type KeyStore } from '../db/sealed-secret';
import { renderCounterDocument } from '../templates/counter-document';
import { fileErrorLog, type ErrorLog } from './error-log';
import { secureDataFolder } from './data-dir';
import { DataKey } from './data-key';
import { createDispatch, type Dispatch } from './handlers';
import { openingKey, RECOVERY_SCRYPT_N, restoreDispatch } from './key-recovery';
import { otpSearch, sourceWorker } from './otp-search';
import type { Ports, Printer } from './ports';
import { Session } from './session';
import { TerminalSync, type SyncOptions } from './sync';

export { DataFolderInUse } from '../db/instance-lock';

export const DB_FILE = 'madoguchi.sqlite';
export const DEFAULT_IDLE_LOCK_SECONDS = 300;

export interface AppOptions {
  dataDir: string;
  /** Where this PC keeps the data key; a ledger set up elsewhere asks for its recovery passphrase. */
  keys: KeyStore;
  printer: Printer;
  now?: () => Date;
  idleLockSeconds?: number;
  /** What the person at the PC is told once (a data folder narrowed to its user); stderr by default. */
  notify?: (message: string) => void;
  /** scrypt's N for a new recovery wrapping; tests lower it (a wrapping records its own). */
  recoveryKdfCost?: number;
  /** Where unexpected errors go; by default <dataDir>/logs/errors.log and stderr. */
  errorLog?: ErrorLog;
  /** How documents are laid out as PDF; the counter's A4 layout by default. */
  renderDocument?: Ports['renderDocument'];
  /** The find-by-OTP worker's code: the host's built bundle; from source by default (tests, tsx). */
  otpSearchWorker?: { url: URL };
  /** The sync with the core service (tests: a line that can fail, quicker waits). */
  sync?: SyncOptions;
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

/** The ledger and the key it opens with (null: it waits for its recovery passphrase); closed again when it cannot be opened here. */
function openLedger(file: string, keys: KeyStore): { db: Db; opening: ReturnType<typeof openingKey> } {
  const kept = keys.read();
  // Migration 7 seals what a ledger written before it holds in the clear: it needs the key.
  const db = openDatabase(file, MIGRATIONS, kept ? new SecretBox(kept) : undefined);
  try {
    return { db, opening: openingKey(db, kept) };
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Wires the services over one ledger file; each host builds exactly one of these. */
export function openApp(o: AppOptions): App {
  const notify = o.notify ?? ((m: string) => process.stderr.write(`madoguchi: ${m}\n`));
  for (const message of secureDataFolder(o.dataDir)) notify(message);
  // Two processes on one ledger would race for receipt numbers: the second one does not start.
  const lock = lockDataFolder(o.dataDir);
  const file = join(o.dataDir, DB_FILE);
  keepToOwner(file);
  let ledger: ReturnType<typeof openLedger>;
  try {
    ledger = openLedger(file, o.keys);
  } catch (e) {
    lock.release();
    throw e;
  }
  const { db } = ledger;
  const now = o.now ?? (() => new Date());
  const errors = o.errorLog ?? fileErrorLog(o.dataDir);
  const session = new Session(o.idleLockSeconds ?? DEFAULT_IDLE_LOCK_SECONDS);
  // Everything that needs the data key; a ledger waiting for its key starts it once the key is restored.
  const start = (key: Buffer, kept: boolean) => {
    const secrets = new SecretBox(key);
    const sync = new TerminalSync(db, secrets, now, o.sync);
    const ports: Ports = {
      db,
      secrets,
      now,
      printer: o.printer,
      renderDocument: o.renderDocument ?? renderCounterDocument,
      otpSearch: otpSearch({ file, key, worker: o.otpSearchWorker ?? sourceWorker() }),
      dataKey: new DataKey(key, o.keys, kept, o.recoveryKdfCost ?? RECOVERY_SCRYPT_N),
      sync,
    };
    const handled = createDispatch(ports, session, errors);
    // The background sync: its network waits are async and its SQLite writes short, so it never holds a call for long.
    sync.start();
    const dispatch: Dispatch = async (channel, raw) => {
      const answer = await handled(channel, raw);
      sync.nudge();
      return answer;
    };
    const close = () => {
      void sync.close();
      void ports.otpSearch.close();
    };
    return { dispatch, close };
  };
  let running = ledger.opening ? start(ledger.opening.key, ledger.opening.kept) : null;
  const restoring = restoreDispatch(db, o.keys, now, errors, (key) => {
    running = start(key, true);
  });
  const dispatch = ((channel, raw) => (running ? running.dispatch(channel, raw) : restoring(channel, raw))) as Dispatch;
  const close = () => {
    running?.close();
    db.close();
    lock.release();
  };
  return { dispatch, db, close };
}
