/**
 * 交換・再発行 as typed: a free replacement (交換: 故障・破損・電池切れ, the old token handed in)
 * or a paid reissue (紛失・盗難, nothing handed in), and what the screen keeps between steps.
 */
import type { ReissueRequest, ExchangeRequest, ResponseOf } from '../../../services/contract';
import {
  checkSymptoms,
  REISSUE_REASON_LABELS,
  EXCHANGE_REASON_LABELS,
  type ReissueReason,
  type ExchangeReason,
} from '../../../domain/counter-rules';
import type { IdentityDocument } from '../../../domain/types';
import type { Payment } from '../../labels';
import { contractError, domainMessage, errorsOf, otpError, serialError, serialMismatch, tokenFromStockErrors } from '../../counter/checks';
import { IDLE, lookedUp, newSession, type ContractInfo, type CounterSession, type StockInfo } from '../../counter/session';

export type ReplaceKind = 'EXCHANGE' | 'LOST';
export type Symptoms = ExchangeRequest['symptoms'];

export interface ReplaceDraft {
  contractId: string;
  kind: ReplaceKind | '';
  reason: ExchangeReason | ReissueReason | '';
  symptoms: Symptoms;
  oldSerial: string;
  oldOtp: string;
  identityDocument: IdentityDocument | '';
  newSerial: string;
  newOtp: string;
  payment: Payment | '';
}

/** Not kept across a reload: a code is shown for 60 s and good once. */
export const REPLACE_VOLATILE = ['oldOtp', 'newOtp'] as const satisfies ReadonlyArray<keyof ReplaceDraft>;

export const EMPTY_REPLACE: ReplaceDraft = {
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
};

export const KIND_LABELS: Record<ReplaceKind, string> = {
  EXCHANGE: '交換（故障・破損・電池切れ）',
  LOST: '紛失・盗難',
};

export const SYMPTOM_LABELS: Record<keyof Symptoms, string> = {
  faultMark: '故障表示あり',
  batteryLowMark: '電池残量表示あり',
  physicalDamage: '外観の破損あり',
};

/** Field labels in screen order (the error summary's order too); the reason is named by the kind. */
export function replaceLabels(kind: ReplaceKind | ''): Record<keyof ReplaceDraft, string> {
  return {
    contractId: '契約者ID',
    kind: '受付区分',
    reason: kind === 'LOST' ? '理由' : '交換理由',
    symptoms: '症状',
    oldSerial: 'お預かりしたトークンのシリアル番号',
    oldOtp: '現在のトークンのワンタイムパスワード',
    identityDocument: '本人確認書類',
    newSerial: '新しいトークンのシリアル番号',
    newOtp: '新しいトークンのワンタイムパスワード',
    payment: 'お支払方法',
  };
}

export type ReplaceResult =
  | (ResponseOf<'exchange'> & { kind: 'EXCHANGE'; reasonLabel: string })
  | (ResponseOf<'reissue'> & { kind: 'LOST'; reasonLabel: string; payment: Payment });

export type ReplaceLookups = { contractId: ContractInfo; newSerial: StockInfo };
export type ReplaceSession = CounterSession<ReplaceDraft, ReplaceResult, ReplaceLookups>;

export const NEW_REPLACE_SESSION: ReplaceSession = newSession<ReplaceDraft, ReplaceResult, ReplaceLookups>(EMPTY_REPLACE, {
  contractId: IDLE,
  newSerial: IDLE,
});

export function isReplacementReason(reason: string): reason is ExchangeReason {
  return reason in EXCHANGE_REASON_LABELS;
}

/** 交換（電池切れ）, 再発行（紛失）… */
export function reasonLabel(d: Pick<ReplaceDraft, 'kind' | 'reason'>): string {
  if (!d.reason) return '—';
  return isReplacementReason(d.reason) ? EXCHANGE_REASON_LABELS[d.reason] : REISSUE_REASON_LABELS[d.reason];
}

export function transactionLabel(d: Pick<ReplaceDraft, 'kind' | 'reason'>): string {
  return `${d.kind === 'LOST' ? '再発行' : '交換'}（${reasonLabel(d)}）`;
}

/** What the server would refuse, checked before 確認. */
export function precheck(s: ReplaceSession): Record<string, string> {
  const d = s.draft;
  const exchange = d.kind === 'EXCHANGE';
  const contract = lookedUp(s.lookups.contractId, d.contractId);
  const token = tokenFromStockErrors(d.newSerial, d.newOtp, s.lookups.newSerial);
  return errorsOf({
    contractId: contractError(d.contractId, s.lookups.contractId),
    kind: !d.kind && '受付区分（交換 または 紛失・盗難）を選択してください',
    reason: d.kind !== '' && !d.reason && `${replaceLabels(d.kind).reason}を選択してください`,
    symptoms: exchange && isReplacementReason(d.reason) && domainMessage(() => checkSymptoms(d.reason as ExchangeReason, d.symptoms)),
    oldSerial: exchange && (serialError(d.oldSerial) ?? serialMismatch(d.oldSerial, contract, 'お預かりしたトークン')),
    oldOtp: exchange && d.oldOtp.trim() !== '' && otpError(d.oldOtp),
    identityDocument: !d.identityDocument && '確認した本人確認書類を選択してください',
    newSerial: token.serial,
    newOtp: token.otp,
    payment: d.kind === 'LOST' && !d.payment && 'お支払方法を選択してください',
  });
}

export function toExchangeRequest(d: ReplaceDraft): ExchangeRequest {
  if (!isReplacementReason(d.reason)) throw new Error('no replacement reason');
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

export function toLostRequest(d: ReplaceDraft): ReissueRequest & { payment: Payment } {
  if (d.reason === '' || isReplacementReason(d.reason) || d.payment === '') throw new Error('no loss reason or payment');
  return {
    contractId: d.contractId.trim(),
    identityDocument: d.identityDocument,
    reason: d.reason,
    newSerial: d.newSerial.trim(),
    newOtp: d.newOtp.trim(),
    payment: d.payment,
  };
}
