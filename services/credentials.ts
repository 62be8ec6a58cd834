import { randomBytes } from 'node:crypto';
import { findOperator, recordLoginFailure, type OperatorRow } from '../db/operator-repo';
import { appendJournal } from '../db/journal';
import { normalizeInput } from '../domain/validation';
import { ServiceFailure } from './failures';
import { hashPassword, verifyPassword } from './passwords';
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

let unknownIdHash: string | undefined;
/** A hash no password matches, checked for an ID that is not registered, so that its answer takes as long as a known ID's. */
const noOnesHash = () => (unknownIdHash ??= hashPassword(randomBytes(24).toString('base64')));

/**
 * An operator's own ID and password, checked as a login checks them wherever a person proves who
 * they are (logging in, a second manager's 検印 on the same terminal): each wrong password is
 * journalled and counts toward the lock. `purpose` says which in the journal. Whoever does not
 * know the password learns nothing of the ID: unregistered, wrong password (the fifth, which
 * locks, included), locked or retired, the answer is the same, after the same scrypt. Only the
 * right password hears that the ID is locked or retired; changing one's own password, the ID is
 * the session's, and the count and the lock are said.
 */
export function checkCredentials(p: Ports, req: { operatorId: string; password: string }, purpose: 'login' | 'approval' | 'password change'): OperatorRow {
  const operatorId = normalizeInput(req.operatorId);
  const row = findOperator(p.db, operatorId);
  const at = p.now();
  const passwordRight = verifyPassword(req.password, row?.passwordHash ?? noOnesHash());
  if (!row) {
    journalFailure(p, at, UNKNOWN_OPERATOR, { reason: 'UNKNOWN_ID', purpose });
    throw new ServiceFailure('LOGIN_FAILED', WRONG);
  }
  const ownId = purpose === 'password change';
  if (row.retiredAt || row.locked) {
    journalFailure(p, at, operatorId, { reason: row.retiredAt ? 'RETIRED' : 'LOCKED', purpose });
    if (!passwordRight && !ownId) throw new ServiceFailure('LOGIN_FAILED', WRONG);
    throw row.retiredAt ? new ServiceFailure('OPERATOR_RETIRED', RETIRED) : new ServiceFailure('OPERATOR_LOCKED', LOCKED);
  }
  if (!passwordRight) {
    const after = p.db.transaction(() => {
      const r = recordLoginFailure(p.db, operatorId, LOCK_AFTER_FAILURES);
      journalFailure(p, at, operatorId, { reason: 'WRONG_PASSWORD', failedAttempts: r.failedAttempts, purpose });
      if (r.locked) {
        appendJournal(p.db, { kind: 'OPERATOR_LOCKED', occurredAt: at.toISOString(), operatorId, payload: { failedAttempts: r.failedAttempts } });
      }
      return r;
    }).immediate();
    if (!ownId) throw new ServiceFailure('LOGIN_FAILED', WRONG);
    if (after.locked) throw new ServiceFailure('OPERATOR_LOCKED', `パスワードを${LOCK_AFTER_FAILURES}回誤ったため、${LOCKED}`);
    throw new ServiceFailure('LOGIN_FAILED', `現在のパスワードが正しくありません。（あと${LOCK_AFTER_FAILURES - after.failedAttempts}回誤るとロックされます）`);
  }
  return row;
}
