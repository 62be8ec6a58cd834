/** 利用中止届（携帯電話のお客さま） as typed, and what the screen keeps between steps. */
import { checkSuspensionByForm, type IdentityDocument, type ResponseOf, type SerialFormat, type SuspendRequest } from '../../../services/contract';
import { contractError, domainMessage, errorsOf, isContractSerial, serialError, serialMismatch } from '../../counter/checks';
import { IDLE, lookedUp, newSession, type ContractInfo, type CounterSession } from '../../counter/session';

export interface SuspendDraft {
  contractId: string;
  identityDocument: IdentityDocument | '';
  serial: string;
  /** The teller told the customer what suspension means (not sent: the screen asks for it). */
  explained: boolean;
}

export const SUSPEND_LABELS: Record<keyof SuspendDraft, string> = {
  contractId: '契約者ID',
  identityDocument: '本人確認書類',
  serial: '利用中止するトークンのシリアル番号',
  explained: 'お客さまへの説明',
};

export type SuspendResult = ResponseOf<'suspend'>;
export type SuspendLookups = { contractId: ContractInfo };
export type SuspendSession = CounterSession<SuspendDraft, SuspendResult, SuspendLookups>;

/** Nothing on this form expires: all of it is kept across a reload. */
export const SUSPEND_VOLATILE = [] as const satisfies ReadonlyArray<keyof SuspendDraft>;

export const NEW_SUSPEND_SESSION: SuspendSession = newSession<SuspendDraft, SuspendResult, SuspendLookups>(
  { contractId: '', identityDocument: '', serial: '', explained: false },
  { contractId: IDLE },
);

/** Why this contract cannot hand in the paper form (it stops the token online), or null. */
export function onlineOnly(contract: ContractInfo | null): string | null {
  return contract ? domainMessage(() => checkSuspensionByForm(contract.featurePhone)) : null;
}

export function precheck(s: SuspendSession, serialFormat: SerialFormat): Record<string, string> {
  const d = s.draft;
  const contract = lookedUp(s.lookups.contractId, d.contractId);
  return errorsOf({
    contractId: contractError(d.contractId, s.lookups.contractId) ?? onlineOnly(contract),
    identityDocument: !d.identityDocument && '確認した本人確認書類を選択してください',
    serial: serialError(d.serial, serialFormat, isContractSerial(d.serial, contract)) ?? serialMismatch(d.serial, contract, '利用中止届のシリアル番号'),
    explained: !d.explained && '資金移動が制限されること、このトークンは二度と使えないことをご説明のうえ、チェックしてください',
  });
}

export function toRequest(d: SuspendDraft): SuspendRequest {
  return { contractId: d.contractId.trim(), identityDocument: d.identityDocument, serial: d.serial.trim() };
}
