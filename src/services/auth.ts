import { clearLoginFailures, findOperator, recordLoginFailure } from '../db/operator-repo';
import { appendJournal } from '../db/journal';
import { normalizeInput } from '../domain/validation';
import type { Operator } from './contract';
import { ServiceFailure } from './failures';
import { verifyPassword } from './passwords';
import type { Ports } from './ports';
import type { Session } from './session';

export const LOCK_AFTER_FAILURES = 5;

const WRONG = 'オペレーターIDまたはパスワードが正しくありません。';
const LOCKED = 'このオペレーターIDはロックされています。役席者にロック解除を依頼してください。';

export function login(p: Ports, session: Session, req: { operatorId: string; password: string }): { operator: Operator } {
  const operatorId = normalizeInput(req.operatorId);
  const row = findOperator(p.db, operatorId);
  const at = p.now();
  if (!row) throw new ServiceFailure('LOGIN_FAILED', WRONG);
  if (row.locked) throw new ServiceFailure('OPERATOR_LOCKED', LOCKED);
  if (!verifyPassword(req.password, row.passwordHash)) {
    const after = p.db.transaction(() => {
      const r = recordLoginFailure(p.db, operatorId, LOCK_AFTER_FAILURES);
      if (r.locked) {
        appendJournal(p.db, { kind: 'OPERATOR_LOCKED', occurredAt: at.toISOString(), operatorId, payload: { failedAttempts: r.failedAttempts } });
      }
      return r;
    }).immediate();
    if (after.locked) throw new ServiceFailure('OPERATOR_LOCKED', `パスワードを${LOCK_AFTER_FAILURES}回誤ったため、${LOCKED}`);
    throw new ServiceFailure('LOGIN_FAILED', `${WRONG}（あと${LOCK_AFTER_FAILURES - after.failedAttempts}回誤るとロックされます）`);
  }
  const operator: Operator = { operatorId: row.operatorId, name: row.name, role: row.role };
  const previous = session.current(at);
  p.db.transaction(() => {
    clearLoginFailures(p.db, operatorId);
    if (previous && previous.operatorId !== operatorId) {
      appendJournal(p.db, { kind: 'LOGOUT', occurredAt: at.toISOString(), operatorId: previous.operatorId, payload: { reason: 'operator change' } });
    }
    appendJournal(p.db, { kind: 'LOGIN', occurredAt: at.toISOString(), operatorId, payload: {} });
  }).immediate();
  session.start(operator, at);
  return { operator };
}

export function logout(p: Ports, session: Session): Record<string, never> {
  const was = session.end();
  if (was) appendJournal(p.db, { kind: 'LOGOUT', occurredAt: p.now().toISOString(), operatorId: was.operatorId, payload: {} });
  return {};
}
