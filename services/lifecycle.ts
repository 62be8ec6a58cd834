import { checkSuspensionByForm, checkSymptoms, feeKindFor, REISSUE_REASON_LABELS, EXCHANGE_REASON_LABELS } from '../domain/counter-rules';
import { DomainError, refuse } from '../domain/errors';
import { quoteFee } from '../domain/fees';
import { jstDate } from '../domain/format';
import { maskName } from '../domain/masking';
import { nextState, TOKEN_STATE_LABELS } from '../domain/token-lifecycle';
import { IDENTITY_DOCUMENTS, type IdentityDocument } from '../domain/types';
import { normalizeInput, validateSerial } from '../domain/validation';
import { readFeeRules } from '../db/branch-repo';
import { findContract, setCurrentSerial, type ContractRow } from '../db/contract-repo';
import { findToken, moveToken, saveOtpMemory, type TokenRow } from '../db/token-repo';
import type { ReissueRequest, Operator, ExchangeRequest, SuspendRequest } from './contract';
import { commitCounterTransaction } from './counter-transaction';
import { exchangeSlip, lostReissueReceipt, suspensionSlip } from './documents';
import { invalid } from './failures';
import type { Ports } from './ports';
import { requireBranch } from './setup';
import { requireToken } from './stock';
import { onField, verifyTokenOtp } from './token-otp';

const LIVE = new Set(['ISSUED', 'ACTIVE']);

/** Collects every field error of a form at once, as the issuance form does. */
class FieldCheck {
  readonly errors: Record<string, string> = {};
  take<T>(field: string, f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      this.errors[field] = e.message;
      return undefined as T;
    }
  }
  done(): void {
    if (Object.keys(this.errors).length > 0) invalid(this.errors);
  }
}

function identity(raw: string): IdentityDocument {
  if (!(raw in IDENTITY_DOCUMENTS)) refuse('IDENTITY', '確認した本人確認書類を選択してください。', 'identityDocument');
  return raw as IdentityDocument;
}

function requireContract(p: Ports, raw: string): ContractRow {
  const id = normalizeInput(raw);
  if (!id) refuse('CONTRACT_REQUIRED', '契約者IDを入力してください。', 'contractId');
  return findContract(p.db, id) ?? refuse('CONTRACT_UNKNOWN', `契約者ID ${id} のトークン発行記録がありません。番号を確かめてください。`, 'contractId');
}

/** The contract's live token, or a refusal naming what the contract holds. */
function liveToken(p: Ports, c: ContractRow): TokenRow {
  const t = c.currentSerial ? findToken(p.db, c.currentSerial) : null;
  if (!t || !LIVE.has(t.state)) {
    refuse('NO_LIVE_TOKEN', `契約者ID ${c.contractId} には現在ご利用中のハードウェアトークンがありません${t ? `（${t.serial}: ${TOKEN_STATE_LABELS[t.state]}）` : ''}。`, 'contractId');
  }
  return t;
}

export function lookupContract(p: Ports, req: { contractId: string }) {
  const c = requireContract(p, req.contractId);
  const t = c.currentSerial ? findToken(p.db, c.currentSerial) : null;
  return {
    contractId: c.contractId,
    maskedName: maskName(c.nameKanji),
    featurePhone: c.featurePhone,
    currentSerial: c.currentSerial,
    currentState: t?.state ?? null,
    stateLabel: t ? TOKEN_STATE_LABELS[t.state] : null,
    currentDigits: t?.params.digits ?? null,
  };
}

/** Checks a new token from stock: in stock, and showing the right code. */
function takeFromStock(p: Ports, serial: string, otp: string, now: Date) {
  const token = onField('newSerial', () => requireToken(p, serial));
  onField('newSerial', () => nextState(token.state, 'ISSUE', serial));
  return verifyTokenOtp(p, token, otp, now, 'newOtp');
}

/**
 * Inside the counter transaction: the old token leaves the contract (EXCHANGED or LOST),
 * the new one, checked again, is issued to it and becomes its current token.
 */
function handOver(p: Ports, h: { contractId: string; old: TokenRow; event: 'EXCHANGE' | 'REPORT_LOST'; newSerial: string; newOtp: string; now: Date }) {
  const at = h.now.toISOString();
  const check = takeFromStock(p, h.newSerial, h.newOtp, h.now);
  moveToken(p.db, h.old.serial, h.old.state, nextState(h.old.state, h.event, h.old.serial), h.contractId, at);
  moveToken(p.db, h.newSerial, 'IN_STOCK', nextState('IN_STOCK', 'ISSUE', h.newSerial), h.contractId, at);
  saveOtpMemory(p.db, h.newSerial, check.memory);
  setCurrentSerial(p.db, h.contractId, h.newSerial, at);
}

/**
 * 交換 (故障・破損・電池切れ): the old token is handed in and must be the contract's current
 * one; it goes to the collected box (EXCHANGED), a new one from stock is checked and issued.
 */
export async function replace(p: Ports, operator: Operator, req: ExchangeRequest) {
  const f = new FieldCheck();
  const doc = f.take('identityDocument', () => identity(req.identityDocument));
  const oldSerial = f.take('oldSerial', () => validateSerial(req.oldSerial));
  const newSerial = f.take('newSerial', () => validateSerial(req.newSerial));
  f.take('symptoms', () => checkSymptoms(req.reason, req.symptoms));
  if (!req.newOtp.trim()) f.errors.newOtp = '新しいトークンの①ボタンを押して表示された6桁を入力してください。';
  f.done();
  const branch = requireBranch(p);
  const contract = requireContract(p, req.contractId);
  const old = liveToken(p, contract);
  if (old.serial !== oldSerial) {
    refuse('OLD_SERIAL_MISMATCH', `お預かりしたトークン（${oldSerial}）はこの契約のトークン（${old.serial}）ではありません。裏面のシリアル番号を確かめてください。`, 'oldSerial');
  }
  const now = p.now();
  const oldOtp = req.oldOtp?.trim() ?? '';
  if (oldOtp) verifyTokenOtp(p, old, oldOtp, now, 'oldOtp');
  takeFromStock(p, newSerial, req.newOtp, now);
  const fee = quoteFee(readFeeRules(p.db), feeKindFor(req.reason, true), jstDate(now));
  const at = now.toISOString();
  const reasonLabel = EXCHANGE_REASON_LABELS[req.reason];

  const done = await commitCounterTransaction(p, {
    branch,
    at: now,
    document: (receiptNo) =>
      exchangeSlip({ branch, operator, receiptNo, acceptedAt: now, contract, identityDocument: doc, reasonLabel, oldSerial, newSerial }),
    apply: () => {
      const freshOld = liveToken(p, requireContract(p, contract.contractId));
      if (freshOld.serial !== oldSerial) refuse('OLD_SERIAL_MISMATCH', 'この契約のトークンが他の処理で変更されました。', 'oldSerial');
      handOver(p, { contractId: contract.contractId, old: freshOld, event: 'EXCHANGE', newSerial, newOtp: req.newOtp, now });
    },
    journal: () => ({
      kind: 'TOKEN_EXCHANGED',
      occurredAt: at,
      operatorId: operator.operatorId,
      serial: newSerial,
      contractId: contract.contractId,
      amount: fee.totalInclTax,
      payload: { reason: req.reason, symptoms: req.symptoms, oldSerial, newSerial, oldOtpChecked: oldOtp !== '', identityDocument: doc, fee },
    }),
    outbox: {
      kind: 'TOKEN_EXCHANGED',
      urgent: false,
      payload: () => ({ operatorId: operator.operatorId, contractId: contract.contractId, oldSerial, newSerial, reason: req.reason }),
    },
  });
  return { ...done, oldSerial, newSerial, fee };
}

/** 紛失・盗難: nothing handed in; the old serial is stopped (LOST) and a new token sold. */
export async function reissueLost(p: Ports, operator: Operator, req: ReissueRequest) {
  const f = new FieldCheck();
  const doc = f.take('identityDocument', () => identity(req.identityDocument));
  const newSerial = f.take('newSerial', () => validateSerial(req.newSerial));
  if (!req.newOtp.trim()) f.errors.newOtp = '新しいトークンの①ボタンを押して表示された6桁を入力してください。';
  f.done();
  const branch = requireBranch(p);
  const contract = requireContract(p, req.contractId);
  const lost = liveToken(p, contract);
  const now = p.now();
  takeFromStock(p, newSerial, req.newOtp, now);
  const fee = quoteFee(readFeeRules(p.db), feeKindFor(req.reason, false), jstDate(now));
  const at = now.toISOString();
  const reasonLabel = REISSUE_REASON_LABELS[req.reason];

  const done = await commitCounterTransaction(p, {
    branch,
    at: now,
    document: (receiptNo) =>
      lostReissueReceipt({ branch, operator, receiptNo, acceptedAt: now, contract, identityDocument: doc, reasonLabel, lostSerial: lost.serial, newSerial, fee, payment: req.payment }),
    apply: () => {
      const fresh = liveToken(p, requireContract(p, contract.contractId));
      if (fresh.serial !== lost.serial) refuse('CONTRACT_CHANGED', 'この契約のトークンが他の処理で変更されました。もう一度照会してください。', 'contractId');
      handOver(p, { contractId: contract.contractId, old: fresh, event: 'REPORT_LOST', newSerial, newOtp: req.newOtp, now });
    },
    journal: () => ({
      kind: 'TOKEN_REISSUED_LOST',
      occurredAt: at,
      operatorId: operator.operatorId,
      serial: newSerial,
      contractId: contract.contractId,
      amount: fee.totalInclTax,
      payload: { reason: req.reason, lostSerial: lost.serial, newSerial, identityDocument: doc, fee, payment: req.payment },
    }),
    outbox: {
      // The stolen serial must stop at the core service before anything else from this terminal.
      kind: 'TOKEN_REISSUED_LOST',
      urgent: true,
      payload: () => ({ operatorId: operator.operatorId, contractId: contract.contractId, lostSerial: lost.serial, newSerial, reason: req.reason, fee: fee.totalInclTax, payment: req.payment }),
    },
  });
  return { ...done, lostSerial: lost.serial, newSerial, fee };
}

/** 利用中止届 (携帯電話のお客さま): the token stops for good; transfers are restricted. */
export async function suspend(p: Ports, operator: Operator, req: SuspendRequest) {
  const f = new FieldCheck();
  const doc = f.take('identityDocument', () => identity(req.identityDocument));
  const serial = f.take('serial', () => validateSerial(req.serial));
  f.done();
  const branch = requireBranch(p);
  const contract = requireContract(p, req.contractId);
  checkSuspensionByForm(contract.featurePhone);
  const token = liveToken(p, contract);
  if (token.serial !== serial) {
    refuse('SERIAL_MISMATCH', `シリアル番号 ${serial} はこの契約のトークン（${token.serial}）と一致しません。届出書の記載を確かめてください。`, 'serial');
  }
  const now = p.now();
  const at = now.toISOString();

  const done = await commitCounterTransaction(p, {
    branch,
    at: now,
    document: (receiptNo) => suspensionSlip({ branch, operator, receiptNo, acceptedAt: now, contract, identityDocument: doc, serial }),
    apply: () => {
      const fresh = requireToken(p, serial);
      moveToken(p.db, serial, fresh.state, nextState(fresh.state, 'SUSPEND', serial), contract.contractId, at);
    },
    journal: () => ({
      kind: 'TOKEN_SUSPENDED',
      occurredAt: at,
      operatorId: operator.operatorId,
      serial,
      contractId: contract.contractId,
      amount: 0,
      payload: { identityDocument: doc, channel: 'COUNTER_FORM' },
    }),
    outbox: {
      kind: 'TOKEN_SUSPENDED',
      urgent: true,
      payload: () => ({ operatorId: operator.operatorId, contractId: contract.contractId, serial, restrictTransfers: true }),
    },
  });
  return { ...done, serial };
}
