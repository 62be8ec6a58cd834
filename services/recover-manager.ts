import { randomInt } from 'node:crypto';
import type { Db } from '../db/db';
import { readDataKeyRecord } from '../db/data-key-repo';
import { appendJournal } from '../db/journal';
import { findOperator, insertOperator, setPassword } from '../db/operator-repo';
import { SecretBox } from '../db/sealed-secret';
import { listTokens } from '../db/token-repo';
import { normalizeName, validateOperatorId, validatePassword } from '../domain/validation';
import { keyCheck, unwrapDataKey } from './key-recovery';
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

/** How the person at the terminal shows they hold the data key: its file, or the recovery passphrase it is wrapped by. */
export type KeyProof = { kind: 'key file'; key: Buffer } | { kind: 'passphrase'; passphrase: string };

const WRONG_KEY = '鍵ファイルがこの台帳のデータ鍵ではありません。この端末のデータフォルダにある鍵ファイルを指定するか、--passphrase で復元用パスフレーズを入力してください。';

/**
 * Whoever holds this ledger's data key may recover it: the key must match the check value the
 * ledger keeps (migration 9); a ledger from before it, not opened since, must open a sealed seed
 * with it. A copied .sqlite file with a key made up for it proves nothing.
 */
export function proveDataKey(db: Db, key: Buffer): void {
  const record = readDataKeyRecord(db);
  if (record) {
    if (record.keyCheck !== keyCheck(key)) throw new RecoveryRefused(WRONG_KEY);
    return;
  }
  const [token] = listTokens(db, { limit: 1 });
  if (!token) {
    throw new RecoveryRefused(
      'この台帳にはデータ鍵を確かめられるものがありません。お客さまの記録もまだないため、データフォルダを別の名前に移して初期設定からやり直してください。',
    );
  }
  try {
    new SecretBox(key).open(token.secretEnc, token.serial);
  } catch {
    throw new RecoveryRefused(WRONG_KEY);
  }
}

/** The data key from the recovery passphrase a manager set (the ledger keeps the key wrapped by it). */
async function keyFromPassphrase(db: Db, passphrase: string): Promise<Buffer> {
  const recovery = readDataKeyRecord(db)?.recovery;
  if (!recovery) throw new RecoveryRefused('この台帳には復元用パスフレーズが設定されていません。--key-file でこの端末の鍵ファイルを指定してください。');
  const key = await unwrapDataKey(recovery, passphrase);
  if (!key) throw new RecoveryRefused('復元用パスフレーズが正しくありません。初期設定のとき（または店舗設定で変更したとき）に役席者が決めたものを入力してください。');
  return key;
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

interface RecoveryRequest {
  operatorId: string;
  name?: string;
  osUser: string;
  now: Date;
}

/** The key, proven this ledger's; a wrong key or passphrase is journalled too: someone at the terminal tried. */
async function provenKey(db: Db, proof: KeyProof, req: RecoveryRequest): Promise<Buffer> {
  try {
    const key = proof.kind === 'key file' ? proof.key : await keyFromPassphrase(db, proof.passphrase);
    proveDataKey(db, key);
    return key;
  } catch (e) {
    if (e instanceof RecoveryRefused) {
      appendJournal(db, {
        kind: 'MANAGER_RECOVERY_REFUSED',
        occurredAt: req.now.toISOString(),
        operatorId: RECOVERY_ACTOR,
        payload: { target: req.operatorId, proof: proof.kind, osUser: req.osUser, reason: e.message },
      });
    }
    throw e;
  }
}

/**
 * Every manager is locked out (or has forgotten the password): a manager's ID is unlocked with a
 * temporary password, or a new manager created, which must change it at the first login. Run on
 * the terminal by someone who holds the data key (proveDataKey); journalled with the OS user.
 */
export async function recoverManager(db: Db, proof: KeyProof, req: RecoveryRequest): Promise<Recovered> {
  await provenKey(db, proof, req);
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
      payload: { target: operatorId, created: !existing, wasLocked: existing?.locked ?? false, proof: proof.kind, osUser: req.osUser },
    });
  }).immediate();
  return { operatorId, created: !existing, temporaryPassword: password };
}
