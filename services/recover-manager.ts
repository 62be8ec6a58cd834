import { randomInt } from 'node:crypto';
import type { Db } from '../db/db';
import { appendJournal } from '../db/journal';
import { findOperator, insertOperator, setPassword } from '../db/operator-repo';
import type { SecretBox } from '../db/sealed-secret';
import { listTokens } from '../db/token-repo';
import { normalizeName, validateOperatorId, validatePassword } from '../domain/validation';
import { hashPassword } from './passwords';

/** The journal's operator for the recovery command: operator IDs are letters and digits only, so it can be nobody's. */
export const RECOVERY_ACTOR = 'recover-manager';

/** A refusal of the recovery command, worded for the person at the terminal. */
export class RecoveryRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecoveryRefused';
  }
}

/**
 * Whoever holds this ledger's data key may recover it: the key must open a seed sealed in it. A
 * copied .sqlite file with a key made up for it opens nothing.
 */
export function proveDataKey(db: Db, box: SecretBox): void {
  const [token] = listTokens(db, { limit: 1 });
  if (!token) {
    throw new RecoveryRefused(
      'この台帳にはまだトークンが取り込まれていないため、鍵ファイルがこの台帳のものか確かめられません。お客さまの記録もまだないため、データフォルダを別の名前に移して初期設定からやり直してください。',
    );
  }
  try {
    box.open(token.secretEnc, token.serial);
  } catch {
    throw new RecoveryRefused('鍵ファイルがこの台帳のデータ鍵ではありません。この端末のデータフォルダにある鍵ファイルを指定してください。');
  }
}

// Letters and digits that cannot be misread when the password is read out or written down (no 0/O, 1/l/I).
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A temporary password that the policy accepts: printed once, changed at the first login. */
export function temporaryPassword(): string {
  for (;;) {
    const candidate = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    try {
      return validatePassword(candidate);
    } catch {
      // Twelve characters without a letter or without a digit: draw again.
    }
  }
}

export interface Recovered {
  operatorId: string;
  created: boolean;
  temporaryPassword: string;
}

/**
 * Every manager is locked out (or has forgotten the password): a manager's ID is unlocked with a
 * temporary password, or a new manager created, which must change it at the first login. Run on
 * the terminal by someone who holds the data key (proveDataKey); journalled with the OS user.
 */
export function recoverManager(
  db: Db,
  box: SecretBox,
  req: { operatorId: string; name?: string; osUser: string; now: Date },
): Recovered {
  proveDataKey(db, box);
  const operatorId = validateOperatorId(req.operatorId);
  const existing = findOperator(db, operatorId);
  if (existing?.retiredAt) throw new RecoveryRefused(`オペレーター ${operatorId} は退職登録済みです。別のIDを指定してください。`);
  if (existing && existing.role !== 'manager') {
    throw new RecoveryRefused(`オペレーター ${operatorId} は係のIDです。役席者のIDを指定するか、新しいIDと --name で役席者を作成してください。`);
  }
  const name = normalizeName(req.name ?? '');
  if (!existing && !name) throw new RecoveryRefused(`オペレーター ${operatorId} は登録されていません。新しい役席者を作成するには --name で氏名を指定してください。`);
  const password = temporaryPassword();
  const passwordHash = hashPassword(password);
  const at = req.now.toISOString();
  db.transaction(() => {
    if (existing) setPassword(db, operatorId, passwordHash, true);
    else insertOperator(db, { operatorId, name, role: 'manager', passwordHash, mustChangePassword: true }, at);
    appendJournal(db, {
      kind: 'MANAGER_RECOVERED',
      occurredAt: at,
      operatorId: RECOVERY_ACTOR,
      payload: { target: operatorId, created: !existing, wasLocked: existing?.locked ?? false, osUser: req.osUser },
    });
  }).immediate();
  return { operatorId, created: !existing, temporaryPassword: password };
}
