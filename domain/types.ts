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

export type OtpAlgorithm = 'HOTP' | 'TOTP';
export type OtpHash = 'SHA1' | 'SHA256' | 'SHA512';

/** What a seed says about how a token makes its codes (the secret itself travels separately). */
export interface OtpParams {
  algorithm: OtpAlgorithm;
  hash: OtpHash;
  digits: 6 | 8;
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

export type FeeKind = 'HW_TOKEN_ISSUE' | 'HW_TOKEN_REISSUE' | 'HW_TOKEN_EXCHANGE';
export type PaymentMethod = 'CASH' | 'ACCOUNT_DEBIT' | 'NONE';

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
