/** Token states, as in DOMAIN.md's graph. */
export const TOKEN_STATES = [
  'IN_STOCK',
  'ISSUED',
  'ACTIVE',
  'EXCHANGED',
  'RETURNED_TO_VENDOR',
  'LOST',
  'SUSPENDED',
  'DAMAGED_IN_STOCK',
  'DISPOSED',
] as const;
export type TokenState = (typeof TOKEN_STATES)[number];

export const ROLES = ['teller', 'manager'] as const;
export type Role = (typeof ROLES)[number];
/** Who did something: every journal entry and every printed document names the operator. */
export interface Operator {
  operatorId: string;
  name: string;
  role: Role;
}
export const ROLE_LABELS: Record<Role, string> = { teller: '係', manager: '役席' };

export const OTP_ALGORITHMS = ['HOTP', 'TOTP'] as const;
export type OtpAlgorithm = (typeof OTP_ALGORITHMS)[number];
export const OTP_ALGORITHM_LABELS: Record<OtpAlgorithm, string> = { TOTP: 'TOTP（時刻同期）', HOTP: 'HOTP（イベント同期）' };
export const OTP_HASHES = ['SHA1', 'SHA256', 'SHA512'] as const;
export type OtpHash = (typeof OTP_HASHES)[number];
/** How many digits a token shows: 6 for this bank's tokens; vendors ship 8 too (RFC 4226 allows 6–8). */
export const OTP_DIGITS = [6, 8] as const;
export type OtpDigits = (typeof OTP_DIGITS)[number];

/** What a seed says about how a token makes its codes (the secret itself travels separately). */
export interface OtpParams {
  algorithm: OtpAlgorithm;
  hash: OtpHash;
  digits: OtpDigits;
  /** TOTP time step in seconds (30 or 60). */
  period: number;
  /** HOTP moving factor the token is expected to show next. */
  counter: number;
}

/** Per-token verification memory: what was last accepted, and how often it failed since. */
export interface OtpMemory {
  /** Last accepted HOTP counter or TOTP time step; -1 before the first success. */
  lastStep: number;
  failCount: number;
  /** Learned TOTP drift in steps (token clock minus ours). */
  driftSteps: number;
}

/** What a fee is charged for: one kind per counter act that can cost something. */
export const FEE_KINDS = ['HW_TOKEN_ISSUE', 'HW_TOKEN_REISSUE', 'HW_TOKEN_EXCHANGE'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];
/** How a fee is paid at the counter; a free act has no payment. */
export const PAYMENT_METHODS = ['CASH', 'ACCOUNT_DEBIT'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_LABELS: Record<PaymentMethod, string> = { CASH: '現金', ACCOUNT_DEBIT: '口座振替' };

/** One row of the effective-dated fee table: the published tax-included price. */
export interface FeeRule {
  kind: FeeKind;
  /** First day (JST, YYYY-MM-DD) the rule applies. */
  effectiveFrom: string;
  totalInclTax: number;
  taxRatePercent: number;
  description: string;
}

export interface FeeQuote {
  kind: FeeKind;
  description: string;
  totalInclTax: number;
  net: number;
  tax: number;
  taxRatePercent: number;
}

/** A hardware token application form as the teller enters it (already normalised). */
export interface ApplicationForm {
  contractId: string;
  nameKanji: string;
  nameKana: string;
  account: { branchCode: string; subject: AccountSubject; number: string };
  featurePhone: boolean;
  identityDocument: IdentityDocument;
  sealChecked: boolean;
}

export const ACCOUNT_SUBJECTS = { '01': '普通', '02': '当座', '04': '貯蓄' } as const;
export type AccountSubject = keyof typeof ACCOUNT_SUBJECTS;

/** The identity document type only: the 12-digit individual number is never stored. */
export const IDENTITY_DOCUMENTS = {
  DRIVERS_LICENSE: '運転免許証',
  MY_NUMBER_CARD: 'マイナンバーカード',
  PASSPORT: 'パスポート',
  HEALTH_INSURANCE: '健康保険証',
  RESIDENCE_CARD: '在留カード',
  OTHER: 'その他',
} as const;
export type IdentityDocument = keyof typeof IDENTITY_DOCUMENTS;
