import { feeKindFor, REISSUE_REASON_LABELS } from '../domain/counter-rules';
import { FieldCheck, refuseForm } from '../domain/errors';
import { normalizeInput } from '../domain/validation';
import { reissueReceipt } from '../templates/documents';
import type { Operator, ReissueRequest } from './contract';
import { liveToken, requireContract, requireIdentityDocument } from './contracts';
import { commitCounterTransaction } from './counter-transaction';
import { actFee } from './fee';
import { handOver, NEW_OTP_MISSING, takeFromStock } from './exchange';
import type { Ports } from './ports';
import { checkSerial } from './stock';

/** 紛失・盗難の再発行: nothing handed in; the old serial is stopped (LOST) and a new token sold. */
export function reissue(p: Ports, operator: Operator, req: ReissueRequest) {
  const f = new FieldCheck();
  const identityDocument = f.take('identityDocument', () => requireIdentityDocument(req.identityDocument));
  const newSerial = f.take('newSerial', () => checkSerial(p, req.newSerial));
  f.add('newOtp', !req.newOtp.trim() && NEW_OTP_MISSING);
  if (!f.ok || identityDocument === undefined || newSerial === undefined) return refuseForm(f.errors);

  return commitCounterTransaction(p, operator, { kind: 'TOKEN_REISSUED_LOST', serial: newSerial, contractId: normalizeInput(req.contractId) }, ({ now, at, branch }) => {
    const contract = requireContract(p, req.contractId);
    const lost = liveToken(p, contract);
    const fresh = takeFromStock(p, newSerial, req.newOtp, now);
    const { fee, waived } = actFee(p, operator, feeKindFor(req.reason, false), now, { approvalId: req.feeWaiverApprovalId, contractId: contract.contractId });
    handOver(p, { contractRef: contract.contractRef, old: lost, event: 'REPORT_LOST', fresh, at });
    const reasonLabel = REISSUE_REASON_LABELS[req.reason];
    const lostSerial = lost.serial;
    return {
      document: (receiptNo) =>
        reissueReceipt({ branch, operator, receiptNo, acceptedAt: now, contract, identityDocument, reasonLabel, lostSerial, newSerial, fee, payment: req.payment }),
      journal: {
        serial: newSerial,
        contractRef: contract.contractRef,
        amount: fee.totalInclTax,
        payload: { reason: req.reason, lostSerial, newSerial, identityDocument, fee, payment: req.payment, ...(waived ? { feeWaived: waived } : {}) },
      },
      // The stolen serial must stop at the core service before anything else from this terminal.
      outbox: { urgent: true, payload: { contractId: contract.contractId, lostSerial, newSerial, reason: req.reason, fee: fee.totalInclTax, payment: req.payment } },
      result: { lostSerial, newSerial, fee },
    };
  });
}
