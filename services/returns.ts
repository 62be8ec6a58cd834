import { refuse } from '../domain/errors';
import { nextState } from '../domain/token-lifecycle';
import { validateSerial } from '../domain/validation';
import { appendJournal } from '../db/journal';
import { insertReturnBatch, listCollected, nextReturnBatchId } from '../db/return-repo';
import { moveToken } from '../db/token-repo';
import type { Operator } from './contract';
import { fromBranch } from './documents';
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
export async function createBatch(p: Ports, by: Operator, req: { serials: string[] }) {
  const serials = [...new Set(req.serials.map((s) => validateSerial(s)))];
  for (const s of serials) {
    const t = requireToken(p, s);
    if (t.state !== 'EXCHANGED') nextState(t.state, 'RETURN_TO_VENDOR', s);
  }
  const branch = requireBranch(p);
  const now = p.now();
  const at = now.toISOString();
  const batchId = nextReturnBatchId(p.db);
  const pdf = await p.renderDocument({
    title: '回収トークン返却一覧',
    copy: 'branch',
    receiptNo: `R${branch.branchCode}-${branch.terminalNo}-${String(batchId).padStart(5, '0')}`,
    acceptedAt: now,
    ...fromBranch(branch),
    operator: { operatorId: by.operatorId, name: by.name },
    customer: [],
    details: [{ label: '返却件数', value: `${serials.length}個` }, ...serials.map((s, i) => ({ label: `${i + 1}`, value: s }))],
    notices: ['交換によりお預かりしたハードウェアトークンです。この一覧を同封してベンダーへ返送してください。'],
  });
  p.db.transaction(() => {
    if (nextReturnBatchId(p.db) !== batchId) refuse('BUSY', '他の返却処理と重なりました。もう一度お試しください。');
    for (const s of serials) {
      const t = requireToken(p, s);
      moveToken(p.db, s, t.state, nextState(t.state, 'RETURN_TO_VENDOR', s), t.contractId, at);
    }
    insertReturnBatch(p.db, { batchId, operatorId: by.operatorId, createdAt: at, serials, pdf });
    appendJournal(p.db, { kind: 'TOKENS_RETURNED', occurredAt: at, operatorId: by.operatorId, payload: { batchId, serials } });
  }).immediate();
  return { batchId, count: serials.length, pdfBase64: pdf.toString('base64') };
}
