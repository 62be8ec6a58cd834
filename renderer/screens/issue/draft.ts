/** The issuance form (ハードウェアトークン発行申込書) as typed, and what the screen keeps between steps. */
import { toFullWidthKatakana, validateApplicationForm, type AccountSubject, type IdentityDocument, type IssueRequest, type PaymentMethod, type ResponseOf, type SerialFormat } from '../../../services/contract';
import { errorsOf, tokenFromStockErrors } from '../../counter/checks';
import { appliedWaiver, type FeeWaiver } from '../../counter/FeeWaiver';
import { IDLE, newSession, type CounterSession, type StockInfo } from '../../counter/session';

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
  payment: PaymentMethod | '';
  /** A 手数料免除 asked at 確認; kept across a reload, as the approval is the server's. */
  feeWaiver: FeeWaiver | null;
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
  feeWaiver: null,
};

/** Not kept across a reload: a code is shown for 60 s and good once. */
export const ISSUE_VOLATILE = ['otp'] as const satisfies ReadonlyArray<keyof IssueDraft>;

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
  feeWaiver: '手数料の免除',
};

export type IssueResult = ResponseOf<'issue'> & { payment: PaymentMethod; waived: boolean };

export type IssueSession = CounterSession<IssueDraft, IssueResult, { serial: StockInfo }>;

export const NEW_SESSION: IssueSession = newSession<IssueDraft, IssueResult, { serial: StockInfo }>(EMPTY_DRAFT, { serial: IDLE });

/** The domain's own form rules, so that the 確認 step shows what the server would refuse. */
export function precheck(s: IssueSession, serialFormat: SerialFormat): Record<string, string> {
  const d = s.draft;
  const form = validateApplicationForm(d);
  const token = tokenFromStockErrors(d.serial, d.otp, s.lookups.serial, serialFormat);
  return {
    ...(form.ok ? {} : form.errors),
    ...errorsOf({ serial: token.serial, otp: token.otp, payment: !d.payment && 'お支払方法を選択してください' }),
  };
}

/** What is sent: as typed (the server normalises full-width input), フリガナ in katakana. */
export function toRequest(d: IssueDraft): IssueRequest {
  if (d.payment === '') throw new Error('payment not chosen');
  const waiver = appliedWaiver(d.feeWaiver, d.contractId);
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
    ...(waiver ? { feeWaiverApprovalId: waiver } : {}),
  };
}
