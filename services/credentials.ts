import { findOperator, recordLoginFailure, type OperatorRow } from '../db/operator-repo';
import { appendJournal } from '../db/journal';
import { normalizeInput } from '../domain/validation';
import { ServiceFailure } from './failures';
import { verifyPassword } from './passwords';
import type { Ports } from './ports';

export const LOCK_AFTER_FAILURES = 5;
/** The operator column of a failed login under an ID that is not registered. */
export const UNKNOWN_OPERATOR = '';

const WRONG = 'オペレーターIDまたはパスワードが正しくありません。';
const LOCKED = 'このオペレーターIDはロックされています。役席者にロック解除を依頼してください。';
const RETIRED = 'このオペレーターIDは退職登録されているため、使用できません。';

/**
 * Every failed attempt is journalled. An ID that is not registered is not written down: it is
 * often a password typed into the wrong field.
 */
function journalFailure(p: Ports, at: Date, operatorId: string, payload: Record<string, unknown>): void {
  appendJournal(p.db, { kind: 'LOGIN_FAILED', occurredAt: at.toISOString(), operatorId, payload });
}

/**
 * An operator's own ID and password, checked as a login checks them wherever a person proves who
 * they are (logging in, a second manager's 検印 on the same terminal): each wrong password is
 * journalled and counts toward the lock. `purpose` says which in the journal.
 */
export function checkCredentials(p: Ports, req: { operatorId: string; password: string }, purpose: 'login' | 'approval' | 'password change'): OperatorRow {
  const operatorId = normalizeInput(req.operatorId);
  const row = findOperator(p.db, operatorId);
  const at = p.now();
  if (!row) {
    journalFailure(p, at, UNKNOWN_OPERATOR, { reason: 'UNKNOWN_ID', purpose });
    throw new ServiceFailure('LOGIN_FAILED', WRONG);
  }
  if (row.retiredAt) {
    journalFailure(p, at, operatorId, { reason: 'RETIRED', purpose });
    throw new ServiceFailure('OPERATOR_RETIRED', RETIRED);
  }
  if (row.locked) {
    journalFailure(p, at, operatorId, { reason: 'LOCKED', purpose });
    throw new ServiceFailure('OPERATOR_LOCKED', LOCKED);
  }
  if (!verifyPassword(req.password, row.passwordHash)) {
    const after = p.db.transaction(() => {
      const r = recordLoginFailure(p.db, operatorId, LOCK_AFTER_FAILURES);
      journalFailure(p, at, operatorId, { reason: 'WRONG_PASSWORD', failedAttempts: r.failedAttempts, purpose });
      if (r.locked) {
        appendJournal(p.db, { kind: 'OPERATOR_LOCKED', occurredAt: at.toISOString(), operatorId, payload: { failedAttempts: r.failedAttempts } });
      }
      return r;
    }).immediate();
    if (after.locked) throw new ServiceFailure('OPERATOR_LOCKED', `パスワードを${LOCK_AFTER_FAILURES}回誤ったため、${LOCKED}`);
    // Changing one's password, the ID is the one logged in: only the password can be wrong.
    const wrong = purpose === 'password change' ? '現在のパスワードが正しくありません。' : WRONG;
    throw new ServiceFailure('LOGIN_FAILED', `${wrong}（あと${LOCK_AFTER_FAILURES - after.failedAttempts}回誤るとロックされます）`);
  }
  return row;
}
