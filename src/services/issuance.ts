import { DomainError, refuse } from '../domain/errors';
import { quoteFee } from '../domain/fees';
import { jstDate } from '../domain/format';
import { checkOtp, type OtpCheck } from '../domain/otp';
import { formatReceiptNo, nextReceiptSeq } from '../domain/receipt-number';
import { nextState, TOKEN_STATE_LABELS } from '../domain/token-lifecycle';
import { validateApplicationForm, validateOtpFormat, validateSerial } from '../domain/validation';
import type { ApplicationForm, FeeQuote } from '../domain/types';
import { readFeeRules } from '../db/branch-repo';
import { findContract, upsertContract } from '../db/contract-repo';
import { appendJournal } from '../db/journal';
import { enqueueOutbox } from '../db/outbox-repo';
import { insertReceipt, lastReceiptSeq } from '../db/receipt-repo';
import { findToken, moveToken, saveOtpMemory, type TokenRow } from '../db/token-repo';
import type { IssueRequest, Operator } from './contract';
import { issuanceReceipt, toStored } from './documents';
import { invalid, ServiceFailure } from './failures';
import type { Ports } from './ports';
import { requireBranch } from './setup';
import { requireToken } from './stock';

/** Thrown inside the transaction when another writer took the receipt number we rendered. */
class ReceiptNumberTaken extends Error {}

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

function verifyOtp(p: Ports, token: TokenRow, otp: string, now: Date): OtpCheck & { ok: true } {
  validateOtpFormat(otp, token.params.digits);
  const check = checkOtp({
    params: token.params,
    secret: p.secrets.open(token.secretEnc, token.serial),
    memory: token.memory,
    otp,
    nowEpochSeconds: Math.floor(now.getTime() / 1000),
  });
  if (!check.ok) {
    saveOtpMemory(p.db, token.serial, check.memory);
    throw new ServiceFailure(`OTP_${check.reason}`, check.message, { otp: check.message });
  }
  return check;
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
  verifyOtp(p, token, otp, now);
  const fee: FeeQuote = quoteFee(readFeeRules(p.db), 'HW_TOKEN_ISSUE', jstDate(now));
  const at = now.toISOString();

  for (let attempt = 0; attempt < 3; attempt++) {
    const receiptSeq = nextReceiptSeq(lastReceiptSeq(p.db));
    const receiptNo = formatReceiptNo(branch.branchCode, branch.terminalNo, receiptSeq);
    const doc = issuanceReceipt({ branch, operator, receiptNo, acceptedAt: now, form, serial, fee, payment: req.payment });
    const pdf = await p.renderDocument(doc);
    try {
      p.db.transaction(() => {
        if (nextReceiptSeq(lastReceiptSeq(p.db)) !== receiptSeq) throw new ReceiptNumberTaken();
        refuseIfContractHasToken(p, form.contractId);
        const fresh = requireToken(p, serial);
        const to = nextState(fresh.state, 'ISSUE', serial);
        const check = verifyOtp(p, fresh, otp, now);
        const entry = appendJournal(p.db, {
          kind: 'TOKEN_ISSUED',
          occurredAt: at,
          operatorId: operator.operatorId,
          receiptNo,
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
        });
        upsertContract(p.db, form, serial, at);
        moveToken(p.db, serial, fresh.state, to, form.contractId, at);
        saveOtpMemory(p.db, serial, check.memory);
        insertReceipt(p.db, { receiptNo, receiptSeq, journalSeq: entry.seq, kind: 'TOKEN_ISSUED', issuedAt: at, document: JSON.stringify(toStored(doc)), pdf });
        enqueueOutbox(p.db, {
          journalSeq: entry.seq,
          kind: 'TOKEN_ISSUED',
          urgent: false,
          payload: {
            type: 'TOKEN_ISSUED',
            terminal: `${branch.branchCode}-${branch.terminalNo}`,
            receiptNo,
            occurredAt: at,
            operatorId: operator.operatorId,
            serial,
            contractId: form.contractId,
            featurePhone: form.featurePhone,
            fee: fee.totalInclTax,
            payment: req.payment,
          },
          createdAt: at,
        });
      }).immediate();
      return { receiptNo, acceptedAt: at, serial, fee };
    } catch (e) {
      if (!(e instanceof ReceiptNumberTaken)) throw e;
    }
  }
  throw new ServiceFailure('BUSY', '他の端末の処理と重なりました。もう一度「確定」を押してください。');
}
