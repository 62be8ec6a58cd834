import { clearLoginFailures, setPassword, type OperatorRow } from '../db/operator-repo';
import { appendJournal } from '../db/journal';
import { FieldCheck, refuseForm } from '../domain/errors';
import { validatePassword } from '../domain/validation';
import type { Operator } from './contract';
import { checkCredentials } from './credentials';
import { ServiceFailure } from './failures';
import { hashPassword, verifyPassword } from './passwords';
import type { Ports } from './ports';
import type { Session } from './session';

export { LOCK_AFTER_FAILURES, UNKNOWN_OPERATOR } from './credentials';

export function login(p: Ports, session: Session, req: { operatorId: string; password: string }): { operator: Operator; mustChangePassword: boolean } {
  const row = checkCredentials(p, req, 'login');
  const operatorId = row.operatorId;
  const at = p.now();
  const operator: Operator = { operatorId: row.operatorId, name: row.name, role: row.role };
  const previous = session.current(at);
  p.db.transaction(() => {
    clearLoginFailures(p.db, operatorId);
    if (previous && previous.operatorId !== operatorId) {
      appendJournal(p.db, { kind: 'LOGOUT', occurredAt: at.toISOString(), operatorId: previous.operatorId, payload: { reason: 'operator change' } });
    }
    appendJournal(p.db, { kind: 'LOGIN', occurredAt: at.toISOString(), operatorId, payload: {} });
  }).immediate();
  session.start(operator, at, row.mustChangePassword);
  return { operator, mustChangePassword: row.mustChangePassword };
}

/** The current password, under its field; a lock it causes (or a retirement meanwhile) ends the session. */
function currentPasswordChecked(p: Ports, session: Session, operatorId: string, password: string): OperatorRow {
  try {
    return checkCredentials(p, { operatorId, password }, 'password change');
  } catch (e) {
    if (!(e instanceof ServiceFailure)) throw e;
    if (e.code !== 'LOGIN_FAILED') logout(p, session);
    throw new ServiceFailure(e.code, e.message, { currentPassword: e.message });
  }
}

/**
 * The operator's own new password, after the current one: the only thing one may do while a
 * password a manager set waits to be changed. A wrong current password counts toward the lock.
 */
export function changePassword(p: Ports, session: Session, req: { currentPassword: string; newPassword: string }): Record<string, never> {
  const at = p.now();
  const me = session.current(at);
  if (!me) throw new ServiceFailure('SESSION_REQUIRED', 'ログインしてください。');
  const f = new FieldCheck();
  f.add('currentPassword', !req.currentPassword && '現在のパスワードを入力してください。');
  const password = f.take('newPassword', () => validatePassword(req.newPassword));
  if (!f.ok || password === undefined) return refuseForm(f.errors);
  const row = currentPasswordChecked(p, session, me.operatorId, req.currentPassword);
  if (verifyPassword(password, row.passwordHash)) {
    return refuseForm({ newPassword: '現在のパスワードとは異なるパスワードを入力してください。' });
  }
  const passwordHash = hashPassword(password);
  p.db.transaction(() => {
    setPassword(p.db, row.operatorId, passwordHash, false);
    appendJournal(p.db, {
      kind: 'OPERATOR_PASSWORD_CHANGED',
      occurredAt: at.toISOString(),
      operatorId: row.operatorId,
      payload: { target: row.operatorId, required: row.mustChangePassword },
    });
  }).immediate();
  session.passwordChanged();
  return {};
}

export function logout(p: Ports, session: Session): Record<string, never> {
  const was = session.end();
  if (was) appendJournal(p.db, { kind: 'LOGOUT', occurredAt: p.now().toISOString(), operatorId: was.operatorId, payload: {} });
  return {};
}
