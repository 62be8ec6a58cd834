import { checkSuspensionByForm } from '../domain/counter-rules';
import { FieldCheck, refuse, refuseForm } from '../domain/errors';
import { nextState } from '../domain/token-lifecycle';
import { normalizeInput } from '../domain/validation';
import { moveToken } from '../db/token-repo';
import { suspensionSlip } from '../templates/documents';
import type { Operator, SuspendRequest } from './contract';
import { liveToken, requireContract, requireIdentityDocument } from './contracts';
import { commitCounterTransaction } from './counter-transaction';
import type { Ports } from './ports';
import { checkSerial } from './stock';

/** 利用中止届 (携帯電話のお客さま): the token stops for good; transfers are restricted. */
export function suspend(p: Ports, operator: Operator, req: SuspendRequest) {
  const f = new FieldCheck();
  const identityDocument = f.take('identityDocument', () => requireIdentityDocument(req.identityDocument));
  const serial = f.take('serial', () => checkSerial(p, req.serial));
  if (!f.ok || identityDocument === undefined || serial === undefined) return refuseForm(f.errors);

  return commitCounterTransaction(p, operator, { kind: 'TOKEN_SUSPENDED', serial, contractId: normalizeInput(req.contractId) }, ({ now, at, branch }) => {
    const contract = requireContract(p, req.contractId);
    checkSuspensionByForm(contract.featurePhone);
    const token = liveToken(p, contract);
    if (token.serial !== serial) {
      refuse('SERIAL_MISMATCH', `シリアル番号 ${serial} はこの契約のトークン（${token.serial}）と一致しません。届出書の記載を確かめてください。`, 'serial');
    }
    moveToken(p.db, serial, token.state, nextState(token.state, 'SUSPEND', serial), contract.contractRef, at);
    return {
      document: (receiptNo) => suspensionSlip({ branch, operator, receiptNo, acceptedAt: now, contract, identityDocument, serial }),
      journal: { serial, contractRef: contract.contractRef, amount: 0, payload: { identityDocument, channel: 'COUNTER_FORM' } },
      outbox: { urgent: true, payload: { contractId: contract.contractId, serial, restrictTransfers: true } },
      result: { serial },
    };
  });
}
