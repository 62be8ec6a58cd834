import { checkSymptoms, EXCHANGE_REASON_LABELS, feeKindFor } from '../domain/counter-rules';
import { FieldCheck, onField, refuse, refuseForm } from '../domain/errors';
import { quoteFee } from '../domain/fees';
import { jstDate } from '../domain/format';
import { otpDigitsText } from '../domain/otp-format';
import { nextState } from '../domain/token-lifecycle';
import type { OtpMemory } from '../domain/types';
import { normalizeInput } from '../domain/validation';
import { readFeeRules } from '../db/branch-repo';
import { setCurrentSerial } from '../db/contract-repo';
import { moveToken, saveOtpMemory, type KnownToken, type TokenRow } from '../db/token-repo';
import { exchangeSlip } from '../templates/documents';
import type { ExchangeRequest, Operator } from './contract';
import { liveToken, requireContract, requireIdentityDocument } from './contracts';
import { commitCounterTransaction } from './counter-transaction';
import type { Ports } from './ports';
import { checkSerial, requireToken } from './stock';
import { checkTokenOtp } from './token-otp';

export const NEW_OTP_MISSING = `新しいトークンの①ボタンを押して表示された数字（${otpDigitsText()}）を入力してください。`;

/** A new token from stock for the customer: in stock, and showing the right code (field newSerial / newOtp). */
export function takeFromStock(p: Ports, serial: string, otp: string, now: Date): { token: TokenRow; memory: OtpMemory } {
  const token = onField('newSerial', () => requireToken(p, serial));
  onField('newSerial', () => nextState(token.state, 'ISSUE', serial));
  return { token, memory: checkTokenOtp(p, token, otp, now, 'newOtp') };
}

/** The old token leaves the contract (EXCHANGED or LOST); the new one is issued to it and becomes its current token. */
export function handOver(p: Ports, h: { contractRef: string; old: KnownToken; event: 'EXCHANGE' | 'REPORT_LOST'; fresh: { token: TokenRow; memory: OtpMemory }; at: string }) {
  const { token, memory } = h.fresh;
  moveToken(p.db, h.old.serial, h.old.state, nextState(h.old.state, h.event, h.old.serial), h.contractRef, h.at);
  moveToken(p.db, token.serial, token.state, nextState(token.state, 'ISSUE', token.serial), h.contractRef, h.at);
  saveOtpMemory(p.db, token.serial, memory);
  setCurrentSerial(p.db, h.contractRef, token.serial, h.at);
}

/** The old token's code can be checked only where its seed is: not for a token issued at another branch. */
function oldTokenSeeded(old: KnownToken): TokenRow {
  return (
    old.seeded ??
    refuse('OLD_OTP_NOT_CHECKABLE', 'お預かりしたトークンは他店で発行されたため、当店ではワンタイムパスワードを照合できません。空欄のまま進めてください。', 'oldOtp')
  );
}

/**
 * 交換 (故障・破損・電池切れ): the old token is handed in and must be the contract's current one;
 * it goes to the collected box (EXCHANGED), a new one from stock is checked and issued, free.
 */
export function exchange(p: Ports, operator: Operator, req: ExchangeRequest) {
  const f = new FieldCheck();
  const identityDocument = f.take('identityDocument', () => requireIdentityDocument(req.identityDocument));
  const oldSerial = f.take('oldSerial', () => checkSerial(p, req.oldSerial));
  const newSerial = f.take('newSerial', () => checkSerial(p, req.newSerial));
  f.take('symptoms', () => checkSymptoms(req.reason, req.symptoms));
  f.add('newOtp', !req.newOtp.trim() && NEW_OTP_MISSING);
  if (!f.ok || identityDocument === undefined || oldSerial === undefined || newSerial === undefined) return refuseForm(f.errors);
  const oldOtp = req.oldOtp?.trim() ?? '';

  return commitCounterTransaction(p, operator, { kind: 'TOKEN_EXCHANGED', serial: newSerial, contractId: normalizeInput(req.contractId) }, ({ now, at, branch }) => {
    const contract = requireContract(p, req.contractId);
    const old = liveToken(p, contract);
    if (old.serial !== oldSerial) {
      refuse('OLD_SERIAL_MISMATCH', `お預かりしたトークン（${oldSerial}）はこの契約のトークン（${old.serial}）ではありません。裏面のシリアル番号を確かめてください。`, 'oldSerial');
    }
    const oldMemory = oldOtp ? checkTokenOtp(p, oldTokenSeeded(old), oldOtp, now, 'oldOtp') : null;
    const fresh = takeFromStock(p, newSerial, req.newOtp, now);
    const fee = quoteFee(readFeeRules(p.db), feeKindFor(req.reason, true), jstDate(now));
    handOver(p, { contractRef: contract.contractRef, old, event: 'EXCHANGE', fresh, at });
    if (oldMemory) saveOtpMemory(p.db, old.serial, oldMemory);
    const reasonLabel = EXCHANGE_REASON_LABELS[req.reason];
    return {
      document: (receiptNo) => exchangeSlip({ branch, operator, receiptNo, acceptedAt: now, contract, identityDocument, reasonLabel, oldSerial, newSerial }),
      journal: {
        serial: newSerial,
        contractRef: contract.contractRef,
        amount: fee.totalInclTax,
        payload: { reason: req.reason, symptoms: req.symptoms, oldSerial, newSerial, oldOtpChecked: oldOtp !== '', identityDocument, fee },
      },
      outbox: { urgent: false, payload: { contractId: contract.contractId, oldSerial, newSerial, reason: req.reason } },
      result: { oldSerial, newSerial, fee },
    };
  });
}
