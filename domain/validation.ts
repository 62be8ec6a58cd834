/**
 * Form rules for the counter screens. Japanese input is normalised first (NFKC: full-width
 * digits and letters become half-width), then checked; every refusal names the form field
 * and says in plain Japanese what to fix.
 */
import { FieldCheck, refuse, type FieldErrors } from './errors';
import {
  ACCOUNT_SUBJECTS,
  IDENTITY_DOCUMENTS,
  type AccountSubject,
  type ApplicationForm,
  type IdentityDocument,
} from './types';
import type { NameOnDocuments } from './masking';

export type { FieldErrors };
export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** NFKC + trim (full-width spaces too): " ＡＢ１２３ " → "AB123". */
export function normalizeInput(s: string): string {
  return s.normalize('NFKC').trim();
}

/** Number of characters as a person counts them (a surrogate-pair kanji such as 𠮷 is one). */
export function charLength(s: string): number {
  return [...s].length;
}

// Hyphen-like marks a teller may type between serial groups: ASCII and Unicode hyphens and
// dashes, the minus sign, and the prolonged sound mark an IME produces for "-" in kana mode.
const SERIAL_SEPARATORS = /[\s\-\u2010-\u2015\u2212\u30FC\uFF70]/gu;

/** NFKC, drop spaces and hyphens, upper-case: "ａｂ１２-３４５６ ７８９０" → "AB1234567890". */
export function normalizeSerial(raw: string): string {
  return raw.normalize('NFKC').replace(SERIAL_SEPARATORS, '').toUpperCase();
}

/**
 * How the bank's tokens' serials are written: a branch setting (店舗設定), as token makers differ.
 * A serial is kept in one form only (normalizeSerial: half-width, upper case, no hyphens), so that a
 * scanner, a teller's keyboard and the customer's online registration, which asks for the serial
 * without hyphens, all name the same token. The rule checks that form, and where the maker prints
 * the serial in hyphenated groups, paper does too (formatSerial), so that a receipt reads like the
 * token's back. A fixed list rather than a free pattern: the printed form must follow from the kept one.
 */
export const SERIAL_FORMATS = ['ALNUM_12', 'DIGITS_13', 'DIGITS_10_GROUPED'] as const;
export type SerialFormat = (typeof SERIAL_FORMATS)[number];

/** This bank's maker: 12 alphanumerics on the token's back. */
export const DEFAULT_SERIAL_FORMAT: SerialFormat = 'ALNUM_12';

interface SerialRule {
  /** What the refusals say: 「シリアル番号は英数字12桁で入力してください」. */
  name: string;
  /** The choice in 店舗設定. */
  label: string;
  /** What the teller looks for: 「トークン裏面の12桁の英数字」. */
  onToken: string;
  pattern: RegExp;
  /** Characters per hyphen-separated group on paper; absent: printed as one run. */
  groups?: readonly number[];
}

export const SERIAL_RULES: Readonly<Record<SerialFormat, SerialRule>> = {
  ALNUM_12: { name: '英数字12桁', label: '英数字12桁（例：AB1234567890）', onToken: '12桁の英数字', pattern: /^[A-Z0-9]{12}$/ },
  DIGITS_13: { name: '数字13桁', label: '数字13桁（例：1234567890123）', onToken: '13桁の数字', pattern: /^\d{13}$/ },
  DIGITS_10_GROUPED: {
    name: '数字10桁',
    label: '数字10桁・ハイフン区切り（例：12-3456789-0）',
    onToken: '10桁の数字（ハイフンは入力しなくてもかまいません）',
    pattern: /^\d{10}$/,
    groups: [2, 7, 1],
  },
};

/** The normalised serial if it follows the branch's rule, or DomainError SERIAL_FORMAT (field 'serial'). */
export function validateSerial(raw: string, format: SerialFormat): string {
  const serial = normalizeSerial(raw);
  if (!SERIAL_RULES[format].pattern.test(serial)) {
    refuse('SERIAL_FORMAT', `シリアル番号は${SERIAL_RULES[format].name}で入力してください`, 'serial');
  }
  return serial;
}

/**
 * A kept serial as paper and the confirm step show it: in the rule's groups ("1234567890" →
 * "12-3456789-0"), or as kept when the rule has none or the serial came in under another rule.
 */
export function formatSerial(serial: string, format: SerialFormat): string {
  const { pattern, groups } = SERIAL_RULES[format];
  if (!groups || !pattern.test(serial)) return serial;
  let at = 0;
  return groups.map((n) => serial.slice(at, (at += n))).join('-');
}

/**
 * Kana as the bank records it: half-width kana → full-width (NFKC, which also joins ﾞ/ﾟ),
 * hiragana → katakana, spaces → one full-width space. "ﾔﾏﾀﾞ ﾀﾛｳ" / "やまだ たろう" → "ヤマダ" + U+3000 + "タロウ".
 */
export function toFullWidthKatakana(s: string): string {
  return s
    .normalize('NFKC')
    .trim()
    .replace(/[\u3041-\u3096\u309D\u309E]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/\s+/gu, '\u3000');
}

/** Only full-width katakana (ァ–ヶ, including ヴ), ー and the full-width space; not empty. */
export function isFullWidthKatakana(s: string): boolean {
  return /^[\u30A1-\u30F6\u30FC\u3000]+$/u.test(s);
}

/**
 * Check digit of a 法人番号 (also used by invoice registration numbers, T + 13 digits):
 * 9 − (Σ digit × weight mod 9), weights 1, 2, 1, 2 … from the rightmost of the 12 digits.
 */
export function invoiceRegNoCheckDigit(twelveDigits: string): number {
  if (!/^\d{12}$/.test(twelveDigits)) {
    throw new RangeError(`invoiceRegNoCheckDigit needs exactly 12 digits, got "${twelveDigits}"`);
  }
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const digit = Number(twelveDigits[11 - i]);
    sum += digit * (i % 2 === 0 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/**
 * 適格請求書発行事業者登録番号: "T" + 13 digits, the first digit being the check digit of the
 * other twelve. Accepts full-width characters, lower-case t, spaces and hyphens.
 */
export function validateInvoiceRegNo(raw: string): string {
  const s = raw.normalize('NFKC').replace(/[\s\-\u2010-\u2015\u2212\u30FC]/gu, '').toUpperCase();
  const m = /^T(\d)(\d{12})$/.exec(s);
  if (!m) {
    return refuse(
      'INVOICE_REG_NO_FORMAT',
      '登録番号は「T」に続けて数字13桁で入力してください（例：T1234567890123）',
      'invoiceRegNo',
    );
  }
  if (Number(m[1]) !== invoiceRegNoCheckDigit(m[2] as string)) {
    refuse(
      'INVOICE_REG_NO_CHECK',
      '登録番号の数字に誤りがあります。登録通知書の番号をもう一度確認して入力してください',
      'invoiceRegNo',
    );
  }
  return s;
}

/** 3–20 half-width letters and digits (case kept as typed). Field 'operatorId'. */
export function validateOperatorId(raw: string): string {
  const s = normalizeInput(raw);
  if (!/^[A-Za-z0-9]{3,20}$/.test(s)) {
    refuse('OPERATOR_ID_FORMAT', 'オペレーターIDは英数字3〜20桁で入力してください', 'operatorId');
  }
  return s;
}

/** An operator's name, as 取扱者 prints it on every slip: required, up to 30 characters, spaced as customers' names are. */
export function validateOperatorName(raw: string, label = '氏名'): string {
  const name = normalizeName(raw);
  if (name === '') refuse('OPERATOR_NAME_REQUIRED', `${label}を入力してください`, 'name');
  if (charLength(name) > 30) refuse('OPERATOR_NAME_LENGTH', `${label}は30文字以内で入力してください`, 'name');
  return name;
}

/**
 * The password as it is to be stored (hashed) and compared: NFKC only, not trimmed, so that a
 * password typed in full-width mode matches. Login must apply the same normalisation.
 */
export function normalizePassword(raw: string): string {
  return raw.normalize('NFKC');
}

/** The password rule in words, as every screen that asks for a new password states it. */
export const PASSWORD_POLICY = '8文字以上で、英字と数字をそれぞれ1文字以上含めてください';

/** PASSWORD_POLICY: at least 8 characters with a letter and a digit. Returns normalizePassword(raw). Field 'password'. */
export function validatePassword(raw: string): string {
  const s = normalizePassword(raw);
  if (charLength(s) < 8 || !/[A-Za-z]/.test(s) || !/\d/.test(s)) {
    refuse('PASSWORD_WEAK', `パスワードは${PASSWORD_POLICY}`, 'password');
  }
  return s;
}

/** The recovery passphrase rule in words, as every screen that asks for one states it. */
export const RECOVERY_PASSPHRASE_POLICY = '12文字以上で入力してください（短い文でもかまいません）';

/**
 * RECOVERY_PASSPHRASE_POLICY: at least 12 characters, not one character repeated. It wraps the
 * data key inside the ledger, so whoever holds a copy of the ledger can try passphrases at leisure:
 * length is what holds them off. Returns normalizePassword(raw). Field 'recoveryPassphrase'.
 */
export function validateRecoveryPassphrase(raw: string): string {
  const s = normalizePassword(raw);
  if (charLength(s.trim()) < 12 || /^(.)\1*$/su.test(s)) {
    refuse('PASSPHRASE_WEAK', `復元用パスフレーズは${RECOVERY_PASSPHRASE_POLICY}`, 'recoveryPassphrase');
  }
  return s;
}

/** A person's name in kanji: kept as typed (no NFKC, which would replace variant kanji such as 神), trimmed, spaces → one full-width space. */
export function normalizeName(raw: string): string {
  return raw.trim().replace(/\s+/gu, '\u3000');
}

function hasKey<T extends object>(obj: T, key: string): key is Extract<keyof T, string> {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** 契約者ID (利用者番号): 4–16 half-width letters and digits, full-width accepted (field 'contractId'). */
export function validateContractId(raw: string): string {
  const id = normalizeInput(raw);
  if (id === '') refuse('CONTRACT_REQUIRED', '契約者IDを入力してください', 'contractId');
  if (!/^[A-Za-z0-9]{4,16}$/.test(id)) refuse('CONTRACT_FORMAT', '契約者IDは英数字4〜16桁で入力してください', 'contractId');
  return id;
}

/** The contract as the application form names it (and the ledger keeps it). */
export interface ContractDetails {
  contractId: string;
  nameKanji: string;
  nameKana: string;
  accountBranch: string;
  accountSubject: string;
  accountNumber: string;
  featurePhone: boolean;
}

export interface ApplicationFormInput extends ContractDetails {
  identityDocument: string;
  sealChecked: boolean;
}

/** Checks the whole application form at once; error keys are the raw field names. */
export function validateApplicationForm(raw: ApplicationFormInput): Validation<ApplicationForm> {
  const f = new FieldCheck();

  const contractId = f.take('contractId', () => validateContractId(raw.contractId)) ?? '';

  const nameKanji = normalizeName(raw.nameKanji);
  if (nameKanji === '') f.add('nameKanji', 'お名前（漢字）を入力してください');
  else if (charLength(nameKanji) > 30) f.add('nameKanji', 'お名前（漢字）は30文字以内で入力してください');

  const nameKana = toFullWidthKatakana(raw.nameKana);
  if (nameKana === '') f.add('nameKana', 'お名前（カナ）を入力してください');
  else if (!isFullWidthKatakana(nameKana)) f.add('nameKana', 'お名前（カナ）はカタカナで入力してください');

  const accountBranch = normalizeInput(raw.accountBranch);
  if (!/^\d{3}$/.test(accountBranch)) f.add('accountBranch', '店番は数字3桁で入力してください');

  let accountSubject = normalizeInput(raw.accountSubject);
  if (/^\d$/.test(accountSubject)) accountSubject = `0${accountSubject}`;
  if (!hasKey(ACCOUNT_SUBJECTS, accountSubject)) {
    f.add('accountSubject', `科目を選択してください（${Object.entries(ACCOUNT_SUBJECTS)
      .map(([k, v]) => `${k}:${v}`)
      .join('、')}）`);
  }

  const accountNumberRaw = normalizeInput(raw.accountNumber);
  if (!/^\d{1,7}$/.test(accountNumberRaw)) f.add('accountNumber', '口座番号は数字7桁以内で入力してください');
  const accountNumber = accountNumberRaw.padStart(7, '0');

  const identityDocument = normalizeInput(raw.identityDocument);
  if (!hasKey(IDENTITY_DOCUMENTS, identityDocument)) {
    f.add('identityDocument', '確認した本人確認書類を選択してください');
  }

  if (raw.sealChecked !== true) f.add('sealChecked', 'お届け印の照合を確認してください');

  if (!f.ok) return { ok: false, errors: f.errors };
  return {
    ok: true,
    value: {
      contractId,
      nameKanji,
      nameKana,
      account: { branchCode: accountBranch, subject: accountSubject as AccountSubject, number: accountNumber },
      featurePhone: raw.featurePhone === true,
      identityDocument: identityDocument as IdentityDocument,
      sealChecked: true,
    },
  };
}

/** The branch as set up on the first run. */
export interface BranchSetup {
  bankName: string;
  branchCode: string;
  branchName: string;
  terminalNo: string;
  invoiceRegNo: string;
  nameOnDocuments: NameOnDocuments;
  /** How the tokens' serials are written (this bank's maker by default); a manager may change it later. */
  serialFormat: SerialFormat;
}

/** The branch with what a manager may change after setup (店舗設定): a branch copy, 和暦 dates, the low-stock threshold. */
export interface Branch extends BranchSetup {
  printBranchCopy: boolean;
  japaneseEra: boolean;
  /** 概況 warns when fewer tokens than this are in stock. */
  lowStockThreshold: number;
}

/** What SetupRequest (services/contract.ts) carries. */
export interface SetupInput extends BranchSetup {
  managerId: string;
  managerName: string;
  managerPassword: string;
  recoveryPassphrase: string;
}

export interface SetupForm {
  branch: BranchSetup;
  manager: { operatorId: string; name: string; password: string };
  /** Wraps the data key for a new PC (services/key-recovery.ts). */
  recoveryPassphrase: string;
}

/** 店名, as set up and as corrected: up to 30 characters (field 'branchName'). */
export function validateBranchName(raw: string): string {
  const branchName = normalizeInput(raw);
  if (branchName === '') refuse('BRANCH_NAME_REQUIRED', '店舗名を入力してください', 'branchName');
  if (charLength(branchName) > 30) refuse('BRANCH_NAME_LENGTH', '店舗名は30文字以内で入力してください', 'branchName');
  return branchName;
}

/** 端末番号: one or two digits, kept as two ("1" → "01"), as the receipt numbers print it (field 'terminalNo'). */
export function validateTerminalNo(raw: string): string {
  const terminalNo = normalizeInput(raw);
  if (!/^\d{1,2}$/.test(terminalNo)) refuse('TERMINAL_NO_FORMAT', '端末番号は数字2桁以内で入力してください', 'terminalNo');
  return terminalNo.padStart(2, '0');
}

/** Checks the first-run setup form at once; error keys are the SetupRequest field names. */
export function validateSetup(raw: SetupInput): Validation<SetupForm> {
  const f = new FieldCheck();

  const bankName = normalizeInput(raw.bankName);
  if (bankName === '') f.add('bankName', '金融機関名を入力してください');
  else if (charLength(bankName) > 30) f.add('bankName', '金融機関名は30文字以内で入力してください');

  const branchCode = normalizeInput(raw.branchCode);
  if (!/^\d{3}$/.test(branchCode)) f.add('branchCode', '店番は数字3桁で入力してください');

  const branchName = f.take('branchName', () => validateBranchName(raw.branchName)) ?? '';
  const terminalNo = f.take('terminalNo', () => validateTerminalNo(raw.terminalNo)) ?? '';

  const invoiceRegNo = f.take('invoiceRegNo', () => validateInvoiceRegNo(raw.invoiceRegNo));
  const managerId = f.take('managerId', () => validateOperatorId(raw.managerId));

  const managerName = f.take('managerName', () => validateOperatorName(raw.managerName, '役席者の氏名'));

  const managerPassword = f.take('managerPassword', () => validatePassword(raw.managerPassword));
  const recoveryPassphrase = f.take('recoveryPassphrase', () => validateRecoveryPassphrase(raw.recoveryPassphrase));
  if (recoveryPassphrase !== undefined && recoveryPassphrase === managerPassword) {
    f.add('recoveryPassphrase', '復元用パスフレーズには、役席者のパスワードとは別のものを入力してください');
  }

  if (
    !f.ok ||
    invoiceRegNo === undefined ||
    managerId === undefined ||
    managerName === undefined ||
    managerPassword === undefined ||
    recoveryPassphrase === undefined
  ) {
    return { ok: false, errors: f.errors };
  }
  return {
    ok: true,
    value: {
      branch: { bankName, branchCode, branchName, terminalNo, invoiceRegNo, nameOnDocuments: raw.nameOnDocuments, serialFormat: raw.serialFormat },
      manager: { operatorId: managerId, name: managerName, password: managerPassword },
      recoveryPassphrase,
    },
  };
}
