/**
 * PSKC seed files (RFC 6030, Portable Symmetric Key Container), as token vendors deliver them:
 * one KeyContainer (Version="1.0") with many KeyPackages, each a hardware token:
 *
 *   KeyPackage/DeviceInfo/SerialNo        the serial printed on the token (英数字12桁, validateSerial)
 *   KeyPackage/Key/@Id, Key/@Algorithm    …:pskc:hotp → HOTP; …:pskc:totp or …:pskc#totp → TOTP
 *   Key/AlgorithmParameters/Suite         optional hash (HMAC-SHA1 default, SHA256, SHA512)
 *   Key/AlgorithmParameters/ResponseFormat  @Length 6|8, @Encoding DECIMAL (required)
 *   Key/Data/Secret                       PlainValue (base64) or EncryptedValue + ValueMAC
 *   Key/Data/Counter                      HOTP moving factor (default 0)
 *   Key/Data/TimeInterval, Time, TimeDrift  TOTP step (30|60, default 30), T0 (0), drift in steps
 *
 * Encrypted values (RFC 6030 §6.1, pre-shared key): xenc:EncryptionMethod aes128-cbc, CipherValue
 * = IV (16 bytes) ‖ ciphertext with PKCS#7 padding. The MAC key is carried in
 * MACMethod/MACKey, itself encrypted under the pre-shared key (it has no MAC of its own, as in the
 * RFC). Every other encrypted value must have a ValueMAC = HMAC(MAC key, IV ‖ ciphertext), which
 * is checked (timing-safe) before anything is decrypted.
 *
 * Safety: a document with a DOCTYPE or ENTITY declaration is refused before any parsing (no XXE,
 * no entity expansion, whatever the parser would do); the parser runs with entities off; the XML
 * is validated for well-formedness first (a truncated file is refused, not half-read).
 *
 * Any problem refuses the whole file with DomainError('PSKC', …), the message naming the
 * KeyPackage (position, Key Id, serial). Problems with the pre-shared key itself (missing, wrong
 * length, cannot decrypt) carry field 'preSharedKey'. Messages never quote a secret or a key.
 */
import { createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DomainError, refuse } from '../domain/errors';
import { MAX_SECRET_BYTES, MIN_SECRET_BYTES } from '../domain/otp';
import type { SeedRecord } from './oath-csv';
import type { OtpAlgorithm, OtpHash } from '../domain/types';
import { validateSerial } from '../domain/validation';

export interface PskcRecord extends SeedRecord {
  /** TOTP: the token's known clock drift in time steps (Data/TimeDrift); 0 for HOTP or when absent. */
  driftSteps: number;
  /** Key/@Id as the vendor wrote it ('' when absent). */
  keyId: string;
}

export interface PskcOptions {
  /** The AES-128 pre-shared key (16 bytes) the vendor sent separately; needed only for encrypted files. */
  preSharedKey?: Uint8Array;
}

/** DomainError code of every refusal from this module. */
export const PSKC_ERROR = 'PSKC';
/** DomainError field of refusals about the pre-shared key (missing, wrong length, does not decrypt). */
export const PSKC_KEY_FIELD = 'preSharedKey';
/** Larger inputs are refused before parsing (about 10,000 tokens fit in a tenth of this). */
export const MAX_PSKC_CHARS = 32 * 1024 * 1024;

const AES128_CBC = 'http://www.w3.org/2001/04/xmlenc#aes128-cbc';
const MAC_ALGORITHMS = new Map<string, 'sha1' | 'sha256'>([
  ['http://www.w3.org/2000/09/xmldsig#hmac-sha1', 'sha1'],
  ['http://www.w3.org/2001/04/xmldsig-more#hmac-sha256', 'sha256'],
]);
const KEY_ALGORITHMS = new Map<string, OtpAlgorithm>([
  ['urn:ietf:params:xml:ns:keyprov:pskc:hotp', 'HOTP'],
  ['urn:ietf:params:xml:ns:keyprov:pskc:totp', 'TOTP'],
  ['urn:ietf:params:xml:ns:keyprov:pskc#totp', 'TOTP'],
]);
const SUITES = new Map<string, OtpHash>([
  ['SHA1', 'SHA1'],
  ['SHA256', 'SHA256'],
  ['SHA512', 'SHA512'],
]);

/* ------------------------------------------------------------------ XML access helpers */

/** An element as the parser gives it: child elements are arrays, attributes '@_name', text '#text'. */
type XNode = Record<string, unknown>;

function isNode(v: unknown): v is XNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function children(node: XNode | undefined, name: string): XNode[] {
  if (node === undefined || !Object.hasOwn(node, name)) return [];
  const v = node[name];
  return Array.isArray(v) ? v.filter(isNode) : [];
}

function text(node: XNode | undefined): string {
  if (node === undefined || !Object.hasOwn(node, '#text')) return '';
  const v = node['#text'];
  return typeof v === 'string' ? v.trim() : '';
}

function attr(node: XNode | undefined, name: string): string | undefined {
  const key = `@_${name}`;
  if (node === undefined || !Object.hasOwn(node, key)) return undefined;
  const v = node[key];
  return typeof v === 'string' ? v.trim() : undefined;
}

/** Untrusted text shown in a message: one line, at most 80 characters. */
function shown(s: string): string {
  const one = [...s.slice(0, 400).replace(/[\s\p{Cc}]+/gu, ' ').trim()];
  return one.length > 80 ? `${one.slice(0, 80).join('')}…` : one.join('');
}

/** Strict base64 (whitespace ignored); null if malformed or empty. */
function decodeBase64(s: string): Buffer | null {
  const t = s.replace(/\s/gu, '');
  if (t === '' || !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(t)) return null;
  return Buffer.from(t, 'base64');
}

/* ------------------------------------------------------------------ sniffing and parsing */

/**
 * True when the content's root element is a (PSKC) KeyContainer: after a BOM, white space, the
 * XML declaration, comments and processing instructions comes <KeyContainer or <prefix:KeyContainer.
 * A DOCTYPE naming KeyContainer as its root also counts, so that such a file reaches parsePskc
 * and is refused there with a clear message rather than being read as CSV.
 */
export function isPskc(content: string): boolean {
  let s = content.startsWith('\uFEFF') ? content.slice(1) : content;
  for (let i = 0; i < 1000; i++) {
    s = s.trimStart();
    if (s.startsWith('<?')) {
      const end = s.indexOf('?>');
      if (end < 0) return false;
      s = s.slice(end + 2);
    } else if (s.startsWith('<!--')) {
      const end = s.indexOf('-->', 4);
      if (end < 0) return false;
      s = s.slice(end + 3);
    } else {
      break;
    }
  }
  return /^<(?:!DOCTYPE\s+)?(?:[A-Za-z_][\w.-]*:)?KeyContainer[\s/>[]/u.test(s);
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true, // pskc:, ds:, xenc: … are dropped; xmlns declarations too
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false, // no entity is ever expanded (a DOCTYPE never gets this far anyway)
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  alwaysCreateTextNode: true,
  trimValues: true,
  // Every element is an array, so a repeated element is seen (and refused) instead of merged.
  isArray: (_name: string, _jpath: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});

function readContainer(xml: string): XNode {
  if (typeof xml !== 'string') refuse(PSKC_ERROR, 'PSKCファイルの内容を読み取れません');
  if (xml.length > MAX_PSKC_CHARS) {
    refuse(PSKC_ERROR, `PSKCファイルが大きすぎます（${MAX_PSKC_CHARS / 1024 / 1024}MBまで）。ファイルを分けて取り込んでください`);
  }
  const body = xml.startsWith('\uFEFF') ? xml.slice(1) : xml;
  // Before any parser sees it: a DTD is how XXE and entity-expansion ("billion laughs") attacks work.
  if (/<!DOCTYPE|<!ENTITY/iu.test(body)) {
    refuse(
      PSKC_ERROR,
      'PSKCファイルに文書型宣言（DOCTYPE／ENTITY）が含まれているため、安全のため読み込みません。トークン業者から届いたファイルか確認してください',
    );
  }
  let parsed: unknown;
  try {
    const valid = XMLValidator.validate(body);
    if (valid !== true) {
      const line = valid.err.line;
      refuse(
        PSKC_ERROR,
        `PSKCファイルがXMLとして正しくありません（${line}行目付近）。ファイルが途中で切れているか、壊れています`,
      );
    }
    parsed = parser.parse(body);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    refuse(PSKC_ERROR, 'PSKCファイルがXMLとして正しくありません。ファイルが途中で切れているか、壊れています');
  }
  const roots = isNode(parsed) ? Object.keys(parsed) : [];
  const containers = isNode(parsed) ? children(parsed, 'KeyContainer') : [];
  const container = containers[0];
  if (roots.length !== 1 || containers.length !== 1 || container === undefined) {
    return refuse(PSKC_ERROR, 'PSKCファイルではありません（最上位がKeyContainer要素1つではありません）');
  }
  return container;
}

/* ------------------------------------------------------------------ crypto */

/** Where a problem is: "2件目のKeyPackage（Id=12345678、シリアル番号 AB1234567890）". */
class Place {
  keyId = '';
  serial = '';
  constructor(readonly position: number) {}
  toString(): string {
    const parts: string[] = [];
    if (this.keyId !== '') parts.push(`Id=${shown(this.keyId)}`);
    if (this.serial !== '') parts.push(`シリアル番号 ${shown(this.serial)}`);
    return `${this.position}件目のKeyPackage${parts.length > 0 ? `（${parts.join('、')}）` : ''}`;
  }
}

function aes128CbcDecrypt(key: Uint8Array, ivAndCiphertext: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-128-cbc', key, ivAndCiphertext.subarray(0, 16));
    return Buffer.concat([decipher.update(ivAndCiphertext.subarray(16)), decipher.final()]);
  } catch {
    return null; // bad PKCS#7 padding: wrong key or damaged data
  }
}

/** IV ‖ ciphertext of an EncryptedValue-like element (EncryptionMethod + CipherData/CipherValue). */
function cipherBytes(enc: XNode, what: string): Buffer {
  const methods = children(enc, 'EncryptionMethod');
  const alg = attr(methods[0], 'Algorithm');
  if (methods.length !== 1 || alg === undefined) refuse(PSKC_ERROR, `${what}: 暗号化方式（EncryptionMethod）がありません`);
  if (alg !== AES128_CBC) {
    refuse(PSKC_ERROR, `${what}: 暗号化方式「${shown(alg)}」には対応していません（AES-128-CBC のみ）`);
  }
  const values = children(children(enc, 'CipherData')[0], 'CipherValue');
  if (values.length !== 1) refuse(PSKC_ERROR, `${what}: 暗号文（CipherData/CipherValue）がありません`);
  const bytes = decodeBase64(text(values[0]));
  if (bytes === null) refuse(PSKC_ERROR, `${what}: 暗号文（CipherValue）がBase64ではありません`);
  if (bytes.length < 32 || bytes.length % 16 !== 0) {
    refuse(PSKC_ERROR, `${what}: 暗号文の長さが正しくありません（IV 16バイトと16バイト単位の暗号文が必要です）`);
  }
  return bytes;
}

/** The container-wide key material, the MAC key decrypted once when first needed. */
class ContainerKeys {
  private macKey: Buffer | undefined;
  private macAlg: 'sha1' | 'sha256' = 'sha1';

  constructor(
    private readonly container: XNode,
    private readonly psk: Uint8Array | undefined,
  ) {}

  private preSharedKey(where: Place): Uint8Array {
    if (this.psk === undefined) {
      refuse(
        PSKC_ERROR,
        `${where}: シードが暗号化されています。トークン業者から別途届いた事前共有鍵を入力してください`,
        PSKC_KEY_FIELD,
      );
    }
    return this.psk;
  }

  private mac(where: Place): { key: Buffer; alg: 'sha1' | 'sha256' } {
    if (this.macKey !== undefined) return { key: this.macKey, alg: this.macAlg };
    const psk = this.preSharedKey(where);
    const methods = children(this.container, 'MACMethod');
    const method = methods[0];
    if (methods.length !== 1 || method === undefined) {
      refuse(PSKC_ERROR, `${where}: 暗号化された値を検証するMAC方式（MACMethod）がファイルにないため、取り込めません`);
    }
    const algUri = attr(method, 'Algorithm') ?? '';
    const alg = MAC_ALGORITHMS.get(algUri);
    if (alg === undefined) {
      refuse(PSKC_ERROR, `${where}: MAC方式「${shown(algUri)}」には対応していません（HMAC-SHA1 のみ）`);
    }
    const macKeys = children(method, 'MACKey');
    if (macKeys.length !== 1 || macKeys[0] === undefined) {
      refuse(PSKC_ERROR, `${where}: MAC鍵（MACMethod/MACKey）がファイルにないため、暗号化された値を検証できません`);
    }
    const key = aes128CbcDecrypt(psk, cipherBytes(macKeys[0], `${where}: MAC鍵（MACMethod/MACKey）`));
    if (key === null || key.length === 0) {
      refuse(
        PSKC_ERROR,
        `${where}: MAC鍵（MACMethod/MACKey）を事前共有鍵で復号できません。事前共有鍵が違うか、ファイルが壊れています`,
        PSKC_KEY_FIELD,
      );
    }
    this.macKey = key;
    this.macAlg = alg;
    return { key, alg };
  }

  /** MAC checked first (timing-safe), then AES-128-CBC decrypted. */
  decrypt(data: XNode, enc: XNode, what: string, where: Place): Buffer {
    const psk = this.preSharedKey(where);
    const { key, alg } = this.mac(where);
    const bytes = cipherBytes(enc, `${where}: ${what}`);
    const macs = children(data, 'ValueMAC');
    if (macs.length !== 1) {
      refuse(PSKC_ERROR, `${where}: ${what}にMAC（ValueMAC）がありません。MACで検証できない暗号化された値は取り込めません`);
    }
    const given = decodeBase64(text(macs[0]));
    if (given === null) refuse(PSKC_ERROR, `${where}: ${what}のMAC（ValueMAC）がBase64ではありません`);
    const expected = createHmac(alg, key).update(bytes).digest();
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      refuse(PSKC_ERROR, `${where}: ${what}のMACが一致しません。事前共有鍵が違うか、ファイルが改ざん・破損しています`);
    }
    const plain = aes128CbcDecrypt(psk, bytes);
    if (plain === null) {
      refuse(
        PSKC_ERROR,
        `${where}: ${what}を事前共有鍵で復号できません。事前共有鍵が違うか、ファイルが壊れています`,
        PSKC_KEY_FIELD,
      );
    }
    return plain;
  }

  wipe(): void {
    this.macKey?.fill(0);
  }
}

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

/** An integer Data value: decimal text, or (encrypted) big-endian bytes, signed if `signed`. */
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
    const re = opts.signed ? /^[+-]?\d{1,15}$/u : /^\+?\d{1,15}$/u;
    if (!re.test(v.plain)) refuse(PSKC_ERROR, `${where}: ${what}「${shown(v.plain)}」が整数ではありません`);
    return Number(v.plain);
  }
  const b = v.decrypted;
  if (b.length < 1 || b.length > 8) refuse(PSKC_ERROR, `${where}: 暗号化された${what}の長さが正しくありません`);
  let n = 0n;
  for (const byte of b) n = (n << 8n) | BigInt(byte);
  if (opts.signed && b.length > 0 && ((b[0] as number) & 0x80) !== 0) n -= 1n << BigInt(8 * b.length);
  b.fill(0);
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < -BigInt(Number.MAX_SAFE_INTEGER)) {
    refuse(PSKC_ERROR, `${where}: ${what}が大きすぎます`);
  }
  return Number(n);
}

/* ------------------------------------------------------------------ KeyPackage */

function parseKeyPackage(pkg: XNode, where: Place, keys: ContainerKeys): PskcRecord {
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
    where.serial = validateSerial(serialRaw);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    refuse(PSKC_ERROR, `${where}: シリアル番号「${shown(serialRaw)}」は英数字12桁ではありません`);
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
  const checkDigits = attr(format, 'CheckDigits');
  if (checkDigits === 'true' || checkDigits === '1') {
    refuse(PSKC_ERROR, `${where}: チェックディジット付きのワンタイムパスワード（CheckDigits）には対応していません`);
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
 * returned partially. `opts.preSharedKey` (16 bytes) is needed only when values are encrypted.
 */
export function parsePskc(xml: string, opts: PskcOptions = {}): PskcRecord[] {
  const psk = opts.preSharedKey;
  if (psk !== undefined && (!(psk instanceof Uint8Array) || psk.length !== 16)) {
    refuse(PSKC_ERROR, '事前共有鍵は16バイト（16進数で32桁）で入力してください', PSKC_KEY_FIELD);
  }
  const container = readContainer(xml);

  const version = attr(container, 'Version');
  if (version !== '1.0') {
    refuse(PSKC_ERROR, `KeyContainerのバージョン（Version）「${shown(version ?? '')}」には対応していません（1.0 のみ）`);
  }
  const encKey = children(container, 'EncryptionKey')[0];
  if (children(encKey, 'DerivedKey').length > 0) {
    refuse(PSKC_ERROR, 'パスワードから導出した鍵（DerivedKey、PBKDF2）による暗号化には対応していません。事前共有鍵で暗号化したファイルを業者に依頼してください');
  }
  if (children(encKey, 'X509Data').length > 0) {
    refuse(PSKC_ERROR, '公開鍵（X509Data）による暗号化には対応していません。事前共有鍵で暗号化したファイルを業者に依頼してください');
  }

  const packages = children(container, 'KeyPackage');
  if (packages.length === 0) refuse(PSKC_ERROR, 'PSKCファイルにトークン（KeyPackage）が1件もありません');

  const keys = new ContainerKeys(container, psk);
  const records: PskcRecord[] = [];
  try {
    const seenAt = new Map<string, number>();
    packages.forEach((pkg, i) => {
      const where = new Place(i + 1);
      const rec = parseKeyPackage(pkg, where, keys);
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
