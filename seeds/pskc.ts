/**
 * PSKC seed files (RFC 6030, Portable Symmetric Key Container), as token vendors deliver them:
 * one KeyContainer (Version="1.0") with many KeyPackages, each a hardware token:
 *
 *   KeyPackage/DeviceInfo/SerialNo        the serial printed on the token (by the branch's rule, validateSerial)
 *   KeyPackage/Key/@Id, Key/@Algorithm    …pskc:hotp or …pskc#hotp → HOTP; …pskc:totp or …pskc#totp → TOTP
 *   Key/AlgorithmParameters/Suite         optional hash (HMAC-SHA1 default, SHA256, SHA512)
 *   Key/AlgorithmParameters/ResponseFormat  @Length 6|8, @Encoding DECIMAL (required)
 *   Key/Data/Secret                       PlainValue (base64) or EncryptedValue + ValueMAC
 *   Key/Data/Counter                      HOTP moving factor (default 0)
 *   Key/Data/TimeInterval, Time, TimeDrift  TOTP step (30|60, default 30), T0 (0), drift in steps
 *   Key/Policy                            honoured at the import time `now` (pskc-policy.ts)
 *
 * The XML is read safely by pskc-xml.ts (no DTD, no entities, well-formed or refused); encrypted
 * values are MAC-checked and decrypted by pskc-keys.ts, with a pre-shared key or a key derived
 * from a password (pskc-pbkdf2.ts).
 *
 * Any problem refuses the whole file with DomainError('PSKC', …), the message naming the
 * KeyPackage (position, Key Id, serial) where the problem is one KeyPackage's. Problems with the
 * file's key (missing, wrong length, cannot decrypt) name none and carry field 'preSharedKey' or
 * 'password'. Messages never quote a secret or a key.
 */
import { DomainError, refuse } from '../domain/errors';
import { MAX_SECRET_BYTES, MIN_SECRET_BYTES } from '../domain/otp';
import type { SeedRecord } from './oath-csv';
import type { OtpAlgorithm, OtpHash } from '../domain/types';
import { DEFAULT_SERIAL_FORMAT, SERIAL_RULES, validateSerial, type SerialFormat } from '../domain/validation';
import { ContainerKeys, type KeyInput } from './pskc-keys';
import { checkPolicy } from './pskc-policy';
import { attr, children, decodeBase64, Place, PSKC_ERROR, readContainer, shown, text, type XNode } from './pskc-xml';

export { PSKC_KEY_FIELD } from './pskc-keys';
export { MIN_PBKDF2_ITERATIONS, PSKC_PASSWORD_FIELD } from './pskc-pbkdf2';
export { looksLikeXml, MAX_PSKC_CHARS, PSKC_ERROR } from './pskc-xml';

export interface PskcRecord extends SeedRecord {
  /** TOTP: the token's known clock drift in time steps (Data/TimeDrift); 0 for HOTP or when absent. */
  driftSteps: number;
  /** Key/@Id as the vendor wrote it ('' when absent). */
  keyId: string;
}

/** The file's key (pre-shared key or password, needed only for encrypted files) and the import time. */
export interface PskcOptions extends KeyInput {
  /** The import time, against which each key's Policy StartDate and ExpiryDate are checked. */
  now: Date;
  /** The branch's serial rule (DEFAULT_SERIAL_FORMAT unless given). */
  serialFormat?: SerialFormat;
}

// The '#' forms are the drafts' spelling (draft-ietf-keyprov-pskc-02, the algorithm profiles), which writers still use.
const KEY_ALGORITHMS = new Map<string, OtpAlgorithm>([
  ['urn:ietf:params:xml:ns:keyprov:pskc:hotp', 'HOTP'],
  ['urn:ietf:params:xml:ns:keyprov:pskc#hotp', 'HOTP'],
  ['urn:ietf:params:xml:ns:keyprov:pskc:totp', 'TOTP'],
  ['urn:ietf:params:xml:ns:keyprov:pskc#totp', 'TOTP'],
]);
/**
 * The drafts before RFC 6030 are another format (tokens in Device, KeyAlgorithm, Usage; MACs over
 * the plaintext), told apart by their namespaces: draft-hoyer-keyprov-portable-symmetric-key-container
 * (…container, …container:1.0, which ActivIdentity still writes) and the algorithm profiles (…pskc:1.0).
 */
const DRAFT_NAMESPACES = new Set([
  'urn:ietf:params:xml:ns:keyprov:container',
  'urn:ietf:params:xml:ns:keyprov:container:1.0',
  'urn:ietf:params:xml:ns:keyprov:pskc:1.0',
]);
const SUITES = new Map<string, OtpHash>([
  ['SHA1', 'SHA1'],
  ['SHA256', 'SHA256'],
  ['SHA512', 'SHA512'],
]);

/* ------------------------------------------------------------------ Data values */

/** The one PlainValue or EncryptedValue of a Data element (Secret, Counter …). */
function dataValue(
  data: XNode,
  what: string,
  where: Place,
  keys: ContainerKeys,
): { plain: string } | { decrypted: Buffer } {
  const plains = children(data, 'PlainValue');
  const encs = children(data, 'EncryptedValue');
  if (plains.length + encs.length !== 1 || (plains[0] === undefined && encs[0] === undefined)) {
    refuse(PSKC_ERROR, `${where}: ${what}には PlainValue か EncryptedValue のどちらか1つが必要です`);
  }
  if (plains[0] !== undefined) return { plain: text(plains[0]) };
  return { decrypted: keys.decrypt(data, encs[0] as XNode, what, where) };
}

/** One optional Data child (refused if repeated). */
function dataElement(dataNode: XNode | undefined, name: string, where: Place): XNode | undefined {
  const found = children(dataNode, name);
  if (found.length > 1) refuse(PSKC_ERROR, `${where}: Data/${name} が複数あります`);
  return found[0];
}

/** An integer as text: decimal digits (a safe integer), a sign only where the value may be negative. */
const integerText = (signed: boolean) => (signed ? /^[+-]?\d{1,15}$/u : /^\+?\d{1,15}$/u);

/**
 * The integer in an encrypted value's plaintext. RFC 6030 does not say how an integer is
 * encrypted, and writers differ: some encrypt its decimal text, others its big-endian bytes. As
 * python-pskc does, a plaintext of ASCII digits (with a sign where the value may be negative) is
 * decimal, anything else big-endian (two's complement where signed). Short digits are big-endian
 * bytes too ("12" is also 0x3132 = 12594); decimal is the smaller reading, so a wrong guess leaves
 * the HOTP counter behind the token, where the issuance check finds it, never ahead of it. Digits
 * no decimal writer writes (a leading zero or '+') that are also a big-endian number in range are
 * refused: there, neither reading is the likelier.
 */
function decryptedInt(b: Buffer, signed: boolean, what: string, where: Place): number {
  const digits = b.toString('latin1');
  if (integerText(signed).test(digits)) {
    const canonical = /^(?:0|-?[1-9]\d*)$/u.test(digits);
    // Seven bytes of ASCII digits are at least 0x30303030303030, past any safe integer.
    if (!canonical && b.length <= 6) {
      refuse(
        PSKC_ERROR,
        `${where}: 暗号化された${what}が、10進数の文字列とも2進数の値とも読める形（先頭が0か+の数字）のため、どちらの値か決められず取り込めません。トークン業者に値の形式を確かめてください`,
      );
    }
    return Number(digits);
  }
  if (b.length < 1 || b.length > 8) refuse(PSKC_ERROR, `${where}: 暗号化された${what}の長さが正しくありません`);
  let n = 0n;
  for (const byte of b) n = (n << 8n) | BigInt(byte);
  if (signed && ((b[0] as number) & 0x80) !== 0) n -= 1n << BigInt(8 * b.length);
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < -BigInt(Number.MAX_SAFE_INTEGER)) {
    refuse(PSKC_ERROR, `${where}: ${what}が大きすぎます`);
  }
  return Number(n);
}

/** An integer Data value: decimal text, or an encrypted value (decryptedInt), signed if `signed`. */
function intValue(
  dataNode: XNode | undefined,
  name: string,
  what: string,
  where: Place,
  keys: ContainerKeys,
  opts: { signed: boolean; fallback: number },
): number {
  const el = dataElement(dataNode, name, where);
  if (el === undefined) return opts.fallback;
  const v = dataValue(el, what, where, keys);
  if ('plain' in v) {
    if (!integerText(opts.signed).test(v.plain)) refuse(PSKC_ERROR, `${where}: ${what}「${shown(v.plain)}」が整数ではありません`);
    return Number(v.plain);
  }
  try {
    return decryptedInt(v.decrypted, opts.signed, what, where);
  } finally {
    v.decrypted.fill(0);
  }
}

/* ------------------------------------------------------------------ KeyPackage */

function parseKeyPackage(pkg: XNode, where: Place, keys: ContainerKeys, now: Date, serialFormat: SerialFormat): PskcRecord {
  const keyEls = children(pkg, 'Key');
  const key = keyEls[0];
  if (key !== undefined) where.keyId = attr(key, 'Id') ?? '';

  const serialEls = children(children(pkg, 'DeviceInfo')[0], 'SerialNo');
  const serialRaw = text(serialEls[0]);
  where.serial = serialRaw;
  if (serialEls.length !== 1 || serialRaw === '') {
    refuse(PSKC_ERROR, `${where}: シリアル番号（DeviceInfo/SerialNo）がありません`);
  }
  try {
    where.serial = validateSerial(serialRaw, serialFormat);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    refuse(PSKC_ERROR, `${where}: シリアル番号「${shown(serialRaw)}」は${SERIAL_RULES[serialFormat].name}ではありません`);
  }

  if (keyEls.length !== 1 || key === undefined) {
    refuse(PSKC_ERROR, `${where}: Key要素がちょうど1つ必要です（${keyEls.length}個あります）`);
  }

  const algUri = attr(key, 'Algorithm') ?? '';
  const algorithm = KEY_ALGORITHMS.get(algUri);
  if (algorithm === undefined) {
    refuse(
      PSKC_ERROR,
      `${where}: アルゴリズム「${shown(algUri)}」には対応していません（HOTP と TOTP のみ取り込めます）`,
    );
  }

  checkPolicy(key, where, now);

  const paramEls = children(key, 'AlgorithmParameters');
  if (paramEls.length > 1) refuse(PSKC_ERROR, `${where}: AlgorithmParameters が複数あります`);
  const params = paramEls[0];

  let hash: OtpHash = 'SHA1';
  const suites = children(params, 'Suite');
  if (suites.length > 1) refuse(PSKC_ERROR, `${where}: AlgorithmParameters/Suite が複数あります`);
  if (suites[0] !== undefined) {
    const raw = text(suites[0]);
    const h = SUITES.get(raw.toUpperCase().replace(/^HMAC-?/u, '').replace(/-/gu, ''));
    if (h === undefined) refuse(PSKC_ERROR, `${where}: ハッシュ方式（Suite）「${shown(raw)}」には対応していません`);
    hash = h;
  }

  const formats = children(params, 'ResponseFormat');
  const format = formats[0];
  if (formats.length !== 1 || format === undefined) {
    refuse(PSKC_ERROR, `${where}: 桁数（AlgorithmParameters/ResponseFormat）がありません`);
  }
  const length = attr(format, 'Length') ?? '';
  if (length !== '6' && length !== '8') {
    refuse(PSKC_ERROR, `${where}: 桁数（ResponseFormat/@Length）「${shown(length)}」は 6 か 8 のみ対応しています`);
  }
  const encoding = attr(format, 'Encoding') ?? 'DECIMAL';
  if (encoding !== 'DECIMAL') {
    refuse(PSKC_ERROR, `${where}: 表示形式（ResponseFormat/@Encoding）「${shown(encoding)}」には対応していません（DECIMAL のみ）`);
  }
  // xs:boolean: only these four spellings (attr() has trimmed it); anything else could mean either.
  const checkDigits = attr(format, 'CheckDigits') ?? 'false';
  if (checkDigits === 'true' || checkDigits === '1') {
    refuse(PSKC_ERROR, `${where}: チェックディジット付きのワンタイムパスワード（CheckDigits）には対応していません`);
  }
  if (checkDigits !== 'false' && checkDigits !== '0') {
    refuse(
      PSKC_ERROR,
      `${where}: チェックディジットの有無（ResponseFormat/@CheckDigits）「${shown(checkDigits)}」が true・false・1・0 のどれでもないため、読み取れません`,
    );
  }
  const digits = length === '8' ? 8 : 6;

  const dataEls = children(key, 'Data');
  if (dataEls.length !== 1) refuse(PSKC_ERROR, `${where}: Data要素がちょうど1つ必要です`);
  const data = dataEls[0];

  const secretEl = dataElement(data, 'Secret', where);
  if (secretEl === undefined) refuse(PSKC_ERROR, `${where}: シークレット（Data/Secret）がありません`);
  const sv = dataValue(secretEl, 'シークレット', where, keys);
  let secret: Uint8Array;
  if ('plain' in sv) {
    const b = decodeBase64(sv.plain);
    if (b === null) refuse(PSKC_ERROR, `${where}: シークレット（PlainValue）がBase64ではありません`);
    secret = new Uint8Array(b);
    b.fill(0);
  } else {
    secret = new Uint8Array(sv.decrypted);
    sv.decrypted.fill(0);
  }
  if (secret.length < MIN_SECRET_BYTES) {
    refuse(PSKC_ERROR, `${where}: シークレットが短すぎます（${MIN_SECRET_BYTES}バイト以上が必要ですが、${secret.length}バイトです）`);
  }
  if (secret.length > MAX_SECRET_BYTES) {
    refuse(PSKC_ERROR, `${where}: シークレットが長すぎます（${MAX_SECRET_BYTES}バイトまでですが、${secret.length}バイトです）`);
  }

  let counter = 0;
  let period = 30;
  let driftSteps = 0;
  if (algorithm === 'HOTP') {
    counter = intValue(data, 'Counter', 'カウンター（Counter）', where, keys, { signed: false, fallback: 0 });
  } else {
    period = intValue(data, 'TimeInterval', '時間間隔（TimeInterval）', where, keys, { signed: false, fallback: 30 });
    if (period !== 30 && period !== 60) {
      refuse(PSKC_ERROR, `${where}: 時間間隔（TimeInterval）${period}秒には対応していません（30秒か60秒）`);
    }
    const t0 = intValue(data, 'Time', '基準時刻（Time）', where, keys, { signed: false, fallback: 0 });
    if (t0 !== 0) refuse(PSKC_ERROR, `${where}: 基準時刻（Time）が0ではありません（${t0}）。T0=0 のトークンのみ対応しています`);
    driftSteps = intValue(data, 'TimeDrift', '時刻のずれ（TimeDrift）', where, keys, { signed: true, fallback: 0 });
  }

  return {
    serial: where.serial,
    secret,
    params: { algorithm, hash, digits, period, counter },
    driftSteps,
    keyId: where.keyId,
  };
}

/* ------------------------------------------------------------------ entry point */

/**
 * All tokens of a PSKC file, or DomainError('PSKC', …) refusing the whole file. Nothing is
 * returned partially. `opts.preSharedKey` or `opts.password` is needed only when values are encrypted.
 */
export function parsePskc(xml: string, opts: PskcOptions): PskcRecord[] {
  const { container, namespace } = readContainer(xml);

  // draft-ietf-keyprov-pskc-02 has RFC 6030's namespace and Version, but Device where RFC 6030 has KeyPackage.
  if (DRAFT_NAMESPACES.has(namespace) || children(container, 'Device').length > 0) {
    refuse(PSKC_ERROR, 'このPSKCファイルは RFC 6030 以前の試案の形式です。RFC 6030 形式のファイルをトークン業者に依頼してください');
  }
  const version = attr(container, 'Version');
  if (version !== '1.0') {
    refuse(PSKC_ERROR, `KeyContainerのバージョン（Version）「${shown(version ?? '')}」には対応していません（1.0 のみ）`);
  }

  const packages = children(container, 'KeyPackage');
  if (packages.length === 0) refuse(PSKC_ERROR, 'PSKCファイルにトークン（KeyPackage）が1件もありません');

  const keys = ContainerKeys.open(container, opts);
  const records: PskcRecord[] = [];
  try {
    const seenAt = new Map<string, number>();
    packages.forEach((pkg, i) => {
      const where = new Place(i + 1);
      const rec = parseKeyPackage(pkg, where, keys, opts.now, opts.serialFormat ?? DEFAULT_SERIAL_FORMAT);
      const dup = seenAt.get(rec.serial);
      if (dup !== undefined) {
        refuse(PSKC_ERROR, `${where}: シリアル番号 ${rec.serial} が${dup}件目のKeyPackageと重複しています`);
      }
      seenAt.set(rec.serial, i + 1);
      records.push(rec);
    });
    return records;
  } catch (e) {
    for (const r of records) r.secret.fill(0); // refused: the seeds read so far go nowhere
    throw e;
  } finally {
    keys.wipe();
  }
}
