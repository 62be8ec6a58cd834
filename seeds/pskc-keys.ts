/**
 * The key of an encrypted PSKC file: one for the whole file, a pre-shared key sent by the vendor
 * separately (RFC 6030 §6.1) or derived from a password (§6.2, pskc-pbkdf2.ts). Values are
 * encrypted with AES-128/192/256-CBC (CipherValue = IV ‖ ciphertext, PKCS#7 padding) or AES key
 * wrap (RFC 3394, or RFC 5649 with padding). The MAC key is carried in MACMethod/MACKey, itself
 * encrypted under the file's key (it has no MAC of its own, as in the RFC). Every CBC value must have a ValueMAC = HMAC(MAC key, IV ‖ ciphertext), checked
 * (timing-safe) before anything is decrypted; key wrap checks its own integrity, and a ValueMAC
 * beside it is checked too.
 *
 * Problems with the key itself (missing, wrong length, does not decrypt) belong to the whole file:
 * their messages name no KeyPackage and carry field 'preSharedKey' or 'password'. Once the key is
 * confirmed (the MAC key decrypted beyond chance, a MAC matched, a value decrypted), a value that
 * fails is its KeyPackage's, and the key is not blamed.
 */
import { createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';
import { refuse } from '../domain/errors';
import { derivePasswordKey, PSKC_PASSWORD_FIELD } from './pskc-pbkdf2';
import { attr, children, decodeBase64, hmacNamed, PSKC_ERROR, shown, text, type HmacHash, type Place, type XNode } from './pskc-xml';

/** DomainError field of refusals about the pre-shared key (missing, wrong length, does not decrypt). */
export const PSKC_KEY_FIELD = 'preSharedKey';

interface Cipher {
  label: string;
  mode: 'cbc' | 'kw';
  bits: 128 | 192 | 256;
}

const XMLENC = 'http://www.w3.org/2001/04/xmlenc#';
const CIPHERS = new Map<string, Cipher>(
  ([128, 192, 256] as const).flatMap((bits) => [
    [`${XMLENC}aes${bits}-cbc`, { label: `AES-${bits}-CBC`, mode: 'cbc', bits }],
    [`${XMLENC}kw-aes${bits}`, { label: `AES-${bits}鍵ラップ`, mode: 'kw', bits }],
  ]),
);

/** The length of key a cipher needs, as a teller types it. */
const keyLength = (c: Cipher) => `16進数${c.bits / 4}桁（${c.bits / 8}バイト）`;

// Key-wrap initial values: RFC 3394 §2.2.3.1, and RFC 5649 §3 (followed by the length).
const RFC3394_IV = Buffer.from('a6a6a6a6a6a6a6a6', 'hex');
const RFC5649_IV = Buffer.from('a65959a6', 'hex');

/** Plaintext, or null when the padding or the key-wrap integrity check fails (wrong key or damaged data). */
function decryptWith(c: Cipher, key: Uint8Array, bytes: Buffer): Buffer | null {
  // xmlenc's kw-aes names RFC 3394, which cannot wrap a 20-byte seed; python-pskc reads and writes
  // RFC 5649's padded form under the same name, so both are tried: each checks its own integrity.
  const attempts: [string, Buffer, Buffer][] =
    c.mode === 'cbc'
      ? [[`aes-${c.bits}-cbc`, bytes.subarray(0, 16), bytes.subarray(16)]]
      : [
          [`id-aes${c.bits}-wrap`, RFC3394_IV, bytes],
          [`id-aes${c.bits}-wrap-pad`, RFC5649_IV, bytes],
        ];
  for (const [name, iv, data] of attempts) {
    try {
      const decipher = createDecipheriv(name, key, iv);
      return Buffer.concat([decipher.update(data), decipher.final()]);
    } catch {
      // next attempt, or null below
    }
  }
  return null;
}

/** The cipher and ciphertext of an EncryptedValue-like element (EncryptionMethod + CipherData/CipherValue). */
function encrypted(enc: XNode, what: string): { cipher: Cipher; bytes: Buffer } {
  const methods = children(enc, 'EncryptionMethod');
  const alg = attr(methods[0], 'Algorithm');
  if (methods.length !== 1 || alg === undefined) refuse(PSKC_ERROR, `${what}: 暗号化方式（EncryptionMethod）がありません`);
  const cipher = CIPHERS.get(alg);
  if (cipher === undefined) {
    refuse(PSKC_ERROR, `${what}: 暗号化方式「${shown(alg)}」には対応していません（${[...CIPHERS.values()].map((c) => c.label).join('、')} のみ）`);
  }
  const values = children(children(enc, 'CipherData')[0], 'CipherValue');
  if (values.length !== 1) refuse(PSKC_ERROR, `${what}: 暗号文（CipherData/CipherValue）がありません`);
  const bytes = decodeBase64(text(values[0]));
  if (bytes === null) refuse(PSKC_ERROR, `${what}: 暗号文（CipherValue）がBase64ではありません`);
  if (cipher.mode === 'cbc' && (bytes.length < 32 || bytes.length % 16 !== 0)) {
    refuse(PSKC_ERROR, `${what}: 暗号文の長さが正しくありません（IV 16バイトと16バイト単位の暗号文が必要です）`);
  }
  if (cipher.mode === 'kw' && (bytes.length < 16 || bytes.length % 8 !== 0)) {
    refuse(PSKC_ERROR, `${what}: 暗号文の長さが正しくありません（鍵ラップは8バイト単位で16バイト以上です）`);
  }
  return { cipher, bytes };
}

/** Every encrypted Data value of the file's KeyPackages: a file without any needs no key. */
function encryptedValues(container: XNode): XNode[] {
  return children(container, 'KeyPackage')
    .flatMap((pkg) => children(pkg, 'Key'))
    .flatMap((key) => children(key, 'Data'))
    .flatMap((data) => Object.keys(data).flatMap((name) => children(data, name)))
    .flatMap((value) => children(value, 'EncryptedValue'));
}

/** The file's key, and how the teller gave it: as the messages name it, and the form field it belongs to. */
interface FileKey {
  bytes: Uint8Array;
  name: '事前共有鍵' | 'パスワード';
  field: string;
}

export interface KeyInput {
  /** The AES pre-shared key (16, 24 or 32 bytes, as the file's cipher needs) the vendor sent separately. */
  preSharedKey?: Uint8Array | undefined;
  /** The password the vendor sent separately, for files whose key is derived from one (PBKDF2). */
  password?: string | undefined;
}

function preSharedKey(cipher: Cipher, key: Uint8Array | undefined): FileKey {
  if (key === undefined) {
    refuse(
      PSKC_ERROR,
      `シードが ${cipher.label} で暗号化されています。トークン業者から別途届いた事前共有鍵（16進数${cipher.bits / 4}桁）を入力してください`,
      PSKC_KEY_FIELD,
    );
  }
  if (key.length !== cipher.bits / 8) {
    refuse(
      PSKC_ERROR,
      `このファイルは ${cipher.label} で暗号化されています。事前共有鍵は${keyLength(cipher)}で入力してください（入力された鍵は16進数${key.length * 2}桁です）`,
      PSKC_KEY_FIELD,
    );
  }
  return { bytes: key, name: '事前共有鍵', field: PSKC_KEY_FIELD };
}

interface MacKey {
  key: Buffer;
  hash: HmacHash;
  /** Whether decrypting the MAC key showed the file's key right (macKey). */
  confirmsKey: boolean;
}

/**
 * CBC checks nothing but its padding, which a wrong key passes once in 256^n for n bytes of it: a
 * MAC key with at least 4 (2^-32) confirms the key. RFC 6030's 20-byte key in 32 bytes has 12, a
 * digest-long key (python-pskc's) 4 to 16; key wrap checks its own integrity.
 */
const CONFIRMING_PADDING = 4;

/** The file's key and MAC key; made once per file, before any KeyPackage is read. */
export class ContainerKeys {
  private constructor(
    private readonly key: FileKey | undefined,
    private readonly mac: MacKey | undefined,
    /** True once something has shown the key right: a later failure is the value's, not the key's. */
    private confirmed: boolean,
  ) {}

  /** Reads EncryptionKey and MACMethod, gets the file's key for its cipher and decrypts the MAC key. */
  static open(container: XNode, input: KeyInput): ContainerKeys {
    const encKey = children(container, 'EncryptionKey')[0];
    if (children(encKey, 'X509Data').length > 0) {
      refuse(PSKC_ERROR, '公開鍵（X509Data）による暗号化には対応していません。事前共有鍵かパスワードで暗号化したファイルを業者に依頼してください');
    }
    const first = encryptedValues(container)[0];
    if (first === undefined) return new ContainerKeys(undefined, undefined, false);
    const { cipher } = encrypted(first, '暗号化された値');
    const derived = children(encKey, 'DerivedKey');
    if (derived.length > 1) refuse(PSKC_ERROR, 'パスワードによる保護の設定（EncryptionKey/DerivedKey）が複数あります');
    const key =
      derived[0] === undefined
        ? preSharedKey(cipher, input.preSharedKey)
        : {
            bytes: derivePasswordKey(derived[0], cipher.bits / 8, cipher.label, input.password),
            name: 'パスワード' as const,
            field: PSKC_PASSWORD_FIELD,
          };
    const mac = ContainerKeys.macKey(container, key);
    return new ContainerKeys(key, mac, mac?.confirmsKey ?? false);
  }

  private static macKey(container: XNode, fileKey: FileKey): MacKey | undefined {
    const methods = children(container, 'MACMethod');
    const method = methods[0];
    if (method === undefined) return undefined;
    if (methods.length !== 1) refuse(PSKC_ERROR, 'MAC方式（MACMethod）が複数あります');
    const alg = hmacNamed(attr(method, 'Algorithm') ?? '', 'MAC方式');
    const macKeys = children(method, 'MACKey');
    if (macKeys.length !== 1 || macKeys[0] === undefined) {
      refuse(PSKC_ERROR, 'MAC鍵（MACMethod/MACKey）がファイルにないため、暗号化された値を検証できません');
    }
    const { cipher, bytes } = encrypted(macKeys[0], 'MAC鍵（MACMethod/MACKey）');
    const key = cipher.bits / 8 === fileKey.bytes.length ? decryptWith(cipher, fileKey.bytes, bytes) : null;
    if (key === null || key.length === 0) {
      refuse(
        PSKC_ERROR,
        `MAC鍵（MACMethod/MACKey）を${fileKey.name}で復号できません。${fileKey.name}が違うか、ファイルが壊れています`,
        fileKey.field,
      );
    }
    const cbcPadding = bytes.length - 16 - key.length; // IV ‖ ciphertext
    return { key, hash: alg.hash, confirmsKey: cipher.mode === 'kw' || cbcPadding >= CONFIRMING_PADDING };
  }

  /** The ValueMAC beside an encrypted value checked (timing-safe); required for CBC, which has no integrity of its own. */
  private checkMac(data: XNode, bytes: Buffer, cipher: Cipher, key: FileKey, what: string, where: Place): void {
    const macs = children(data, 'ValueMAC');
    if (macs.length === 0 && cipher.mode === 'kw') return;
    if (macs.length !== 1) {
      refuse(PSKC_ERROR, `${where}: ${what}にMAC（ValueMAC）がありません。MACで検証できない暗号化された値は取り込めません`);
    }
    if (this.mac === undefined) {
      refuse(PSKC_ERROR, '暗号化された値を検証するMAC方式（MACMethod）がファイルにないため、取り込めません');
    }
    const given = decodeBase64(text(macs[0]));
    if (given === null) refuse(PSKC_ERROR, `${where}: ${what}のMAC（ValueMAC）がBase64ではありません`);
    const expected = createHmac(this.mac.hash, this.mac.key).update(bytes).digest();
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      refuse(
        PSKC_ERROR,
        this.confirmed
          ? `${where}: ${what}のMACが一致しません。ファイルが改ざん・破損しているか、誤って作られています。トークン業者にファイルの再送を依頼してください`
          : `${where}: ${what}のMACが一致しません。${key.name}が違うか、ファイルが改ざん・破損しています`,
      );
    }
    this.confirmed = true; // a MAC key that verifies a MAC was decrypted with the right key
  }

  /** MAC checked first, then decrypted. */
  decrypt(data: XNode, enc: XNode, what: string, where: Place): Buffer {
    const { cipher, bytes } = encrypted(enc, `${where}: ${what}`);
    // open() scanned every value a KeyPackage can hold, so a file with this one has a key.
    if (this.key === undefined) throw new Error('PSKC: an encrypted value that open() did not see');
    const key = this.key;
    if (cipher.bits / 8 !== key.bytes.length) {
      refuse(PSKC_ERROR, `${where}: ${what}の暗号化方式（${cipher.label}）には${keyLength(cipher)}の鍵が必要で、このファイルの他の値と合いません`);
    }
    this.checkMac(data, bytes, cipher, key, what, where);
    const plain = decryptWith(cipher, key.bytes, bytes);
    if (plain === null && !this.confirmed) {
      refuse(PSKC_ERROR, `暗号化された値を${key.name}で復号できません。${key.name}が違うか、ファイルが壊れています`, key.field);
    }
    if (plain === null) refuse(PSKC_ERROR, `${where}: ${what}を復号できません。ファイルが改ざん・破損しています`);
    this.confirmed = true;
    return plain;
  }

  wipe(): void {
    this.mac?.key.fill(0);
    if (this.key?.name === 'パスワード') this.key.bytes.fill(0); // derived here; a pre-shared key is the caller's
  }
}
