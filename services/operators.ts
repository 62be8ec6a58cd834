import {
  clearLoginFailures,
  findOperator,
  insertOperator,
  listOperators,
  retireOperator,
  setPassword,
  setRole,
  type OperatorRow,
} from '../db/operator-repo';
import { appendJournal } from '../db/journal';
import { normalizeInput, validateOperatorId, validateOperatorName, validatePassword } from '../domain/validation';
import { FieldCheck, refuseForm } from '../domain/errors';
import { ROLE_LABELS, type Role } from '../domain/types';
import type { Operator } from './contract';
import { ServiceFailure } from './failures';
import { hashPassword } from './passwords';
import type { Ports } from './ports';
import { checkPrintable } from './printable';

export function list(p: Ports) {
  return {
    operators: listOperators(p.db).map((o) => ({
      operatorId: o.operatorId,
      name: o.name,
      role: o.role,
      locked: o.locked,
      failedAttempts: o.failedAttempts,
      mustChangePassword: o.mustChangePassword,
      retiredAt: o.retiredAt,
    })),
  };
}

/** A manager registers an operator with a first password, which the operator changes at the first login. */
export function create(
  p: Ports,
  by: Operator,
  req: { operatorId: string; name: string; role: Role; password: string },
): { operator: Operator } {
  const f = new FieldCheck();
  const operatorId = f.take('operatorId', () => validateOperatorId(req.operatorId));
  const password = f.take('password', () => validatePassword(req.password));
  const name = f.take('name', () => validateOperatorName(req.name));
  if (name !== undefined) checkPrintable(f, 'name', '氏名', name);
  f.add('operatorId', operatorId !== undefined && findOperator(p.db, operatorId) !== null && `オペレーターID ${operatorId} は既に登録されています。`);
  if (!f.ok || operatorId === undefined || password === undefined || name === undefined) return refuseForm(f.errors);
  const operator: Operator = { operatorId, name, role: req.role };
  const at = p.now().toISOString();
  const passwordHash = hashPassword(password);
  p.db.transaction(() => {
    insertOperator(p.db, { ...operator, passwordHash, mustChangePassword: true }, at);
    appendJournal(p.db, { kind: 'OPERATOR_CREATED', occurredAt: at, operatorId: by.operatorId, payload: { operator } });
  }).immediate();
  return { operator };
}

/** What a manager may not do to their own ID: it would take away the access they are using, or skip a second person. */
const NOT_ON_ONESELF = {
  reset: 'ご自身のパスワードは「パスワード変更」で変更してください。',
  role: 'ご自身の役割は変更できません。別の役席者に依頼してください。',
  retire: 'ご自身を退職登録することはできません。別の役席者に依頼してください。',
} as const;

/** The operator a manager acts on: registered and not retired; for `self`, not the manager. */
function target(p: Ports, by: Operator, operatorId: string, self?: keyof typeof NOT_ON_ONESELF): OperatorRow {
  const row = findOperator(p.db, normalizeInput(operatorId));
  if (!row) throw new ServiceFailure('OPERATOR_UNKNOWN', 'そのオペレーターIDは登録されていません。');
  if (row.retiredAt) throw new ServiceFailure('OPERATOR_RETIRED', `オペレーター ${row.operatorId} は退職登録済みのため、変更できません。`);
  if (self && row.operatorId === by.operatorId) throw new ServiceFailure('OPERATOR_SELF', NOT_ON_ONESELF[self]);
  return row;
}

export function unlock(p: Ports, by: Operator, req: { operatorId: string }): Record<string, never> {
  const t = target(p, by, req.operatorId);
  const at = p.now().toISOString();
  p.db.transaction(() => {
    clearLoginFailures(p.db, t.operatorId);
    appendJournal(p.db, { kind: 'OPERATOR_UNLOCKED', occurredAt: at, operatorId: by.operatorId, payload: { target: t.operatorId } });
  }).immediate();
  return {};
}

/** A forgotten password: the manager sets a temporary one, which the operator must change at the next login; a lock is lifted. */
export function resetPassword(p: Ports, by: Operator, req: { operatorId: string; password: string }): Record<string, never> {
  const t = target(p, by, req.operatorId, 'reset');
  const f = new FieldCheck();
  const password = f.take('password', () => validatePassword(req.password));
  if (password === undefined) return refuseForm(f.errors);
  const passwordHash = hashPassword(password);
  const at = p.now().toISOString();
  p.db.transaction(() => {
    setPassword(p.db, t.operatorId, passwordHash, true);
    appendJournal(p.db, { kind: 'OPERATOR_PASSWORD_RESET', occurredAt: at, operatorId: by.operatorId, payload: { target: t.operatorId, wasLocked: t.locked } });
  }).immediate();
  return {};
}

export function changeRole(p: Ports, by: Operator, req: { operatorId: string; role: Role }): { operator: Operator } {
  const t = target(p, by, req.operatorId, 'role');
  if (t.role === req.role) throw new ServiceFailure('ROLE_UNCHANGED', `オペレーター ${t.operatorId} は既に${ROLE_LABELS[req.role]}です。`);
  const at = p.now().toISOString();
  p.db.transaction(() => {
    setRole(p.db, t.operatorId, req.role);
    appendJournal(p.db, { kind: 'OPERATOR_ROLE_CHANGED', occurredAt: at, operatorId: by.operatorId, payload: { target: t.operatorId, from: t.role, to: req.role } });
  }).immediate();
  return { operator: { operatorId: t.operatorId, name: t.name, role: req.role } };
}

/** Retired for good: the row and every entry naming it stay, the ID never logs in again and is never given to anyone else. */
export function retire(p: Ports, by: Operator, req: { operatorId: string }): { retiredAt: string } {
  const t = target(p, by, req.operatorId, 'retire');
  const at = p.now().toISOString();
  p.db.transaction(() => {
    retireOperator(p.db, t.operatorId, at);
    appendJournal(p.db, { kind: 'OPERATOR_RETIRED', occurredAt: at, operatorId: by.operatorId, payload: { target: t.operatorId, name: t.name, role: t.role } });
  }).immediate();
  return { retiredAt: at };
}
