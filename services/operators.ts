import { findOperator, insertOperator, listOperators, clearLoginFailures } from '../db/operator-repo';
import { appendJournal } from '../db/journal';
import { normalizeInput, normalizeName, validateOperatorId, validatePassword } from '../domain/validation';
import { FieldCheck, refuseForm } from '../domain/errors';
import type { Role } from '../domain/types';
import type { Operator } from './contract';
import { ServiceFailure } from './failures';
import { hashPassword } from './passwords';
import type { Ports } from './ports';

export function list(p: Ports) {
  return {
    operators: listOperators(p.db).map((o) => ({
      operatorId: o.operatorId,
      name: o.name,
      role: o.role,
      locked: o.locked,
      failedAttempts: o.failedAttempts,
    })),
  };
}

export function create(
  p: Ports,
  by: Operator,
  req: { operatorId: string; name: string; role: Role; password: string },
): { operator: Operator } {
  const f = new FieldCheck();
  const operatorId = f.take('operatorId', () => validateOperatorId(req.operatorId));
  const password = f.take('password', () => validatePassword(req.password));
  const name = normalizeName(req.name);
  f.add('name', !name && '氏名を入力してください。');
  f.add('operatorId', operatorId !== undefined && findOperator(p.db, operatorId) !== null && `オペレーターID ${operatorId} は既に登録されています。`);
  if (!f.ok || operatorId === undefined || password === undefined) return refuseForm(f.errors);
  const operator: Operator = { operatorId, name, role: req.role };
  const at = p.now().toISOString();
  const passwordHash = hashPassword(password);
  p.db.transaction(() => {
    insertOperator(p.db, { ...operator, passwordHash }, at);
    appendJournal(p.db, { kind: 'OPERATOR_CREATED', occurredAt: at, operatorId: by.operatorId, payload: { operator } });
  }).immediate();
  return { operator };
}

export function unlock(p: Ports, by: Operator, req: { operatorId: string }): Record<string, never> {
  const target = findOperator(p.db, normalizeInput(req.operatorId));
  if (!target) throw new ServiceFailure('OPERATOR_UNKNOWN', 'そのオペレーターIDは登録されていません。');
  const at = p.now().toISOString();
  p.db.transaction(() => {
    clearLoginFailures(p.db, target.operatorId);
    appendJournal(p.db, { kind: 'OPERATOR_UNLOCKED', occurredAt: at, operatorId: by.operatorId, payload: { target: target.operatorId } });
  }).immediate();
  return {};
}
