import { clearLoginFailures, findOperator, recordLoginFailure } from '../db/operator-repo';
import { appendJournal } from '../db/journal';
import { normalizeInput } from '../domain/validation';
import type { Operator } from './contract';
import { ServiceFailure } from './failures';
import { verifyPassword } from './passwords';
import type { Ports } from './ports';
import type { Session } from './session';

export const LOCK_AFTER_FAILURES = 5;
/** The operator column of a failed login under an ID that is not registered. */
export const UNKNOWN_OPERATOR = '';

const WRONG = 'オペレーターIDまたはパスワードが正しくありません。';
const LOCKED = 'このオペレーターIDはロックされています。役席者にロック解除を依頼してください。';

/**
 * Every failed attempt is journalled. An ID that is not registered is not written down: it is
 * often a password typed into the wrong field.
 */
function journalFailure(p: Ports, at: Date, operatorId: string, payload: Record<string, unknown>): void {
  appendJournal(p.db, { kind: 'LOGIN_FAILED', occurredAt: at.toISOString(), operatorId, payload });
}

export function login(p: Ports, session: Session, req: { operatorId: string; password: string }): { operator: Operator } {
  const operatorId = normalizeInput(req.operatorId);
  const row = findOperator(p.db, operatorId);
  const at = p.now();
  if (!row) {
    journalFailure(p, at, UNKNOWN_OPERATOR, { reason: 'UNKNOWN_ID' });
    throw new ServiceFailure('LOGIN_FAILED', WRONG);
  }
  if (row.locked) {
    journalFailure(p, at, operatorId, { reason: 'LOCKED' });
    throw new ServiceFailure('OPERATOR_LOCKED', LOCKED);
  }
  if (!verifyPassword(req.password, row.passwordHash)) {
    const after = p.db.transaction(() => {
      const r = recordLoginFailure(p.db, operatorId, LOCK_AFTER_FAILURES);
      journalFailure(p, at, operatorId, { reason: 'WRONG_PASSWORD', failedAttempts: r.failedAttempts });
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
