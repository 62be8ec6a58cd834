/**
 * A PSKC file's key derived from a password (RFC 6030 §6.2): EncryptionKey/DerivedKey with
 * KeyDerivationMethod PBKDF2 (RFC 8018 / PKCS #5 v2.0) and its PBKDF2-params: Salt/Specified,
 * IterationCount, KeyLength (optional: the cipher's key length) and PRF (optional: HMAC-SHA1).
 * The derived key then serves as the pre-shared key would: MAC key, MACs, decryption.
 */
import { pbkdf2Sync } from 'node:crypto';
import { refuse } from '../domain/errors';
import { attr, children, decodeBase64, hmacNamed, PSKC_ERROR, shown, text, type XNode } from './pskc-xml';

/** DomainError field of refusals about the password (missing, does not decrypt). */
export const PSKC_PASSWORD_FIELD = 'password';

/**
 * Fewer iterations are refused as too weakly protected: RFC 8018 §4.2 recommends at least 1,000
 * (RFC 6030's own example uses exactly that), and fewer would leave the seeds of a file that goes
 * astray open to guessing the password.
 */
export const MIN_PBKDF2_ITERATIONS = 1_000;
/**
 * More are refused so that a file cannot hold the terminal's one thread for long: 5,000,000
 * rounds of HMAC-SHA1 take about 5 s here; vendors use far fewer (OWASP's 2023 figure for
 * PBKDF2-HMAC-SHA1 is 1,300,000).
 */
export const MAX_PBKDF2_ITERATIONS = 5_000_000;
/** RFC 8018 §4.1: the salt should be at least eight octets. */
const MIN_SALT_BYTES = 8;

const PBKDF2 = new Set([
  'http://www.rsasecurity.com/rsalabs/pkcs/schemas/pkcs-5v2-0#pbkdf2', // RFC 6030 §6.2
  'http://www.w3.org/2009/xmlenc11#pbkdf2', // XML Encryption 1.1's name for the same
]);

/** The one child `name` of `node`, or a refusal naming it as `path`. */
function one(node: XNode | undefined, name: string, path: string): XNode {
  const found = children(node, name);
  if (found.length !== 1 || found[0] === undefined) {
    refuse(PSKC_ERROR, `パスワードによる保護の設定（${path}）が${found.length === 0 ? 'ありません' : '複数あります'}`);
  }
  return found[0];
}

function count(node: XNode, path: string): number {
  const raw = text(node);
  if (!/^\d{1,15}$/u.test(raw)) refuse(PSKC_ERROR, `パスワードによる保護の設定（${path}）「${shown(raw)}」が整数ではありません`);
  return Number(raw);
}

/**
 * The key for a cipher of `keyBytes`, derived from `password` by the DerivedKey element's
 * parameters; the parameters are checked before the password is asked for, so that a file too
 * weakly protected is refused whatever is typed.
 */
export function derivePasswordKey(derivedKey: XNode, keyBytes: number, cipherLabel: string, password: string | undefined): Buffer {
  const method = one(derivedKey, 'KeyDerivationMethod', 'DerivedKey/KeyDerivationMethod');
  const alg = attr(method, 'Algorithm') ?? '';
  if (!PBKDF2.has(alg)) refuse(PSKC_ERROR, `鍵の導出方式「${shown(alg)}」には対応していません（PBKDF2 のみ）`);
  const params = one(method, 'PBKDF2-params', 'KeyDerivationMethod/PBKDF2-params');

  const salt = decodeBase64(text(one(one(params, 'Salt', 'PBKDF2-params/Salt'), 'Specified', 'PBKDF2-params/Salt/Specified')));
  if (salt === null) refuse(PSKC_ERROR, 'パスワードによる保護のソルト（PBKDF2-params/Salt/Specified）がBase64ではありません');
  if (salt.length < MIN_SALT_BYTES) {
    refuse(PSKC_ERROR, `パスワードによる保護のソルト（PBKDF2-params/Salt）が${salt.length}バイトしかありません。${MIN_SALT_BYTES}バイト未満のファイルは保護が弱すぎるため取り込めません。トークン業者に作り直しを依頼してください`);
  }
  const iterations = count(one(params, 'IterationCount', 'PBKDF2-params/IterationCount'), 'PBKDF2-params/IterationCount');
  if (iterations < MIN_PBKDF2_ITERATIONS) {
    refuse(
      PSKC_ERROR,
      `パスワードによる保護の反復回数（PBKDF2-params/IterationCount）が${iterations.toLocaleString('ja-JP')}回しかありません。${MIN_PBKDF2_ITERATIONS.toLocaleString('ja-JP')}回未満のファイルは保護が弱すぎるため取り込めません。トークン業者に作り直しを依頼してください`,
    );
  }
  if (iterations > MAX_PBKDF2_ITERATIONS) {
    refuse(
      PSKC_ERROR,
      `パスワードによる保護の反復回数（PBKDF2-params/IterationCount）が${iterations.toLocaleString('ja-JP')}回と多すぎるため取り込めません（${MAX_PBKDF2_ITERATIONS.toLocaleString('ja-JP')}回まで）`,
    );
  }
  const lengths = children(params, 'KeyLength');
  if (lengths.length > 1) refuse(PSKC_ERROR, 'パスワードによる保護の設定（PBKDF2-params/KeyLength）が複数あります');
  const length = lengths[0] === undefined ? keyBytes : count(lengths[0], 'PBKDF2-params/KeyLength');
  if (length !== keyBytes) {
    refuse(PSKC_ERROR, `導出する鍵の長さ（PBKDF2-params/KeyLength）${length}バイトが、暗号化方式 ${cipherLabel} の鍵の長さ（${keyBytes}バイト）と合いません`);
  }
  const prfs = children(params, 'PRF');
  if (prfs.length > 1) refuse(PSKC_ERROR, 'パスワードによる保護の設定（PBKDF2-params/PRF）が複数あります');
  // PKCS #5's default PRF is HMAC-SHA1; RFC 6030's example writes an empty <PRF/> for it.
  const prfUri = attr(prfs[0], 'Algorithm') ?? '';
  const prf = prfUri === '' ? 'sha1' : hmacNamed(prfUri, '鍵の導出に使う関数（PBKDF2-params/PRF）').hash;

  if (password === undefined || password === '') {
    refuse(
      PSKC_ERROR,
      `このファイルはパスワードで保護されています（PBKDF2、${cipherLabel}）。トークン業者から別途届いたパスワードを入力してください`,
      PSKC_PASSWORD_FIELD,
    );
  }
  return pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, length, prf);
}
