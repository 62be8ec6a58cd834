import { clearLoginFailures } from '../db/operator-repo';
import { appendJournal } from '../db/journal';
import type { Operator } from './contract';
import { checkCredentials } from './credentials';
import type { Ports } from './ports';
import type { Session } from './session';

export { LOCK_AFTER_FAILURES, UNKNOWN_OPERATOR } from './credentials';

export function login(p: Ports, session: Session, req: { operatorId: string; password: string }): { operator: Operator } {
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
  session.start(operator, at);
  return { operator };
}

export function logout(p: Ports, session: Session): Record<string, never> {
  const was = session.end();
  if (was) appendJournal(p.db, { kind: 'LOGOUT', occurredAt: p.now().toISOString(), operatorId: was.operatorId, payload: {} });
  return {};
}
