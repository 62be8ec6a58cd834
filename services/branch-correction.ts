import { correctBranch } from '../db/branch-repo';
import { appendJournal } from '../db/journal';
import { branchCorrection, correctionSubject, parseCorrectionSubject, CORRECTABLE_FIELDS, type CorrectionInput } from '../domain/branch-correction';
import { FieldCheck, refuse } from '../domain/errors';
import type { Operator } from './contract';
import type { Ports } from './ports';
import { checkPrintable } from './printable';
import { requireBranch } from './setup';

/**
 * 検印 BRANCH_CORRECTION, when asked for: `raw` is what the manager typed ({"branchName": "駅前支店"}),
 * the subject kept is each changed field's value before and after (domain/branch-correction.ts).
 */
export function checkBranchCorrection(p: Ports, raw: string): string {
  let input: CorrectionInput;
  try {
    input = JSON.parse(raw) as CorrectionInput;
  } catch {
    return refuse('CORRECTION_SUBJECT', '店舗情報の訂正の内容を読み取れません。店舗設定から訂正を依頼し直してください。', 'subject');
  }
  const correction = branchCorrection(requireBranch(p), input);
  const f = new FieldCheck();
  if (correction.branchName) checkPrintable(f, 'branchName', '店舗名', correction.branchName.to);
  f.done();
  return correctionSubject(correction);
}

/**
 * 検印 BRANCH_CORRECTION, when a second manager approves: the branch takes the new values if it
 * still has the ones the request saw; from the next document on, for receipts keep what they printed.
 * Journalled with both managers and the approval.
 */
export function applyBranchCorrection(p: Ports, subject: string, maker: Operator, checker: Operator, approvalId: number) {
  if (maker.role !== 'manager') refuse('CORRECTION_BY_MANAGER', '店舗情報の訂正は役席者が依頼します。この依頼は否認してください。');
  const changes = parseCorrectionSubject(subject);
  const branch = requireBranch(p);
  if (CORRECTABLE_FIELDS.some((k) => changes[k] && changes[k].from !== branch[k])) {
    refuse('BRANCH_CHANGED', '依頼のあとに店舗情報が変わったため、この訂正は反映できません。否認して、店舗設定から依頼し直してください。');
  }
  const after = { ...branch, ...Object.fromEntries(CORRECTABLE_FIELDS.filter((k) => changes[k]).map((k) => [k, changes[k]!.to])) };
  correctBranch(p.db, after);
  appendJournal(p.db, {
    kind: 'BRANCH_CORRECTED',
    occurredAt: p.now().toISOString(),
    operatorId: checker.operatorId,
    payload: { changes, maker: maker.operatorId, checker: checker.operatorId, approvalId },
  });
  return { branch: requireBranch(p) };
}
