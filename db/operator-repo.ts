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
}

const SELECT = `SELECT operator_id AS operatorId, name, role, password_hash AS passwordHash,
  failed_attempts AS failedAttempts, locked FROM operators`;

function fromRow(r: Omit<OperatorRow, 'locked'> & { locked: number }): OperatorRow {
  return { ...r, locked: r.locked === 1 };
}

export function findOperator(db: Db, operatorId: string): OperatorRow | null {
  const r = sql(db, `${SELECT} WHERE operator_id = ?`).get(operatorId) as
    | (Omit<OperatorRow, 'locked'> & { locked: number })
    | undefined;
  return r ? fromRow(r) : null;
}

export function listOperators(db: Db): OperatorRow[] {
  return (sql(db, `${SELECT} ORDER BY operator_id`).all() as (Omit<OperatorRow, 'locked'> & { locked: number })[]).map(
    fromRow,
  );
}

export function insertOperator(db: Db, o: Omit<OperatorRow, 'failedAttempts' | 'locked'>, createdAt: string): void {
  sql(db, 
    `INSERT INTO operators (operator_id, name, role, password_hash, created_at)
     VALUES (@operatorId, @name, @role, @passwordHash, @createdAt)`,
  ).run({ ...o, createdAt });
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
