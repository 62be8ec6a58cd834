import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp, type App, type AppOptions } from '../../services/app';
import { ERROR_LOG_FILE, fileErrorLog, type ErrorReport } from '../../services/error-log';
import type { Channel, RequestOf, ResponseOf } from '../../services/contract';
import { keyFileStore } from '../../browser/key-file';
import { VIEWER_PRINTER } from '../../services/printing';
import type { Printer } from '../../services/ports';
import { SecretBox } from '../../db/sealed-secret';
import { setPassword } from '../../db/operator-repo';
import { hashPassword } from '../../services/passwords';
import { codeAt, makeOathCsv, type TestToken } from './seeds';

export const BRANCH = {
  bankName: '北見信用金庫',
  branchCode: '101',
  branchName: '本店営業部',
  terminalNo: '01',
  invoiceRegNo: 'T7000012050002',
  nameOnDocuments: 'INITIAL' as const,
  printBranchCopy: false,
  japaneseEra: false,
  serialFormat: 'ALNUM_12' as const,
  lowStockThreshold: 20,
};

/** The manager every fixture's branch is set up with, as they log in. */
export const MANAGER_LOGIN = { operatorId: 'mgr01', password: 'manager123' };

/** The manager's recovery passphrase at setup (services/key-recovery.ts). */
export const RECOVERY_PASSPHRASE = '支店の金庫は二人で開けます';
/** scrypt's N for the recovery wrapping in tests: the real cost is half a second per setup. */
export const TEST_KDF_COST = 2 ** 10;

export interface Fixture {
  app: App;
  dir: string;
  clock: { now: Date };
  tokens: TestToken[];
  /** The lines the app wrote to stderr (kept out of the test output). */
  stderr: string[];
  /** What the app wrote to <dir>/logs/errors.log. */
  errorReports(): ErrorReport[];
  /** Calls a channel and returns its value, failing the test on a refusal. */
  call<C extends Channel>(c: C, req: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Reopens the app on the same files (a restart). */
  reopen(): void;
  cleanup(): void;
  /** The data key at work, as the app has it: to open what the ledger holds sealed. */
  box: SecretBox;
}

/** A branch set up on a real SQLite file in a temp folder, a manager logged in, stock imported. */
export async function branchWithStock(
  o: { tokens?: number; printer?: Printer; renderDocument?: AppOptions['renderDocument']; sync?: AppOptions['sync']; terminalNo?: string; serialPrefix?: string } = {},
): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-test-'));
  const clock = { now: new Date('2026-11-25T01:30:00Z') };
  const make = () =>
    openApp({
      dataDir: dir,
      keys,
      printer: o.printer ?? VIEWER_PRINTER,
      now: () => clock.now,
      recoveryKdfCost: TEST_KDF_COST,
      errorLog: fileErrorLog(dir, (line) => stderr.push(line)),
      ...(o.renderDocument ? { renderDocument: o.renderDocument } : {}),
      ...(o.sync ? { sync: o.sync } : {}),
    });
  const stderr: string[] = [];
  const errorLogPath = join(dir, 'logs', ERROR_LOG_FILE);
  const keys = keyFileStore(join(dir, 'madoguchi.key'));
  const fx: Fixture = {
    app: make(),
    dir,
    clock,
    tokens: [],
    stderr,
    errorReports: () =>
      existsSync(errorLogPath)
        ? readFileSync(errorLogPath, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as ErrorReport)
        : [],
    async call(c, req) {
      const r = await fx.app.dispatch(c, req);
      if (!r.ok) throw new Error(`${c} refused: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.fieldErrors ?? {})}`);
      return r.value;
    },
    reopen() {
      fx.app.close();
      fx.app = make();
    },
    cleanup() {
      fx.app.close();
      rmSync(dir, { recursive: true, force: true });
    },
    get box() {
      return new SecretBox(keys.read()!);
    },
  };
  await fx.call('setupInitialize', { ...BRANCH, ...(o.terminalNo ? { terminalNo: o.terminalNo } : {}), managerId: MANAGER_LOGIN.operatorId, managerName: '佐藤 役席', managerPassword: MANAGER_LOGIN.password, recoveryPassphrase: RECOVERY_PASSPHRASE });
  await fx.call('authLogin', MANAGER_LOGIN);
  const { csv, tokens } = makeOathCsv(o.tokens ?? 3, o.serialPrefix);
  fx.tokens = tokens;
  await fx.call('stockImport', { fileName: 'vendor.csv', content: csv });
  return fx;
}

/**
 * An operator registered by the manager who has already replaced the first password by `password`
 * (set in the file: the first-login change itself is tested in operators.test.ts).
 */
export async function addOperator(fx: Fixture, o: RequestOf<'operatorsCreate'>): Promise<void> {
  await fx.call('operatorsCreate', o);
  setPassword(fx.app.db, o.operatorId, hashPassword(o.password), false);
}

export function issueRequest(serial: string, otp: string, overrides: Partial<RequestOf<'issue'>> = {}): RequestOf<'issue'> {
  return {
    contractId: 'C0012345',
    nameKanji: '山田 太郎',
    nameKana: 'ヤマダ タロウ',
    accountBranch: '101',
    accountSubject: '01',
    accountNumber: '1234567',
    featurePhone: false,
    identityDocument: 'DRIVERS_LICENSE',
    sealChecked: true,
    serial,
    otp,
    payment: 'CASH',
    ...overrides,
  };
}

export function counts(app: Pick<App, 'db'>) {
  const n = (sql: string) => (app.db.prepare(sql).get() as { n: number }).n;
  return {
    journalIssued: n("SELECT COUNT(*) AS n FROM journal WHERE kind = 'TOKEN_ISSUED'"),
    receipts: n('SELECT COUNT(*) AS n FROM receipts'),
    outbox: n('SELECT COUNT(*) AS n FROM outbox'),
    contracts: n('SELECT COUNT(*) AS n FROM contracts'),
    issuedTokens: n("SELECT COUNT(*) AS n FROM tokens WHERE state = 'ISSUED'"),
  };
}

export interface ContractFixture extends Fixture {
  /** The token contract C0012345 holds. */
  old: TestToken;
  /** Tokens still in stock. */
  stock: TestToken[];
}

/** A branch where contract C0012345 holds token 0 (feature phone or not), issued 90 s ago; the other tokens are in stock. */
export async function branchWithContract(featurePhone = false): Promise<ContractFixture> {
  const fx = await branchWithStock({ tokens: 4 });
  const [old, ...stock] = fx.tokens as [TestToken, ...TestToken[]];
  await fx.call('issue', issueRequest(old.serial, codeAt(old, fx.clock.now), { featurePhone }));
  // The customer comes back a while later with the token.
  fx.clock.now = new Date(fx.clock.now.getTime() + 90_000);
  return Object.assign(fx, { old, stock });
}

export const NO_SYMPTOMS = { faultMark: false, batteryLowMark: false, physicalDamage: false };

export function tokenState(f: Fixture, serial: string): string {
  return (f.app.db.prepare('SELECT state FROM tokens WHERE serial = ?').get(serial) as { state: string }).state;
}

/** The n of a `SELECT COUNT(*) AS n …`. */
export function countOf(f: Fixture, sql: string): number {
  return (f.app.db.prepare(sql).get() as { n: number }).n;
}
