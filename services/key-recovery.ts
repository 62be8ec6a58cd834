/**
 * The data key's recovery. The key lives on one PC (a key file, or wrapped by the OS keychain,
 * which a new PC or a reset Windows profile cannot open); the ledger keeps it wrapped by a recovery
 * passphrase that a manager set at first run and holds (written down, kept as the branch keeps its
 * keys). A branch that carries its ledger to a new PC types the passphrase once, and the key is
 * kept on that PC. The ledger also keeps a check value, so that a key file from another ledger is
 * told apart at start instead of failing deep inside a counter transaction.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import { readBranch } from '../db/branch-repo';
import type { Db } from '../db/db';
import { readDataKeyRecord, recordKeyCheck, saveRecovery } from '../db/data-key-repo';
import { appendJournal } from '../db/journal';
import type { KeyStore } from '../db/sealed-secret';
import { FieldCheck, refuseForm } from '../domain/errors';
import { normalizePassword, validateRecoveryPassphrase } from '../domain/validation';
import { contract, type Channel, type Operator, type ResponseOf, type Result } from './contract';
import { describeError, type ErrorLog } from './error-log';
import { BAD_REQUEST, ServiceFailure, toApiError, UNEXPECTED_MESSAGE } from './failures';
import type { Ports } from './ports';
import { CannotStart } from './start-refusal';

/** scrypt's cost for a new wrapping: 128 MiB and about half a second, once per setup, change or restore. */
export const RECOVERY_SCRYPT_N = 2 ** 17;
const R = 8;
const P = 1;
const AAD = Buffer.from('madoguchi data key recovery v1');

/** The journal's operator for a restore, done before anyone can log in; operator IDs are letters and digits, so it is nobody's. */
export const KEY_RESTORE_ACTOR = 'key-restore';

const WRONG_PASSPHRASE = '復元用パスフレーズが正しくありません。初期設定のとき（または店舗設定で変更したとき）に役席者が決めたものを入力してください。';
const KEY_MISSING = {
  code: 'KEY_MISSING',
  message: 'この端末にはデータ鍵がないため、まだ使えません。役席者が復元用パスフレーズでデータ鍵を復元してください。',
};
const NO_RECOVERY = (why: string) =>
  `この台帳（madoguchi.sqlite）を開くデータ鍵が${why}、復元用パスフレーズも設定されていないため、開けません。もとの PC のデータフォルダにある鍵ファイルを戻すか、事務担当に連絡してください。`;

/** A wrapping, self-describing so that the cost can be raised later without breaking old ones. */
interface Wrapped {
  v: 1;
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  key: string;
}

function derive(passphrase: string, salt: Buffer, o: ScryptOptions & { N: number; r: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Asynchronous: half a second on the threadpool, not on the thread that answers the screen.
    scrypt(normalizePassword(passphrase), salt, 32, { ...o, maxmem: 256 * o.N * o.r }, (e, k) => (e ? reject(e) : resolve(k)));
  });
}

export async function wrapDataKey(key: Buffer, passphrase: string, N = RECOVERY_SCRYPT_N): Promise<string> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await derive(passphrase, salt, { N, r: R, p: P }), iv);
  cipher.setAAD(AAD);
  const sealed = Buffer.concat([cipher.update(key), cipher.final()]);
  const b64 = (b: Buffer) => b.toString('base64');
  const wrapped: Wrapped = { v: 1, kdf: 'scrypt', N, r: R, p: P, salt: b64(salt), iv: b64(iv), tag: b64(cipher.getAuthTag()), key: b64(sealed) };
  return JSON.stringify(wrapped);
}

/** The key, or null for a wrong passphrase. */
export async function unwrapDataKey(recovery: string, passphrase: string): Promise<Buffer | null> {
  const w = JSON.parse(recovery) as Wrapped;
  const decipher = createDecipheriv('aes-256-gcm', await derive(passphrase, Buffer.from(w.salt, 'base64'), { N: w.N, r: w.r, p: w.p }), Buffer.from(w.iv, 'base64'));
  decipher.setAAD(AAD);
  decipher.setAuthTag(Buffer.from(w.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(w.key, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** Derived from the key (never the key): the same key always gives the same check. */
export function keyCheck(key: Buffer): string {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'madoguchi data key check', 32)).toString('hex');
}

/**
 * The key to open the ledger with, as the PC keeps it: a ledger not yet set up seals nothing and
 * takes the kept key or a new one (kept at setup); a ledger set up takes the kept key if it is its
 * own; else null, and the ledger waits for its recovery passphrase. A ledger from before
 * migration 9 takes the key it opens with as its own.
 */
export function openingKey(db: Db, kept: Buffer | null): { key: Buffer; kept: boolean } | null {
  if (!readBranch(db)) return { key: kept ?? randomBytes(32), kept: kept !== null };
  const record = readDataKeyRecord(db);
  if (kept && (!record || record.keyCheck === keyCheck(kept))) {
    if (!record) recordKeyCheck(db, keyCheck(kept));
    return { key: kept, kept: true };
  }
  if (record?.recovery) return null;
  throw new CannotStart(NO_RECOVERY(kept ? 'この PC の鍵ファイルと合わず' : 'この PC になく'));
}

function journalSet(p: Ports, by: string, at: string, first: boolean): void {
  appendJournal(p.db, { kind: first ? 'RECOVERY_PASSPHRASE_SET' : 'RECOVERY_PASSPHRASE_CHANGED', occurredAt: at, operatorId: by, payload: {} });
}

/**
 * First run: the key is kept on this PC and wrapped by the passphrase, before the setup's
 * transaction; `record` then writes the wrapping inside it.
 */
export async function recoveryForSetup(p: Ports, passphrase: string): Promise<{ record(by: string, at: string): void }> {
  const recovery = await wrapDataKey(p.dataKey.key, passphrase, p.dataKey.kdfCost);
  await p.dataKey.keep();
  return {
    record(by, at) {
      saveRecovery(p.db, { keyCheck: keyCheck(p.dataKey.key), recovery, at, by });
      journalSet(p, by, at, true);
    },
  };
}

export function recoveryStatus(p: Ports): ResponseOf<'recoveryStatus'> {
  const r = readDataKeyRecord(p.db);
  return { set: !!r?.recovery, setAt: r?.recoverySetAt ?? null, setBy: r?.recoverySetBy ?? null };
}

/** A manager sets a new passphrase (the old one no longer opens this ledger; a backup taken before still opens with it). */
export async function setRecoveryPassphrase(p: Ports, by: Operator, req: { passphrase: string }): Promise<ResponseOf<'recoveryStatus'>> {
  const f = new FieldCheck();
  const passphrase = f.take('passphrase', () => validateRecoveryPassphrase(req.passphrase));
  if (passphrase === undefined) return refuseForm(f.errors);
  const recovery = await wrapDataKey(p.dataKey.key, passphrase, p.dataKey.kdfCost);
  const at = p.now().toISOString();
  const first = !readDataKeyRecord(p.db)?.recovery;
  p.db.transaction(() => {
    saveRecovery(p.db, { keyCheck: keyCheck(p.dataKey.key), recovery, at, by: by.operatorId });
    journalSet(p, by.operatorId, at, first);
  }).immediate();
  return recoveryStatus(p);
}

/** Where a restore was done: the OS user and the PC's name, for the journal. */
function here(): { osUser: string; host: string } {
  return { osUser: userInfo().username, host: hostname() };
}

/** On a PC without the ledger's key: the passphrase opens the wrapping, and the key is kept here. Every attempt is journalled. */
export async function restoreDataKey(db: Db, store: KeyStore, req: { passphrase: string }, now: Date): Promise<Buffer> {
  const record = readDataKeyRecord(db);
  const key = record?.recovery ? await unwrapDataKey(record.recovery, req.passphrase) : null;
  const at = now.toISOString();
  if (!key || keyCheck(key) !== record?.keyCheck) {
    appendJournal(db, { kind: 'DATA_KEY_RESTORE_FAILED', occurredAt: at, operatorId: KEY_RESTORE_ACTOR, payload: here() });
    throw new ServiceFailure('RESTORE_FAILED', WRONG_PASSPHRASE, { passphrase: WRONG_PASSPHRASE });
  }
  await store.write(key);
  appendJournal(db, { kind: 'DATA_KEY_RESTORED', occurredAt: at, operatorId: KEY_RESTORE_ACTOR, payload: here() });
  return key;
}

/**
 * While the ledger waits for its key: the start screen's question and the restore, nothing else
 * (everything else needs the key). `restored` hands the key over to the services.
 */
export function restoreDispatch(db: Db, store: KeyStore, now: () => Date, errors: ErrorLog, restored: (key: Buffer) => void) {
  return async (channel: Channel, raw: unknown): Promise<Result<unknown>> => {
    if (channel === 'setupStatus') return { ok: true, value: { initialized: true, branch: readBranch(db), keyRestoreNeeded: true } };
    if (channel !== 'keyRestore') return { ok: false, error: KEY_MISSING };
    const parsed = contract.keyRestore.req.safeParse(raw ?? {});
    if (!parsed.success) return { ok: false, error: BAD_REQUEST };
    try {
      restored(await restoreDataKey(db, store, parsed.data, now()));
      return { ok: true, value: {} };
    } catch (e) {
      const refusal = toApiError(e);
      if (refusal) return { ok: false, error: refusal };
      errors.unexpected({ at: now().toISOString(), channel, operatorId: null, error: describeError(e) });
      return { ok: false, error: { code: 'INTERNAL', message: UNEXPECTED_MESSAGE } };
    }
  };
}

/** The restore channel once the key is here. */
export function keyAlreadyHere(): never {
  throw new ServiceFailure('KEY_PRESENT', 'この端末にはデータ鍵があります。復元は不要です。');
}
