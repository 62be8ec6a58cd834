import type { Db } from './db';
import { sql } from './prepared';
import type { Role } from '../domain/types';

export interface OperatorRow {
  operatorId: string;
  name: string;
  role: Role;
  passwordHash: string;
  failedAttempts: number;
  locked: boolean;
  /** The password was set by a manager (or the recovery command): the operator changes it before anything else. */
  mustChangePassword: boolean;
  /** When the operator was retired; a retired operator never logs in again. */
  retiredAt: string | null;
}

type RawOperator = Omit<OperatorRow, 'locked' | 'mustChangePassword'> & { locked: number; mustChangePassword: number };

const SELECT = `SELECT operator_id AS operatorId, name, role, password_hash AS passwordHash,
  failed_attempts AS failedAttempts, locked, must_change_password AS mustChangePassword, retired_at AS retiredAt FROM operators`;

function fromRow(r: RawOperator): OperatorRow {
  return { ...r, locked: r.locked === 1, mustChangePassword: r.mustChangePassword === 1 };
}

export function findOperator(db: Db, operatorId: string): OperatorRow | null {
  const r = sql(db, `${SELECT} WHERE operator_id = ?`).get(operatorId) as RawOperator | undefined;
  return r ? fromRow(r) : null;
}

export function listOperators(db: Db): OperatorRow[] {
  return (sql(db, `${SELECT} ORDER BY operator_id`).all() as RawOperator[]).map(fromRow);
}

export function insertOperator(
  db: Db,
  o: Pick<OperatorRow, 'operatorId' | 'name' | 'role' | 'passwordHash' | 'mustChangePassword'>,
  createdAt: string,
): void {
  sql(db, 
    `INSERT INTO operators (operator_id, name, role, password_hash, must_change_password, created_at)
     VALUES (@operatorId, @name, @role, @passwordHash, @mustChangePassword, @createdAt)`,
  ).run({ ...o, mustChangePassword: o.mustChangePassword ? 1 : 0, createdAt });
}

export function recordLoginFailure(db: Db, operatorId: string, lockAfter: number): OperatorRow {
  sql(db, 
    `UPDATE operators SET failed_attempts = failed_attempts + 1,
       locked = CASE WHEN failed_attempts + 1 >= ? THEN 1 ELSE locked END
     WHERE operator_id = ?`,
  ).run(lockAfter, operatorId);
  return findOperator(db, operatorId)!;
}

export function clearLoginFailures(db: Db, operatorId: string): void {
  sql(db, 'UPDATE operators SET failed_attempts = 0, locked = 0 WHERE operator_id = ?').run(operatorId);
}

/** A new password; a manager's reset (mustChange) also lifts a lock, since a forgotten password is what locks most. */
export function setPassword(db: Db, operatorId: string, passwordHash: string, mustChange: boolean): void {
  sql(db, 'UPDATE operators SET password_hash = ?, must_change_password = ?, failed_attempts = 0, locked = 0 WHERE operator_id = ?').run(
    passwordHash,
    mustChange ? 1 : 0,
    operatorId,
  );
}

export function setRole(db: Db, operatorId: string, role: Role): void {
  sql(db, 'UPDATE operators SET role = ? WHERE operator_id = ?').run(role, operatorId);
}

export function retireOperator(db: Db, operatorId: string, at: string): void {
  sql(db, 'UPDATE operators SET retired_at = ? WHERE operator_id = ? AND retired_at IS NULL').run(at, operatorId);
}
