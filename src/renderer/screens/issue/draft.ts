/** The issuance form (ハードウェアトークン発行申込書) as typed, and what the screen keeps between steps. */
import type { IssueRequest, ResponseOf } from '../../../services/contract';
import type { AccountSubject, IdentityDocument, TokenState } from '../../../domain/types';
import { DomainError } from '../../../domain/errors';
import { toFullWidthKatakana, validateApplicationForm, validateOtpFormat, validateSerial } from '../../../domain/validation';
import type { Payment } from '../../labels';

export interface IssueDraft {
  contractId: string;
  nameKanji: string;
  nameKana: string;
  accountBranch: string;
  accountSubject: AccountSubject;
  accountNumber: string;
  featurePhone: boolean;
  identityDocument: IdentityDocument | '';
  sealChecked: boolean;
  serial: string;
  otp: string;
  payment: Payment | '';
}

export const EMPTY_DRAFT: IssueDraft = {
  contractId: '',
  nameKanji: '',
  nameKana: '',
  accountBranch: '',
  accountSubject: '01',
  accountNumber: '',
  featurePhone: false,
  identityDocument: '',
  sealChecked: false,
  serial: '',
  otp: '',
  payment: '',
};

/** Field labels in screen order (also the order of the error summary). */
export const ISSUE_LABELS: Record<keyof IssueDraft, string> = {
  contractId: '契約者ID',
  nameKanji: 'お名前（漢字）',
  nameKana: 'フリガナ',
  accountBranch: '代表口座 店番',
  accountSubject: '科目',
  accountNumber: '口座番号',
  featurePhone: '携帯電話（ガラケー）利用',
  identityDocument: '本人確認書類',
  sealChecked: 'お届け印 照合済',
  serial: 'シリアル番号',
  otp: 'ワンタイムパスワード',
  payment: 'お支払方法',
};

export type SerialLookup =
  | { status: 'idle' }
  | { status: 'loading'; serial: string }
  | { status: 'ok'; serial: string; state: TokenState; stateLabel: string }
  | { status: 'error'; serial: string; message: string };

export type IssueResult = ResponseOf<'issuanceIssue'> & { payment: Payment };

export type IssueSession = {
  step: 'input' | 'confirm' | 'done';
  draft: IssueDraft;
  fieldErrors: Record<string, string>;
  message: string | null;
  lookup: SerialLookup;
  result: IssueResult | null;
};

export const NEW_SESSION: IssueSession = {
  step: 'input',
  draft: EMPTY_DRAFT,
  fieldErrors: {},
  message: null,
  lookup: { status: 'idle' },
  result: null,
};

/** The domain's own form rules, so that the 確認 step shows what the server would refuse. */
export function precheck(d: IssueDraft, lookup: SerialLookup): Record<string, string> {
  const form = validateApplicationForm(d);
  const e: Record<string, string> = form.ok ? {} : { ...form.errors };
  const serialError = domainMessage(() => validateSerial(d.serial));
  if (!d.serial.trim()) e.serial = 'シリアル番号を入力してください';
  else if (serialError) e.serial = serialError;
  else if (lookup.status === 'error' && lookup.serial === d.serial) e.serial = lookup.message;
  else if (lookup.status === 'ok' && lookup.serial === d.serial && lookup.state !== 'IN_STOCK') {
    e.serial = `このトークンは発行できません（状態：${lookup.stateLabel}）`;
  }
  const otpError = domainMessage(() => validateOtpFormat(d.otp, 6));
  if (otpError) e.otp = otpError;
  if (!d.payment) e.payment = 'お支払方法を選択してください';
  return e;
}

function domainMessage(check: () => unknown): string | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    throw error;
  }
}

/** What is sent: as typed (the server normalises full-width input), フリガナ in katakana. */
export function toRequest(d: IssueDraft): IssueRequest {
  if (d.payment === '') throw new Error('payment not chosen');
  return {
    contractId: d.contractId.trim(),
    nameKanji: d.nameKanji.trim(),
    nameKana: toFullWidthKatakana(d.nameKana),
    accountBranch: d.accountBranch.trim(),
    accountSubject: d.accountSubject,
    accountNumber: d.accountNumber.trim(),
    featurePhone: d.featurePhone,
    identityDocument: d.identityDocument,
    sealChecked: d.sealChecked,
    serial: d.serial.trim(),
    otp: d.otp.trim(),
    payment: d.payment,
  };
}

export function firstErrorField(errors: Record<string, string>): keyof IssueDraft | undefined {
  return (Object.keys(ISSUE_LABELS) as Array<keyof IssueDraft>).find((k) => errors[k]);
}
