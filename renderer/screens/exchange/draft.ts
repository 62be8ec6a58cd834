/**
 * 交換・再発行 as typed: a free exchange (交換: 故障・破損・電池切れ, the old token handed in)
 * or a paid reissue (紛失・盗難, nothing handed in), and what the screen keeps between steps.
 */
import {
  checkSymptoms,
  EXCHANGE_REASON_LABELS,
  isExchangeReason,
  REISSUE_REASON_LABELS,
  type ExchangeReason,
  type ExchangeRequest,
  type IdentityDocument,
  type OtpDigits,
  type PaymentMethod,
  type ReissueReason,
  type ReissueRequest,
  type ResponseOf,
  type SerialFormat,
} from '../../../services/contract';
import { contractError, domainMessage, errorsOf, isContractSerial, otpError, serialError, serialMismatch, tokenFromStockErrors } from '../../counter/checks';
import { appliedWaiver, type FeeWaiver } from '../../counter/FeeWaiver';
import { IDLE, lookedUp, newSession, type ContractInfo, type CounterSession, type StockInfo } from '../../counter/session';

/** What the customer asks for: 交換 (the token in hand) or 紛失・盗難の再発行. */
export type ExchangeKind = 'EXCHANGE' | 'REISSUE';
export type Symptoms = ExchangeRequest['symptoms'];

export interface ExchangeDraft {
  contractId: string;
  kind: ExchangeKind | '';
  reason: ExchangeReason | ReissueReason | '';
  symptoms: Symptoms;
  oldSerial: string;
  oldOtp: string;
  identityDocument: IdentityDocument | '';
  newSerial: string;
  newOtp: string;
  payment: PaymentMethod | '';
  /** A 手数料免除 of the paid reissue, asked at 確認. */
  feeWaiver: FeeWaiver | null;
}

/** Not kept across a reload: a code is shown for 60 s and good once. */
export const EXCHANGE_VOLATILE = ['oldOtp', 'newOtp'] as const satisfies ReadonlyArray<keyof ExchangeDraft>;

export const EMPTY_EXCHANGE: ExchangeDraft = {
  contractId: '',
  kind: '',
  reason: '',
  symptoms: { faultMark: false, batteryLowMark: false, physicalDamage: false },
  oldSerial: '',
  oldOtp: '',
  identityDocument: '',
  newSerial: '',
  newOtp: '',
  payment: '',
  feeWaiver: null,
};

export const KIND_LABELS: Record<ExchangeKind, string> = {
  EXCHANGE: '交換（故障・破損・電池切れ）',
  REISSUE: '紛失・盗難',
};

export const SYMPTOM_LABELS: Record<keyof Symptoms, string> = {
  faultMark: '故障表示あり',
  batteryLowMark: '電池残量表示あり',
  physicalDamage: '外観の破損あり',
};

/** Field labels in screen order (the error summary's order too); the reason is named by the kind. */
export function exchangeLabels(kind: ExchangeKind | ''): Record<keyof ExchangeDraft, string> {
  return {
    contractId: '契約者ID',
    kind: '受付区分',
    reason: kind === 'REISSUE' ? '理由' : '交換理由',
    symptoms: '症状',
    oldSerial: 'お預かりしたトークンのシリアル番号',
    oldOtp: '現在のトークンのワンタイムパスワード',
    identityDocument: '本人確認書類',
    newSerial: '新しいトークンのシリアル番号',
    newOtp: '新しいトークンのワンタイムパスワード',
    payment: 'お支払方法',
    feeWaiver: '手数料の免除',
  };
}

export type ExchangeResult =
  | (ResponseOf<'exchange'> & { kind: 'EXCHANGE'; reasonLabel: string })
  | (ResponseOf<'reissue'> & { kind: 'REISSUE'; reasonLabel: string; payment: PaymentMethod; waived: boolean });

export type ExchangeLookups = { contractId: ContractInfo; newSerial: StockInfo };
export type ExchangeSession = CounterSession<ExchangeDraft, ExchangeResult, ExchangeLookups>;

export const NEW_EXCHANGE_SESSION: ExchangeSession = newSession<ExchangeDraft, ExchangeResult, ExchangeLookups>(EMPTY_EXCHANGE, {
  contractId: IDLE,
  newSerial: IDLE,
});

/** 交換（電池切れ）, 再発行（紛失）… */
export function reasonLabel(d: Pick<ExchangeDraft, 'kind' | 'reason'>): string {
  if (!d.reason) return '—';
  return isExchangeReason(d.reason) ? EXCHANGE_REASON_LABELS[d.reason] : REISSUE_REASON_LABELS[d.reason];
}

export function transactionLabel(d: Pick<ExchangeDraft, 'kind' | 'reason'>): string {
  return `${d.kind === 'REISSUE' ? '再発行' : '交換'}（${reasonLabel(d)}）`;
}

/** How many digits the contract's current token (the one handed in) shows, once looked up. */
export function oldTokenDigits(contract: ContractInfo | null): OtpDigits | undefined {
  return contract?.currentDigits ?? undefined;
}

/** What the server would refuse, checked before 確認. */
export function precheck(s: ExchangeSession, serialFormat: SerialFormat): Record<string, string> {
  const d = s.draft;
  const exchange = d.kind === 'EXCHANGE';
  const contract = lookedUp(s.lookups.contractId, d.contractId);
  const token = tokenFromStockErrors(d.newSerial, d.newOtp, s.lookups.newSerial, serialFormat);
  return errorsOf({
    contractId: contractError(d.contractId, s.lookups.contractId),
    kind: !d.kind && '受付区分（交換 または 紛失・盗難）を選択してください',
    reason: d.kind !== '' && !d.reason && `${exchangeLabels(d.kind).reason}を選択してください`,
    symptoms: exchange && isExchangeReason(d.reason) && domainMessage(() => checkSymptoms(d.reason as ExchangeReason, d.symptoms)),
    oldSerial: exchange && (serialError(d.oldSerial, serialFormat, isContractSerial(d.oldSerial, contract)) ?? serialMismatch(d.oldSerial, contract, 'お預かりしたトークン')),
    oldOtp: exchange && d.oldOtp.trim() !== '' && otpError(d.oldOtp, oldTokenDigits(contract)),
    identityDocument: !d.identityDocument && '確認した本人確認書類を選択してください',
    newSerial: token.serial,
    newOtp: token.otp,
    payment: d.kind === 'REISSUE' && !d.payment && 'お支払方法を選択してください',
  });
}

export function toExchangeRequest(d: ExchangeDraft): ExchangeRequest {
  if (!isExchangeReason(d.reason)) throw new Error('no exchange reason');
  return {
    contractId: d.contractId.trim(),
    identityDocument: d.identityDocument,
    reason: d.reason,
    oldSerial: d.oldSerial.trim(),
    symptoms: d.symptoms,
    oldOtp: d.oldOtp.trim(),
    newSerial: d.newSerial.trim(),
    newOtp: d.newOtp.trim(),
  };
}

export function toReissueRequest(d: ExchangeDraft): ReissueRequest & { payment: PaymentMethod } {
  if (d.reason === '' || isExchangeReason(d.reason) || d.payment === '') throw new Error('no reissue reason or payment');
  const waiver = appliedWaiver(d.feeWaiver, d.contractId);
  return {
    contractId: d.contractId.trim(),
    identityDocument: d.identityDocument,
    reason: d.reason,
    newSerial: d.newSerial.trim(),
    newOtp: d.newOtp.trim(),
    payment: d.payment,
    ...(waiver ? { feeWaiverApprovalId: waiver } : {}),
  };
}
