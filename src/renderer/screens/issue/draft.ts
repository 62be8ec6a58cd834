/** The issuance form (ハードウェアトークン発行申込書) as typed, and what the screen keeps between steps. */
import type { IssueRequest, ResponseOf } from '../../../services/contract';
import type { AccountSubject, IdentityDocument, TokenState } from '../../../domain/types';
import { isDigits, isFullWidthKatakana, toFullWidthKatakana } from '../../text';
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

/** Early checks so the 確認 step is worth reading; the server checks everything again. */
export function precheck(d: IssueDraft, lookup: SerialLookup): Record<string, string> {
  const e: Record<string, string> = {};
  if (!d.contractId.trim()) e.contractId = '契約者IDを入力してください。';
  if (!d.nameKanji.trim()) e.nameKanji = 'お名前（漢字）を入力してください。';
  if (!d.nameKana.trim()) e.nameKana = 'フリガナを入力してください。';
  else if (!isFullWidthKatakana(toFullWidthKatakana(d.nameKana))) e.nameKana = 'フリガナは全角カタカナで入力してください。';
  if (!isDigits(d.accountBranch, 3)) e.accountBranch = '店番は3桁の数字で入力してください。';
  if (!isDigits(d.accountNumber, 7)) e.accountNumber = '口座番号は7桁の数字で入力してください。';
  if (!d.identityDocument) e.identityDocument = '本人確認書類を選択してください。';
  if (!d.sealChecked) e.sealChecked = 'お届け印を照合し、チェックしてください。';
  if (!d.serial.trim()) e.serial = 'シリアル番号を入力してください。';
  else if (lookup.status === 'error' && lookup.serial === d.serial) e.serial = lookup.message;
  else if (lookup.status === 'ok' && lookup.serial === d.serial && lookup.state !== 'IN_STOCK') {
    e.serial = `このトークンは発行できません（状態：${lookup.stateLabel}）。`;
  }
  if (!isDigits(d.otp, 6)) e.otp = 'ワンタイムパスワードは6桁の数字で入力してください。';
  if (!d.payment) e.payment = 'お支払方法を選択してください。';
  return e;
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
