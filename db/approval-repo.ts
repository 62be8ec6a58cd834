import type { ApprovalKind, ApprovalState } from '../domain/approvals';
import type { Db } from './db';
import { sql } from './prepared';

export interface ApprovalRow {
  id: number;
  kind: ApprovalKind;
  subject: string;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  state: ApprovalState;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
  usedAt: string | null;
}

const SELECT = `SELECT id, kind, subject, reason, requested_by AS requestedBy, requested_at AS requestedAt, state,
  decided_by AS decidedBy, decided_at AS decidedAt, note, used_at AS usedAt FROM approvals`;

export function insertApproval(db: Db, a: { kind: ApprovalKind; subject: string; reason: string; requestedBy: string; requestedAt: string }): number {
  return Number(
    sql(db, `INSERT INTO approvals (kind, subject, reason, requested_by, requested_at, state) VALUES (@kind, @subject, @reason, @requestedBy, @requestedAt, 'PENDING')`).run(a)
      .lastInsertRowid,
  );
}

export function findApproval(db: Db, id: number): ApprovalRow | null {
  return (sql(db, `${SELECT} WHERE id = ?`).get(id) as ApprovalRow | undefined) ?? null;
}

/** Requests still waiting for a decision, and approvals not used yet: what the manager's list shows. */
export function openApprovals(db: Db): ApprovalRow[] {
  return sql(db, `${SELECT} WHERE state IN ('PENDING', 'APPROVED') ORDER BY id`).all() as ApprovalRow[];
}

export function countPending(db: Db): number {
  return (sql(db, "SELECT COUNT(*) AS n FROM approvals WHERE state = 'PENDING'").get() as { n: number }).n;
}

/** Moves a request on only from the state the caller saw, so that two decisions never both take effect. */
export function moveApproval(db: Db, id: number, from: ApprovalState, to: Partial<Pick<ApprovalRow, 'decidedBy' | 'decidedAt' | 'note' | 'usedAt'>> & { state: ApprovalState }): void {
  const r = sql(
    db,
    `UPDATE approvals SET state = @state, decided_by = COALESCE(@decidedBy, decided_by), decided_at = COALESCE(@decidedAt, decided_at),
       note = COALESCE(@note, note), used_at = COALESCE(@usedAt, used_at) WHERE id = @id AND state = @from`,
  ).run({ id, from, decidedBy: null, decidedAt: null, note: null, usedAt: null, ...to });
  if (r.changes !== 1) throw new Error(`approval ${id} was not ${from}`);
}
