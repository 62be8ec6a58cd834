/** 回収トークン返却一覧: the list that travels in the parcel of collected tokens back to the vendor. */
import type { Operator } from '../domain/types';
import type { Branch } from '../domain/validation';
import type { CounterDocument } from './counter-document';
import { fromBranch } from './documents';

/** "R101-01-00003": return batches are numbered per terminal, apart from receipts. */
export function returnBatchNo(branch: Pick<Branch, 'branchCode' | 'terminalNo'>, batchId: number): string {
  return `R${branch.branchCode}-${branch.terminalNo}-${String(batchId).padStart(5, '0')}`;
}

export function returnList(a: { branch: Branch; operator: Operator; batchId: number; createdAt: Date; serials: string[] }): CounterDocument {
  return {
    title: '回収トークン返却一覧',
    copy: 'branch',
    receiptNo: returnBatchNo(a.branch, a.batchId),
    acceptedAt: a.createdAt,
    ...fromBranch(a.branch, a.operator),
    customer: [],
    details: [{ label: '返却件数', value: `${a.serials.length}個` }, ...a.serials.map((s, i) => ({ label: `${i + 1}`, value: s }))],
    notices: ['交換によりお預かりしたハードウェアトークンです。この一覧を同封してベンダーへ返送してください。'],
  };
}
