/**
 * The keys of an encrypted PSKC file (RFC 6030 §6.1, pre-shared key): xenc:EncryptionMethod
 * aes128-cbc, CipherValue = IV (16 bytes) ‖ ciphertext with PKCS#7 padding. The MAC key is carried
 * in MACMethod/MACKey, itself encrypted under the pre-shared key (it has no MAC of its own, as in
 * the RFC). Every other encrypted value must have a ValueMAC = HMAC(MAC key, IV ‖ ciphertext),
 * which is checked (timing-safe) before anything is decrypted.
 */
import { createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';
import { refuse } from '../domain/errors';
import { attr, children, decodeBase64, PSKC_ERROR, shown, text, type Place, type XNode } from './pskc-xml';

/** DomainError field of refusals about the pre-shared key (missing, wrong length, does not decrypt). */
export const PSKC_KEY_FIELD = 'preSharedKey';

const AES128_CBC = 'http://www.w3.org/2001/04/xmlenc#aes128-cbc';
const MAC_ALGORITHMS = new Map<string, 'sha1' | 'sha256'>([
  ['http://www.w3.org/2000/09/xmldsig#hmac-sha1', 'sha1'],
  ['http://www.w3.org/2001/04/xmldsig-more#hmac-sha256', 'sha256'],
]);

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
export class ContainerKeys {
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
