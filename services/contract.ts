/**
 * The one API between the screen and the rest of madoguchi. Each entry names a channel,
 * the request schema (checked at run time by both hosts) and the response schema (the type
 * the renderer receives). Both hosts mount exactly this table; see handlers.ts.
 */
import { z } from 'zod';
import { APPROVAL_KINDS, APPROVAL_STATES } from '../domain/approvals';
import { EXCHANGE_REASONS, REISSUE_REASONS } from '../domain/counter-rules';
import { JOURNAL_GROUPS } from '../domain/journal-kinds';
import { NAME_ON_DOCUMENTS } from '../domain/masking';
import { COPIES, PAPER_SIZES, type PrinterSettings as DomainPrinterSettings, type PrintOutcome as DomainPrintOutcome, type SystemPrinter as DomainSystemPrinter } from '../domain/printing';
import {
  FEE_KINDS,
  OTP_ALGORITHMS,
  OTP_DIGITS,
  PAYMENT_METHODS,
  ROLES,
  TOKEN_STATES,
  type FeeQuote as DomainFeeQuote,
  type Operator as DomainOperator,
} from '../domain/types';
import { DEFAULT_SERIAL_FORMAT, SERIAL_FORMATS, type Branch as DomainBranch } from '../domain/validation';

const text = (max: number) => z.string().max(max);

const Payment = z.enum(PAYMENT_METHODS);
const TokenState = z.enum(TOKEN_STATES);
const Digits = z.union(OTP_DIGITS.map((d) => z.literal(d)) as [z.ZodLiteral<6>, z.ZodLiteral<8>]);

export const Operator = z.object({
  operatorId: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
}) satisfies z.ZodType<DomainOperator>;
export type Operator = z.infer<typeof Operator>;

export const Branch = z.object({
  bankName: z.string(),
  branchCode: z.string(),
  branchName: z.string(),
  terminalNo: z.string(),
  invoiceRegNo: z.string(),
  nameOnDocuments: z.enum(NAME_ON_DOCUMENTS),
  /** Print a branch copy (店舗控) of each receipt and slip besides the customer's. */
  printBranchCopy: z.boolean(),
  /** Print dates with the 和暦 year too: 2026年（令和8年）11月25日. */
  japaneseEra: z.boolean(),
  /** How the tokens' serials are written (domain/validation.ts SERIAL_RULES). */
  serialFormat: z.enum(SERIAL_FORMATS),
  /** 概況 warns when fewer tokens than this are in stock. */
  lowStockThreshold: z.number(),
}) satisfies z.ZodType<DomainBranch>;
export type Branch = z.infer<typeof Branch>;

const Empty = z.object({}).strict();

// The range is the domain's rule (validatePrinterSettings), so that a wrong count gets its field's message.
const Copies = z.number().int();
export const PrinterSettings = z.object({
  printerName: text(200),
  paper: z.enum(PAPER_SIZES),
  customerCopies: Copies,
  branchCopies: Copies,
  silent: z.boolean(),
}) satisfies z.ZodType<DomainPrinterSettings>;
export type PrinterSettings = z.infer<typeof PrinterSettings>;

const SystemPrinter = z.object({ name: z.string(), displayName: z.string() }) satisfies z.ZodType<DomainSystemPrinter>;

export const PrintOutcome = z.discriminatedUnion('state', [
  z.object({ state: z.literal('printed'), copies: z.number() }),
  z.object({ state: z.literal('failed'), cancelled: z.boolean(), reason: z.string() }),
  z.object({ state: z.literal('viewer') }),
]) satisfies z.ZodType<DomainPrintOutcome>;
export type PrintOutcome = z.infer<typeof PrintOutcome>;

export const SetupRequest = z.object({
  bankName: text(60),
  branchCode: text(10),
  branchName: text(60),
  terminalNo: text(10),
  invoiceRegNo: text(20),
  nameOnDocuments: z.enum(NAME_ON_DOCUMENTS),
  serialFormat: z.enum(SERIAL_FORMATS).default(DEFAULT_SERIAL_FORMAT),
  managerId: text(20),
  managerName: text(40),
  managerPassword: text(200),
  /** Wraps the data key for a new PC; a manager holds it (services/key-recovery.ts). */
  recoveryPassphrase: text(200),
});
export type SetupRequest = z.infer<typeof SetupRequest>;

export const IssueRequest = z.object({
  contractId: text(40),
  nameKanji: text(60),
  nameKana: text(80),
  accountBranch: text(10),
  accountSubject: text(4),
  accountNumber: text(20),
  featurePhone: z.boolean(),
  identityDocument: text(30),
  sealChecked: z.boolean(),
  serial: text(40),
  otp: text(20),
  payment: Payment,
  /** A second person's approval (検印) that this contract pays no fee. */
  feeWaiverApprovalId: z.number().int().positive().optional(),
});
export type IssueRequest = z.infer<typeof IssueRequest>;

/** 交換 (故障・破損・電池切れ): the old token is handed in, a new one from stock, fee 0. */
export const ExchangeRequest = z.object({
  contractId: text(40),
  identityDocument: text(30),
  reason: z.enum(EXCHANGE_REASONS),
  oldSerial: text(40),
  symptoms: z.object({ faultMark: z.boolean(), batteryLowMark: z.boolean(), physicalDamage: z.boolean() }),
  /** The old token's code, where it still shows one (battery low); empty when it cannot. */
  oldOtp: text(20).default(''),
  newSerial: text(40),
  newOtp: text(20),
});
export type ExchangeRequest = z.input<typeof ExchangeRequest>;

/** 紛失・盗難: nothing handed in, the old serial is stopped, a paid reissue. */
export const ReissueRequest = z.object({
  contractId: text(40),
  identityDocument: text(30),
  reason: z.enum(REISSUE_REASONS),
  newSerial: text(40),
  newOtp: text(20),
  payment: Payment,
  feeWaiverApprovalId: z.number().int().positive().optional(),
});
export type ReissueRequest = z.input<typeof ReissueRequest>;

/** 利用中止届 (携帯電話のお客さま): the serial must be the contract's; final. */
export const SuspendRequest = z.object({
  contractId: text(40),
  identityDocument: text(30),
  serial: text(40),
});
export type SuspendRequest = z.input<typeof SuspendRequest>;

export const ContractSummary = z.object({
  contractId: z.string(),
  maskedName: z.string(),
  featurePhone: z.boolean(),
  currentSerial: z.string().nullable(),
  currentState: TokenState.nullable(),
  stateLabel: z.string().nullable(),
  /** How many digits the current token shows; null where its seed is not here (issued at another branch). */
  currentDigits: Digits.nullable(),
  /** The bank's word on the contract and its token is as of `asOf` (the last pull); offline: the bank cannot be reached now. Null: not enrolled. */
  bank: z.object({ asOf: z.string().nullable(), offline: z.boolean() }).nullable(),
});

/** The header's 同期済み / 未送信 N件 / オフライン（HH:MM から） / 要対応 N件. */
export const SyncStatus = z.object({
  enrolled: z.boolean(),
  terminalId: z.string().nullable(),
  coreUrl: z.string().nullable(),
  pending: z.number(),
  offlineSince: z.string().nullable(),
  lastSyncAt: z.string().nullable(),
  openRejections: z.number(),
  /** A refusal retrying does not cure (a revoked terminal, a broken chain). */
  blocked: z.object({ code: z.string(), message: z.string() }).nullable(),
  clockWarning: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** A business conflict the bank recorded against one of this terminal's entries, and what to do about it. */
export const SyncRejection = z.object({
  seq: z.number(),
  serial: z.string().nullable(),
  kind: z.string(),
  code: z.string(),
  message: z.string(),
  advice: z.string(),
  recordedAt: z.string(),
  occurredAt: z.string(),
  receiptNo: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type SyncRejection = z.infer<typeof SyncRejection>;

const CounterDone = { receiptNo: z.string(), acceptedAt: z.string() };

export const StockToken = z.object({
  serial: z.string(),
  state: TokenState,
  algorithm: z.enum(OTP_ALGORITHMS),
  digits: Digits,
  failCount: z.number(),
  batchId: z.number(),
  updatedAt: z.string(),
});
export type StockToken = z.infer<typeof StockToken>;

export const JournalLine = z.object({
  seq: z.number(),
  occurredAt: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  /** What the entry is about (counter transaction, refused attempt, reprint …); null for a kind this version does not know. */
  group: z.enum(JOURNAL_GROUPS).nullable(),
  /** What a manager reads beside the kind (why an attempt was refused, which copy was reprinted …), worded by the server. */
  detail: z.string().nullable(),
  operatorId: z.string(),
  receiptNo: z.string().nullable(),
  serial: z.string().nullable(),
  contractId: z.string().nullable(),
  amount: z.number().nullable(),
  /** How a fee was paid, where one was. */
  payment: Payment.nullable(),
});
export type JournalLine = z.infer<typeof JournalLine>;

export const Glance = z.object({
  /** The acts the chart shows, in order, with their labels. */
  acts: z.array(z.object({ kind: z.string(), label: z.string() })),
  /** Oldest first, today last (days in Japan): how many of each act. */
  days: z.array(z.object({ day: z.string(), counts: z.record(z.string(), z.number()) })),
  stock: z.object({
    counts: z.array(z.object({ state: TokenState, label: z.string(), n: z.number() })),
    inStock: z.number(),
    threshold: z.number(),
    low: z.boolean(),
  }),
  /** Live tokens handed out before `issuedBefore` (4½ years ago), oldest first; masked contract and name. */
  battery: z.object({
    issuedBefore: z.string(),
    /** How many, counted up to a limit; `more`: there are more than that. */
    counted: z.number(),
    more: z.boolean(),
    tokens: z.array(
      z.object({ serial: z.string(), state: TokenState, stateLabel: z.string(), issuedAt: z.string(), contractId: z.string().nullable(), name: z.string().nullable() }),
    ),
  }),
});
export type Glance = z.infer<typeof Glance>;

export const FeeQuote = z.object({
  kind: z.enum(FEE_KINDS),
  description: z.string(),
  totalInclTax: z.number(),
  net: z.number(),
  tax: z.number(),
  taxRatePercent: z.number(),
}) satisfies z.ZodType<DomainFeeQuote>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);
export const LogQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  operatorId: text(40).optional(),
  group: z.enum(JOURNAL_GROUPS).optional(),
  kind: text(40).optional(),
  serial: text(40).optional(),
  contractId: text(40).optional(),
  receiptNo: text(40).optional(),
  before: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
export type LogQuery = z.infer<typeof LogQuery>;

export const LogEntry = z.object({
  line: JournalLine,
  contract: z.object({ contractId: z.string(), nameKanji: z.string(), nameKana: z.string(), account: z.string(), featurePhone: z.boolean() }).nullable(),
  payload: z.string(),
  format: z.number(),
  hash: z.string(),
  prevHash: z.string(),
  linkHolds: z.boolean(),
  receipt: z
    .object({
      receiptNo: z.string(),
      sha256: z.string(),
      pdfBase64: z.string(),
      prints: z.array(z.object({ printedAt: z.string(), operatorId: z.string(), copy: z.string(), copies: z.number(), reprint: z.boolean() })),
      printCount: z.number(),
    })
    .nullable(),
  approvals: z.array(z.object({ id: z.number(), kind: z.string(), state: z.string(), reason: z.string(), requestedBy: z.string(), decidedBy: z.string().nullable() })),
});
export type LogEntry = z.infer<typeof LogEntry>;

export const Approval = z.object({
  id: z.number(),
  kind: z.enum(APPROVAL_KINDS),
  kindLabel: z.string(),
  subject: z.string(),
  reason: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  state: z.enum(APPROVAL_STATES),
  stateLabel: z.string(),
});
export type Approval = z.infer<typeof Approval>;

const Amount = z.number();
export const DayStatus = z.object({
  businessDate: z.string(),
  /** When the first entry of the day was made; null before any. */
  from: z.string().nullable(),
  figures: z.object({
    acts: z.array(z.object({ kind: z.string(), label: z.string(), count: z.number(), amount: Amount })),
    byPayment: z.record(Payment, Amount),
    taxes: z.array(z.object({ ratePercent: z.number(), totalInclTax: Amount, tax: Amount })),
    refunds: z.object({ count: z.number(), amount: Amount }),
    transactions: z.number(),
    expectedCash: Amount,
  }),
  expectedStock: z.partialRecord(TokenState, z.number()),
  collected: z.number(),
  pendingApprovals: z.number(),
  operators: z.array(z.string()),
  lastClosed: z.string().nullable(),
});
export type DayStatus = z.infer<typeof DayStatus>;

/**
 * Who may call a channel: anyone (before login); a logged-in operator, even one who must first change
 * a password a manager set ('self': changing it); any logged-in operator; or a manager.
 */
export type Access = 'public' | 'self' | 'operator' | 'manager';

/** Whether the data key can be restored on a new PC, and since when and by whom. */
const RecoveryStatus = z.object({ set: z.boolean(), setAt: z.string().nullable(), setBy: z.string().nullable() });

function channel<Req extends z.ZodType, Res extends z.ZodType>(access: Access, req: Req, res: Res) {
  return { access, req, res };
}

export const contract = {
  /** keyRestoreNeeded: the ledger is set up, but this PC lacks its data key (a new PC, a reset Windows profile). */
  setupStatus: channel('public', Empty, z.object({ initialized: z.boolean(), branch: Branch.nullable(), keyRestoreNeeded: z.boolean() })),
  setupInitialize: channel('public', SetupRequest, z.object({ branch: Branch })),
  branchUpdateSettings: channel(
    'manager',
    z.object({
      nameOnDocuments: z.enum(NAME_ON_DOCUMENTS).optional(),
      printBranchCopy: z.boolean().optional(),
      japaneseEra: z.boolean().optional(),
      serialFormat: z.enum(SERIAL_FORMATS).optional(),
      lowStockThreshold: z.number().int().min(0).max(100_000).optional(),
    }),
    z.object({ branch: Branch }),
  ),

  authSession: channel('public', Empty, z.object({ operator: Operator.nullable(), idleLockSeconds: z.number(), mustChangePassword: z.boolean() })),
  authLogin: channel('public', z.object({ operatorId: text(40), password: text(200) }), z.object({ operator: Operator, mustChangePassword: z.boolean() })),
  authChangePassword: channel('self', z.object({ currentPassword: text(200), newPassword: text(200) }), z.object({})),
  authLogout: channel('public', Empty, z.object({})),

  /** Answered only while the ledger waits for its key: nobody can log in before (services/key-recovery.ts). */
  keyRestore: channel('public', z.object({ passphrase: text(200) }), z.object({})),
  recoveryStatus: channel('manager', Empty, RecoveryStatus),
  recoverySetPassphrase: channel('manager', z.object({ passphrase: text(200) }), RecoveryStatus),

  operatorsList: channel(
    'manager',
    Empty,
    z.object({
      operators: z.array(Operator.extend({ locked: z.boolean(), failedAttempts: z.number(), mustChangePassword: z.boolean(), retiredAt: z.string().nullable() })),
    }),
  ),
  operatorsCreate: channel(
    'manager',
    z.object({ operatorId: text(40), name: text(40), role: z.enum(ROLES), password: text(200) }),
    z.object({ operator: Operator }),
  ),
  operatorsUnlock: channel('manager', z.object({ operatorId: text(40) }), z.object({})),
  operatorsResetPassword: channel('manager', z.object({ operatorId: text(40), password: text(200) }), z.object({})),
  operatorsChangeRole: channel('manager', z.object({ operatorId: text(40), role: z.enum(ROLES) }), z.object({ operator: Operator })),
  operatorsRetire: channel('manager', z.object({ operatorId: text(40) }), z.object({ retiredAt: z.string() })),

  feesQuote: channel('operator', z.object({ kind: z.enum(FEE_KINDS) }), FeeQuote),

  stockImport: channel(
    'manager',
    z.object({
      fileName: text(255),
      content: z.string().max(20_000_000),
      /** PSKC files encrypted under the vendor's pre-shared AES key: 32, 48 or 64 hex digits (AES-128/192/256). */
      preSharedKeyHex: text(80).optional(),
      /** Password-protected PSKC files (RFC 6030 §6.2, PBKDF2): the password the vendor sent separately. */
      password: text(256).optional(),
    }),
    z.object({ batchId: z.number(), count: z.number(), format: z.string(), sha256: z.string() }),
  ),
  stockList: channel(
    'operator',
    z.object({ state: TokenState.optional(), serial: text(40).optional() }),
    z.object({ tokens: z.array(StockToken), matched: z.number(), counts: z.record(z.string(), z.number()) }),
  ),
  stockLookup: channel(
    'operator',
    z.object({ serial: text(40) }),
    z.object({ serial: z.string(), state: TokenState, stateLabel: z.string(), digits: Digits }),
  ),

  stockFindByOtp: channel(
    'operator',
    z.object({ otp: text(20), state: TokenState.optional() }),
    z.object({ matches: z.array(z.object({ serial: z.string(), state: TokenState, stateLabel: z.string() })), searched: z.number() }),
  ),
  stockMarkDamaged: channel('manager', z.object({ serial: text(40), note: text(200) }), z.object({ serial: z.string(), state: TokenState })),
  stockDispose: channel('manager', z.object({ serial: text(40), note: text(200) }), z.object({ serial: z.string(), state: TokenState })),
  stockResync: channel(
    'manager',
    z.object({ serial: text(40), otp1: text(20), otp2: text(20) }),
    z.object({ serial: z.string(), driftSteps: z.number() }),
  ),

  returnsCollected: channel(
    'manager',
    Empty,
    z.object({ tokens: z.array(z.object({ serial: z.string(), contractId: z.string().nullable(), collectedAt: z.string() })) }),
  ),
  returnsCreateBatch: channel(
    'manager',
    z.object({ serials: z.array(text(40)).min(1).max(1000) }),
    z.object({ batchId: z.number(), count: z.number(), pdfBase64: z.string() }),
  ),

  issue: channel(
    'operator',
    IssueRequest,
    z.object({ receiptNo: z.string(), acceptedAt: z.string(), serial: z.string(), fee: FeeQuote }),
  ),

  contractsLookup: channel('operator', z.object({ contractId: text(40) }), ContractSummary),
  exchange: channel(
    'operator',
    ExchangeRequest,
    z.object({ ...CounterDone, oldSerial: z.string(), newSerial: z.string(), fee: FeeQuote }),
  ),
  reissue: channel(
    'operator',
    ReissueRequest,
    z.object({ ...CounterDone, lostSerial: z.string(), newSerial: z.string(), fee: FeeQuote }),
  ),
  suspend: channel('operator', SuspendRequest, z.object({ ...CounterDone, serial: z.string() })),

  receiptsOpen: channel(
    'operator',
    z.object({
      receiptNo: text(40),
      reprint: z.boolean(),
      copy: z.enum(COPIES).default('customer'),
      /** A second person's approval for a reprint after the first. */
      approvalId: z.number().int().positive().optional(),
    }),
    /** printCount: the prints of this copy that went through, this one included if it did. */
    z.object({ pdfBase64: z.string(), print: PrintOutcome, printCount: z.number() }),
  ),

  /** The terminal's printer (役席). printers: the system's list; null in browser mode, where the browser's viewer prints. */
  printerSettings: channel('manager', Empty, z.object({ settings: PrinterSettings, printers: z.array(SystemPrinter).nullable() })),
  printerSettingsUpdate: channel('manager', PrinterSettings, z.object({ settings: PrinterSettings })),
  /** A test page with the settings on the screen, saved or not. */
  printerTestPage: channel('manager', PrinterSettings, z.object({ pdfBase64: z.string(), print: PrintOutcome })),

  journalToday: channel('operator', Empty, z.object({ entries: z.array(JournalLine) })),

  /** 概況 (manager): the last 30 days per act, stock against the low-stock threshold, tokens near the end of their battery. */
  glance: channel('manager', Empty, Glance),

  // Public: the header asks every few seconds, and asking must not keep an idle session open.
  syncStatus: channel('public', Empty, SyncStatus),
  syncNow: channel('operator', Empty, SyncStatus),
  syncEnrol: channel('manager', z.object({ coreUrl: text(200), code: text(64) }), SyncStatus),
  syncRejections: channel('manager', Empty, z.object({ rejections: z.array(SyncRejection) })),
  syncResolveRejection: channel('manager', z.object({ seq: z.number().int(), serial: text(40).nullable(), resolution: text(200) }), z.object({})),

  /** 検印: any operator asks; a manager other than the maker decides with their own ID and password, on this terminal. */
  approvalsRequest: channel(
    'operator',
    z.object({ kind: z.enum(APPROVAL_KINDS), subject: text(200), reason: text(400) }),
    z.object({ id: z.number(), kind: z.enum(APPROVAL_KINDS), state: z.enum(APPROVAL_STATES) }),
  ),
  approvalsList: channel('manager', Empty, z.object({ approvals: z.array(Approval) })),
  approvalsDecide: channel(
    'operator',
    z.object({ id: z.number().int().positive(), approverId: text(40), password: text(200), approve: z.boolean(), note: text(400).optional() }),
    z.object({
      id: z.number(),
      state: z.enum(APPROVAL_STATES),
      /** What a granted approval did: e.g. a void's own receipt (receiptNo). */
      result: z.record(z.string(), z.unknown()),
    }),
  ),

  /** 日計・締め (manager). */
  dayStatus: channel('manager', Empty, DayStatus),
  dayClose: channel(
    'manager',
    z.object({
      countedCash: z.number().int().min(0).max(1_000_000_000),
      cashReason: text(400).optional(),
      countedStock: z.partialRecord(TokenState, z.number().int().min(0).max(10_000_000)),
      stockReason: text(400).optional(),
    }),
    z.object({ businessDate: z.string(), cashDifference: z.number(), pdfBase64: z.string() }),
  ),
  dayReport: channel('manager', z.object({ businessDate: text(10) }), z.object({ pdfBase64: z.string() })),

  /** The issuance log over the whole journal (manager): a page at a time, newest first, personal data masked. */
  logSearch: channel('manager', LogQuery, z.object({ entries: z.array(JournalLine), next: z.number().nullable() })),
  /** One entry whole, the contract unmasked; the view is journalled. */
  logEntry: channel('manager', z.object({ seq: z.number().int().positive() }), LogEntry),
  /** Long work with progress: the filtered log exported, or the ledger's chain checked. */
  logExportStart: channel('manager', LogQuery.extend({ format: z.enum(['csv', 'pdf']) }), z.object({ jobId: z.number() })),
  ledgerVerifyStart: channel('manager', Empty, z.object({ jobId: z.number() })),
  jobStatus: channel(
    'manager',
    z.object({ jobId: z.number().int().positive() }),
    z.object({
      state: z.enum(['running', 'done', 'failed']),
      done: z.number(),
      total: z.number(),
      message: z.string().nullable(),
      file: z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() }).nullable(),
      verdict: z.object({ ok: z.boolean(), entries: z.number(), brokenAt: z.number().optional(), reason: z.string().optional(), receiptsChecked: z.boolean().optional() }).nullable(),
    }),
  ),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['req']>;
export type ResponseOf<C extends Channel> = z.infer<Contract[C]['res']>;

/** What every call resolves to: a value, or a refusal worded for the teller. */
export type ApiError = {
  code: string;
  message: string;
  /** Field name → message, for errors that belong to form inputs. */
  fieldErrors?: Record<string, string>;
};
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The object the renderer sees as `window.madoguchi`: one method per channel. */
export type MadoguchiApi = { [C in Channel]: (req: RequestOf<C>) => Promise<Result<ResponseOf<C>>> };

/*
 * What the screen shares with the services beyond the API: the domain's vocabularies (with their
 * labels) and the pure form rules, so that a screen checks input with the very rule the server
 * applies. The renderer imports these from here, never from the domain directly.
 */
export { APPROVAL_KIND_LABELS, APPROVAL_STATE_LABELS, validateReason } from '../domain/approvals';
export type { ApprovalKind } from '../domain/approvals';
export { DomainError, FieldCheck } from '../domain/errors';
export { EXCHANGE_REASONS, EXCHANGE_REASON_LABELS, REISSUE_REASONS, REISSUE_REASON_LABELS, checkSuspensionByForm, checkSymptoms, isExchangeReason } from '../domain/counter-rules';
export type { ExchangeReason, ReissueReason } from '../domain/counter-rules';
export { checkClose } from '../domain/day-figures';
export { formatJstDate, formatJstDateTime, formatJstTime, formatYen, jstDate } from '../domain/format';
export { BATTERY_OFFER_AGE, formatAge, GLANCE_DAYS } from '../domain/glance';
export { branchCorrection, CORRECTABLE_FIELD_LABELS, describeCorrection, parseCorrectionSubject } from '../domain/branch-correction';
export { JOURNAL_GROUP_LABELS, JOURNAL_GROUPS, JOURNAL_KINDS, journalKindLabel, isCounterKind } from '../domain/journal-kinds';
export type { JournalGroup } from '../domain/journal-kinds';
export { NAME_ON_DOCUMENTS, NAME_ON_DOCUMENTS_LABELS } from '../domain/masking';
export { COPIES, COPY_LABELS, describePrinterSettings, MAX_COPIES, PAPER_LABELS, PAPER_SIZES, printFailureMessage, validatePrinterSettings } from '../domain/printing';
export type { Copy, PaperSize } from '../domain/printing';
export type { NameOnDocuments } from '../domain/masking';
export { MAX_OTP_DIGITS, otpDigitsText, validateOtpFormat } from '../domain/otp-format';
export { LIVE_STATES, TOKEN_STATE_LABELS, canTransition, isLive } from '../domain/token-lifecycle';
export {
  ACCOUNT_SUBJECTS,
  IDENTITY_DOCUMENTS,
  OTP_ALGORITHM_LABELS,
  PAYMENT_LABELS,
  PAYMENT_METHODS,
  ROLES,
  ROLE_LABELS,
  TOKEN_STATES,
} from '../domain/types';
export type { AccountSubject, IdentityDocument, OtpDigits, PaymentMethod, Role, TokenState } from '../domain/types';
export {
  DEFAULT_SERIAL_FORMAT,
  formatSerial,
  normalizeInput,
  normalizeSerial,
  PASSWORD_POLICY,
  SERIAL_FORMATS,
  SERIAL_RULES,
  RECOVERY_PASSPHRASE_POLICY,
  toFullWidthKatakana,
  validateApplicationForm,
  validateOperatorId,
  validateOperatorName,
  validatePassword,
  validateRecoveryPassphrase,
  validateSerial,
  validateSetup,
} from '../domain/validation';
export type { SerialFormat } from '../domain/validation';
