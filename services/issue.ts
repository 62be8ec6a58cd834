import { FieldCheck, refuse, refuseForm } from '../domain/errors';
import { otpDigitsText } from '../domain/otp-format';
import { isLive, nextState, TOKEN_STATE_LABELS } from '../domain/token-lifecycle';
import type { ApplicationForm } from '../domain/types';
import { normalizeName, validateApplicationForm } from '../domain/validation';
import { findContract, upsertContract } from '../db/contract-repo';
import { findKnownToken, moveToken, saveOtpMemory } from '../db/token-repo';
import { issueReceipt } from '../templates/documents';
import type { IssueRequest, Operator } from './contract';
import { commitCounterTransaction } from './counter-transaction';
import { actFee } from './fee';
import type { Ports } from './ports';
import { checkPrintable } from './printable';
import { checkSerial, requireToken } from './stock';
import { checkTokenOtp } from './token-otp';

/** What the teller is told when a token's code was not typed (its digits are known only from the token). */
export const OTP_MISSING = `トークンの①ボタンを押して表示された数字（${otpDigitsText()}）を入力してください。`;

function validateIssueRequest(p: Ports, req: IssueRequest): { form: ApplicationForm; serial: string } {
  const f = new FieldCheck();
  const v = validateApplicationForm(req);
  if (!v.ok) f.addAll(v.errors);
  checkPrintable(f, 'nameKanji', 'お名前（漢字）', normalizeName(req.nameKanji));
  const serial = f.take('serial', () => checkSerial(p, req.serial));
  f.add('otp', req.otp.trim() === '' && OTP_MISSING);
  if (!v.ok || serial === undefined || !f.ok) return refuseForm(f.errors);
  return { form: v.value, serial };
}

/** The contract may hold one live token (issued here or, as the bank says, elsewhere): a second one goes through 交換 or 紛失 instead. */
function refuseIfContractHasToken(p: Ports, contractId: string): void {
  const current = findContract(p.db, p.secrets, contractId)?.currentSerial;
  const t = current ? findKnownToken(p.db, current) : null;
  if (t && isLive(t.state)) {
    refuse(
      'CONTRACT_HAS_TOKEN',
      `この契約者IDには${TOKEN_STATE_LABELS[t.state]}のトークン（シリアル番号 ${t.serial}）があります。交換または紛失・盗難の手続きを行ってください。`,
      'contractId',
    );
  }
}

/**
 * ハードウェアトークン発行: the form, the serial from stock, the customer's OTP, the fee. Journal
 * entry, contract, token state, receipt and outbox row commit together or not at all.
 */
export function issue(p: Ports, operator: Operator, req: IssueRequest) {
  const { form, serial } = validateIssueRequest(p, req);
  return commitCounterTransaction(p, operator, { kind: 'TOKEN_ISSUED', serial, contractId: form.contractId }, ({ now, at, branch }) => {
    refuseIfContractHasToken(p, form.contractId);
    const token = requireToken(p, serial);
    const to = nextState(token.state, 'ISSUE', serial);
    const memory = checkTokenOtp(p, token, req.otp, now);
    const { fee, waived } = actFee(p, operator, 'HW_TOKEN_ISSUE', now, { approvalId: req.feeWaiverApprovalId, contractId: form.contractId });
    upsertContract(p.db, p.secrets, form, serial, at);
    moveToken(p.db, serial, token.state, to, p.secrets.contractRef(form.contractId), at);
    saveOtpMemory(p.db, serial, memory);
    return {
      document: (receiptNo) => issueReceipt({ branch, operator, receiptNo, acceptedAt: now, form, serial, fee, payment: req.payment }),
      journal: {
        serial,
        contractRef: p.secrets.contractRef(form.contractId),
        amount: fee.totalInclTax,
        payload: { fee, payment: req.payment, identityDocument: form.identityDocument, sealChecked: form.sealChecked, featurePhone: form.featurePhone, ...(waived ? { feeWaived: waived } : {}) },
      },
      outbox: {
        urgent: false,
        // The name and account too: a branch that did not issue the token prints them on its slips.
        payload: { serial, contractId: form.contractId, nameKanji: form.nameKanji, nameKana: form.nameKana, account: form.account, featurePhone: form.featurePhone, fee: fee.totalInclTax, payment: req.payment },
      },
      result: { serial, fee },
    };
  });
}
