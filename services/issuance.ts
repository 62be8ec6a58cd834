import { DomainError, refuse } from '../domain/errors';
import { quoteFee } from '../domain/fees';
import { jstDate } from '../domain/format';
import { nextState, TOKEN_STATE_LABELS } from '../domain/token-lifecycle';
import { validateApplicationForm, validateSerial } from '../domain/validation';
import type { ApplicationForm } from '../domain/types';
import { readFeeRules } from '../db/branch-repo';
import { findContract, upsertContract } from '../db/contract-repo';
import { findToken, moveToken, saveOtpMemory } from '../db/token-repo';
import type { IssueRequest, Operator } from './contract';
import { commitCounterTransaction } from './counter-transaction';
import { issuanceReceipt } from './documents';
import { invalid } from './failures';
import type { Ports } from './ports';
import { requireBranch } from './setup';
import { requireToken } from './stock';
import { verifyTokenOtp } from './token-otp';

function validateIssueRequest(req: IssueRequest): { form: ApplicationForm; serial: string; otp: string } {
  const v = validateApplicationForm(req);
  const errors = v.ok ? {} : { ...v.errors };
  let serial = '';
  try {
    serial = validateSerial(req.serial);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    errors.serial = e.message;
  }
  if (req.otp.trim() === '') errors.otp = 'トークンの①ボタンを押して表示された6桁を入力してください。';
  if (!v.ok || Object.keys(errors).length > 0) invalid(errors);
  return { form: v.value, serial, otp: req.otp };
}

/** The contract may hold one live token: a second one goes through 交換 or 紛失 instead. */
function refuseIfContractHasToken(p: Ports, contractId: string): void {
  const current = findContract(p.db, contractId)?.currentSerial;
  if (!current) return;
  const t = findToken(p.db, current);
  if (t && (t.state === 'ISSUED' || t.state === 'ACTIVE')) {
    refuse(
      'CONTRACT_HAS_TOKEN',
      `この契約者IDには${TOKEN_STATE_LABELS[t.state]}のトークン（シリアル番号 ${current}）があります。交換または紛失・盗難の手続きを行ってください。`,
      'contractId',
    );
  }
}

/**
 * ハードウェアトークン発行: the form, the serial from stock, the customer's OTP, the fee.
 * Journal entry, contract, token state, receipt and outbox row commit together or not at all.
 */
export async function issue(p: Ports, operator: Operator, req: IssueRequest) {
  const { form, serial, otp } = validateIssueRequest(req);
  const branch = requireBranch(p);
  refuseIfContractHasToken(p, form.contractId);
  const token = requireToken(p, serial);
  nextState(token.state, 'ISSUE', serial);
  const now = p.now();
  verifyTokenOtp(p, token, otp, now);
  const fee = quoteFee(readFeeRules(p.db), 'HW_TOKEN_ISSUE', jstDate(now));
  const at = now.toISOString();

  const done = await commitCounterTransaction(p, {
    branch,
    at: now,
    document: (receiptNo) => issuanceReceipt({ branch, operator, receiptNo, acceptedAt: now, form, serial, fee, payment: req.payment }),
    apply: () => {
      refuseIfContractHasToken(p, form.contractId);
      const fresh = requireToken(p, serial);
      const to = nextState(fresh.state, 'ISSUE', serial);
      const check = verifyTokenOtp(p, fresh, otp, now);
      upsertContract(p.db, form, serial, at);
      moveToken(p.db, serial, fresh.state, to, form.contractId, at);
      saveOtpMemory(p.db, serial, check.memory);
    },
    journal: () => ({
      kind: 'TOKEN_ISSUED',
      occurredAt: at,
      operatorId: operator.operatorId,
      serial,
      contractId: form.contractId,
      amount: fee.totalInclTax,
      payload: {
        fee,
        payment: req.payment,
        identityDocument: form.identityDocument,
        sealChecked: form.sealChecked,
        featurePhone: form.featurePhone,
      },
    }),
    outbox: {
      kind: 'TOKEN_ISSUED',
      urgent: false,
      payload: () => ({
        operatorId: operator.operatorId,
        serial,
        contractId: form.contractId,
        featurePhone: form.featurePhone,
        fee: fee.totalInclTax,
        payment: req.payment,
      }),
    },
  });
  return { ...done, serial, fee };
}
