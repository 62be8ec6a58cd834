/** A fake window.madoguchi for component tests: sensible answers, each channel overridable. */
import { vi } from 'vitest';
import type { MadoguchiApi, Operator, Result } from '../../services/contract';

export const BRANCH = {
  bankName: 'みなと信用金庫',
  branchCode: '001',
  branchName: '本店営業部',
  terminalNo: '03',
  invoiceRegNo: 'T1234567890123',
  nameOnDocuments: 'INITIAL' as const,
  printBranchCopy: false,
  japaneseEra: false,
  serialFormat: 'ALNUM_12' as const,
  lowStockThreshold: 20,
};

export const TELLER: Operator = { operatorId: 'T001', name: '窓口 花子', role: 'teller' };
export const MANAGER: Operator = { operatorId: 'M001', name: '役席 太郎', role: 'manager' };

const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });

/** A terminal not enrolled at the core service: the header says 本部未登録. */
export const NOT_ENROLLED = { enrolled: false, terminalId: null, coreUrl: null, pending: 0, offlineSince: null, lastSyncAt: null, openRejections: 0, blocked: null, clockWarning: null };

export function fakeApi(operator: Operator | null, overrides: Partial<MadoguchiApi> = {}, idleLockSeconds = 600) {
  const api = {
    setupStatus: vi.fn(() => ok({ initialized: true, branch: BRANCH, keyRestoreNeeded: false })),
    setupInitialize: vi.fn(() => ok({ branch: BRANCH })),
    authSession: vi.fn(() => ok({ operator, idleLockSeconds, mustChangePassword: false })),
    authLogin: vi.fn(() => ok({ operator: operator ?? TELLER, mustChangePassword: false })),
    authLogout: vi.fn(() => ok({})),
    feesQuote: vi.fn(() =>
      ok({ kind: 'HW_TOKEN_ISSUE' as const, description: 'ハードウェアトークン発行手数料', totalInclTax: 2200, net: 2000, tax: 200, taxRatePercent: 10 }),
    ),
    stockLookup: vi.fn((req: { serial: string }) =>
      ok({ serial: req.serial.normalize('NFKC').toUpperCase(), state: 'IN_STOCK' as const, stateLabel: '在庫', digits: 6 as const }),
    ),
    stockList: vi.fn(() => ok({ tokens: [], matched: 0, counts: { IN_STOCK: 3 } })),
    contractsLookup: vi.fn((req: { contractId: string }) =>
      ok({
        contractId: req.contractId.normalize('NFKC').trim(),
        maskedName: '信＊ ＊＊',
        featurePhone: true,
        currentSerial: 'OLD000000001',
        currentState: 'ISSUED' as const,
        stateLabel: '発行済',
        currentDigits: 6 as const,
        bank: null,
      }),
    ),
    journalToday: vi.fn(() => ok({ entries: [] })),
    recoveryStatus: vi.fn(() => ok({ set: true, setAt: '2026-11-01T00:00:00.000Z', setBy: 'M001' })),
    syncStatus: vi.fn(() => ok(NOT_ENROLLED)),
    // Browser mode: no system printers.
    printerSettings: vi.fn(() => ok({ settings: { printerName: '', paper: 'A4' as const, customerCopies: 1, branchCopies: 1, silent: false }, printers: null })),
    operatorsList: vi.fn(() =>
      Promise.resolve({ ok: false as const, error: { code: 'FORBIDDEN', message: 'この操作は役席者のみ行えます' } }),
    ),
    ...overrides,
  };
  window.madoguchi = api as unknown as MadoguchiApi;
  return api;
}

/** A row of the stock list as the server sends it. */
export const stockRow = (serial: string, state: 'IN_STOCK' | 'DAMAGED_IN_STOCK' | 'ISSUED', failCount = 0, digits: 6 | 8 = 6) => ({
  serial,
  state,
  algorithm: 'TOTP' as const,
  digits,
  failCount,
  batchId: 1,
  updatedAt: '2026-11-25T01:00:00.000Z',
});
