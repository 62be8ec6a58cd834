import { nextState } from '../domain/token-lifecycle';
import { validateSerial } from '../domain/validation';
import { appendJournal } from '../db/journal';
import { insertReturnBatch, listCollected, nextReturnBatchId } from '../db/return-repo';
import { moveToken } from '../db/token-repo';
import type { Operator } from './contract';
import { returnList } from '../templates/return-list';
import type { Ports } from './ports';
import { requireBranch } from './setup';
import { requireToken } from './stock';

export function collected(p: Ports) {
  return { tokens: listCollected(p.db) };
}

/**
 * A return batch: the chosen tokens from the collected box go back to the vendor
 * (RETURNED_TO_VENDOR) with a printed list that travels in the parcel.
 */
export function createBatch(p: Ports, by: Operator, req: { serials: string[] }) {
  const serials = [...new Set(req.serials.map((s) => validateSerial(s)))];
  const now = p.now();
  const at = now.toISOString();
  return p.db.transaction(() => {
    const branch = requireBranch(p);
    const batchId = nextReturnBatchId(p.db);
    for (const s of serials) {
      const t = requireToken(p, s);
      moveToken(p.db, s, t.state, nextState(t.state, 'RETURN_TO_VENDOR', s), t.contractId, at);
    }
    const pdf = p.renderDocument(returnList({ branch, operator: by, batchId, createdAt: now, serials }));
    insertReturnBatch(p.db, { batchId, operatorId: by.operatorId, createdAt: at, serials, pdf });
    appendJournal(p.db, { kind: 'TOKENS_RETURNED', occurredAt: at, operatorId: by.operatorId, payload: { batchId, serials } });
    return { batchId, count: serials.length, pdfBase64: pdf.toString('base64') };
  }).immediate();
}
