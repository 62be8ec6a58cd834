import { APPROVAL_KIND_LABELS, APPROVAL_STATE_LABELS, checkApprover, CONSUMED_APPROVALS, validateReason, type ApprovalKind } from '../domain/approvals';
import { FieldCheck, refuse, refuseForm } from '../domain/errors';
import { appendJournal } from '../db/journal';
import { findApproval, insertApproval, moveApproval, openApprovals, type ApprovalRow } from '../db/approval-repo';
import { findOperator } from '../db/operator-repo';
import type { Operator } from './contract';
import { checkCredentials } from './credentials';
import type { Ports } from './ports';
import { checkPrintable } from './printable';

/** What an approval does when it is granted, for the kinds that take effect then; given both people. */
export type ApprovalEffect = (p: Ports, approval: ApprovalRow, maker: Operator, checker: Operator) => Record<string, unknown>;

/** The request's subject as the act it allows names it; each kind checks its own (it exists, it can be done). */
export type SubjectCheck = (p: Ports, raw: string) => string;

export interface ApprovalRules {
  subject: Partial<Record<ApprovalKind, SubjectCheck>>;
  effect: Partial<Record<ApprovalKind, ApprovalEffect>>;
}

function operatorOf(p: Ports, operatorId: string): Operator {
  const row = findOperator(p.db, operatorId) ?? refuse('OPERATOR_UNKNOWN', `オペレーター ${operatorId} は登録されていません。`);
  return { operatorId: row.operatorId, name: row.name, role: row.role };
}

/** A request for the second person (検印), journalled with its maker; it waits in the manager's list. */
export function requestApproval(p: Ports, rules: ApprovalRules, maker: Operator, req: { kind: ApprovalKind; subject: string; reason: string }) {
  const f = new FieldCheck();
  const reason = f.take('reason', () => validateReason(req.reason));
  // A void's reason is printed on its slip (取消の理由).
  if (reason !== undefined) checkPrintable(f, 'reason', '理由', reason);
  const check = rules.subject[req.kind];
  const subject = f.takeForm('subject', () => (check ? check(p, req.subject) : req.subject.normalize('NFKC').trim()));
  if (!f.ok || reason === undefined || subject === undefined) return refuseForm(f.errors);
  const at = p.now().toISOString();
  return p.db.transaction(() => {
    const id = insertApproval(p.db, { kind: req.kind, subject, reason, requestedBy: maker.operatorId, requestedAt: at });
    appendJournal(p.db, { kind: 'APPROVAL_REQUESTED', occurredAt: at, operatorId: maker.operatorId, payload: { approvalId: id, kind: req.kind, subject, reason } });
    return { id, kind: req.kind, state: 'PENDING' as const };
  }).immediate();
}

export function listApprovals(p: Ports) {
  return {
    approvals: openApprovals(p.db).map((a) => ({
      id: a.id,
      kind: a.kind,
      kindLabel: APPROVAL_KIND_LABELS[a.kind],
      subject: a.subject,
      reason: a.reason,
      requestedBy: a.requestedBy,
      requestedAt: a.requestedAt,
      state: a.state,
      stateLabel: APPROVAL_STATE_LABELS[a.state],
    })),
  };
}

/**
 * A manager other than the maker decides, authenticating on this terminal with their own ID and
 * password (whoever is logged in). Approval and its effect commit together; a refusal is journalled too.
 */
export function decideApproval(p: Ports, rules: ApprovalRules, req: { id: number; approverId: string; password: string; approve: boolean; note?: string | undefined }) {
  const approval = findApproval(p.db, req.id) ?? refuse('APPROVAL_UNKNOWN', 'この検印依頼は見つかりません。一覧を更新してください。');
  if (approval.state !== 'PENDING') refuse('APPROVAL_DECIDED', `この依頼は既に${APPROVAL_STATE_LABELS[approval.state]}です。`);
  const checkerRow = checkCredentials(p, { operatorId: req.approverId, password: req.password }, 'approval');
  const checker: Operator = { operatorId: checkerRow.operatorId, name: checkerRow.name, role: checkerRow.role };
  checkApprover(approval.requestedBy, checker);
  const maker = operatorOf(p, approval.requestedBy);
  const at = p.now().toISOString();
  const note = req.note?.normalize('NFKC').trim() || null;
  const decided = { maker: maker.operatorId, checker: checker.operatorId, approvalId: approval.id, kind: approval.kind, subject: approval.subject };
  return p.db.transaction(() => {
    if (!req.approve) {
      moveApproval(p.db, approval.id, 'PENDING', { state: 'REFUSED', decidedBy: checker.operatorId, decidedAt: at, note });
      appendJournal(p.db, { kind: 'APPROVAL_REFUSED', occurredAt: at, operatorId: checker.operatorId, payload: { ...decided, note } });
      return { id: approval.id, state: 'REFUSED' as const, result: {} };
    }
    const consumed = CONSUMED_APPROVALS.has(approval.kind);
    moveApproval(p.db, approval.id, 'PENDING', { state: consumed ? 'APPROVED' : 'USED', decidedBy: checker.operatorId, decidedAt: at, note, ...(consumed ? {} : { usedAt: at }) });
    appendJournal(p.db, { kind: 'APPROVAL_GRANTED', occurredAt: at, operatorId: checker.operatorId, payload: { ...decided, note } });
    const effect = consumed ? undefined : rules.effect[approval.kind];
    if (!consumed && !effect) throw new Error(`no effect for approval kind ${approval.kind}`);
    return { id: approval.id, state: consumed ? ('APPROVED' as const) : ('USED' as const), result: effect ? effect(p, approval, maker, checker) : {} };
  }).immediate();
}

/** The approval a manager granted for this kind, this subject and this maker: refused otherwise. */
export function usableApproval(p: Ports, id: number, kind: ApprovalKind, subject: string, by: Operator): ApprovalRow {
  const a = findApproval(p.db, id);
  if (!a || a.kind !== kind || a.subject !== subject || a.requestedBy !== by.operatorId) {
    refuse('APPROVAL_MISMATCH', `この操作に使える検印（${APPROVAL_KIND_LABELS[kind]}）がありません。検印を依頼してください。`);
  }
  if (a.state !== 'APPROVED') refuse('APPROVAL_NOT_GRANTED', `検印（${APPROVAL_KIND_LABELS[kind]}）は${APPROVAL_STATE_LABELS[a.state]}です。`);
  return a;
}

/**
 * Inside the act an approval allows (a fee waiver at 確定, a reprint after the first): the approval
 * must be usable, and is used up with the act.
 */
export function useApproval(p: Ports, id: number, kind: ApprovalKind, subject: string, by: Operator): ApprovalRow {
  const a = usableApproval(p, id, kind, subject, by);
  moveApproval(p.db, a.id, 'APPROVED', { state: 'USED', usedAt: p.now().toISOString() });
  return a;
}
