/**
 * The second person (検印): exceptions a manager other than the one who asked must approve. Some
 * take effect when approved (a void, a lock override, reopening a day); others are consumed by
 * the act they allow (a fee waiver at 確定, a reprint after the first).
 */
import { refuse } from './errors';
import type { Role } from './types';

export const APPROVAL_KINDS = ['VOID', 'FEE_WAIVER', 'REPRINT', 'LOCK_OVERRIDE', 'DAY_REOPEN', 'BRANCH_CORRECTION'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

export const APPROVAL_KIND_LABELS: Record<ApprovalKind, string> = {
  VOID: '取引の取消',
  FEE_WAIVER: '手数料の免除',
  REPRINT: '2回目以降の再発行',
  LOCK_OVERRIDE: 'トークンの使用停止の解除',
  DAY_REOPEN: '締めた営業日の再開',
  BRANCH_CORRECTION: '店舗情報の訂正',
};

/** Approved, then used by the act it allows; the others take effect when approved. */
export const CONSUMED_APPROVALS: ReadonlySet<ApprovalKind> = new Set(['FEE_WAIVER', 'REPRINT']);

export const APPROVAL_STATES = ['PENDING', 'APPROVED', 'REFUSED', 'USED'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

export const APPROVAL_STATE_LABELS: Record<ApprovalState, string> = { PENDING: '検印待ち', APPROVED: '承認済', REFUSED: '否認', USED: '使用済' };

/** The checker is a manager, and not the maker: nobody approves their own request. */
export function checkApprover(makerId: string, checker: { operatorId: string; role: Role }): void {
  if (checker.role !== 'manager') refuse('APPROVER_NOT_MANAGER', '検印は役席者が行います。役席者のオペレーターIDを入力してください。', 'approverId');
  if (checker.operatorId === makerId) refuse('APPROVER_IS_MAKER', '依頼した本人は検印できません。別の役席者に検印を依頼してください。', 'approverId');
}

/** A reason a person can read later: what the auditors will see beside the exception. */
export function validateReason(raw: string): string {
  // Free text as written: NFKC would turn the reader's （） into ().
  const reason = raw.trim();
  if (reason.length < 2) refuse('REASON_REQUIRED', '理由を入力してください（監査のため記録されます）。', 'reason');
  if ([...reason].length > 200) refuse('REASON_TOO_LONG', '理由は200文字以内で入力してください。', 'reason');
  return reason;
}
