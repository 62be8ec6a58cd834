/**
 * A key's Policy (RFC 6030 §5), honoured at import: the key must be valid at the import time
 * (StartDate ≤ now ≤ ExpiryDate), be for OTPs (KeyUsage), need no PIN that the verifier has to
 * know (PINPolicy) and have no limit on its use (NumberOfTransactions, which nothing here counts).
 * "If the <Policy> element contains child elements or values within elements/attributes that are
 * not understood by the recipient [...], then the recipient MUST assume that key usage is not
 * permitted": anything else in a Policy refuses the file.
 */
import { refuse } from '../domain/errors';
import { attr, children, PSKC_ERROR, shown, text, type Place, type XNode } from './pskc-xml';

/** The key usages RFC 6030 registers (IANA's PSKC Key Usage registry): any other value is not understood. */
const KEY_USAGES = new Set(['OTP', 'CR', 'Encrypt', 'Integrity', 'Verify', 'Unlock', 'Decrypt', 'KeyWrap', 'Unwrap', 'Derive', 'Generate']);
const PIN_ATTRIBUTES = new Set(['PINKeyId', 'PINUsageMode', 'MaxFailedAttempts', 'MinLength', 'MaxLength', 'PINEncoding']);
const PIN_ENCODINGS = new Set(['DECIMAL', 'HEXADECIMAL', 'ALPHANUMERIC', 'BASE64', 'BINARY']);
const POLICY_ELEMENTS = new Set(['StartDate', 'ExpiryDate', 'NumberOfTransactions', 'KeyUsage', 'PINPolicy']);
/** A time written without a zone is read as Japan time: the bank's, and what its vendors write for it. */
const JST_MINUTES = 9 * 60;

function notUnderstood(where: Place, what: string): never {
  return refuse(
    PSKC_ERROR,
    `${where}: ${what}を理解できません。RFC 6030 では理解できないポリシーのある鍵は使ってはならないため、取り込めません`,
  );
}

/** xs:dateTime as an instant, or null when it is not one (leap seconds and 24:00 included, which RFC 6030 rules out). */
function instant(raw: string): number | null {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)?$/u.exec(raw);
  if (m === null) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const local = new Date(Date.UTC(y, mo - 1, d, h, mi, s, Number(`0.${m[7] ?? '0'}`) * 1000));
  const same = local.getUTCFullYear() === y && local.getUTCMonth() === mo - 1 && local.getUTCDate() === d && local.getUTCHours() === h;
  if (!same || mi > 59 || s > 59) return null;
  const zone = m[8] ?? '';
  const offset = zone === 'Z' ? 0 : zone === '' ? JST_MINUTES : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)));
  return local.getTime() - offset * 60_000;
}

/** The one element `name` of the Policy, or undefined; refused if repeated. */
function single(policy: XNode, name: string, where: Place): XNode | undefined {
  const found = children(policy, name);
  if (found.length > 1) refuse(PSKC_ERROR, `${where}: Policy/${name} が複数あります`);
  return found[0];
}

function checkDates(policy: XNode, where: Place, now: Date): void {
  const date = (name: string) => {
    const el = single(policy, name, where);
    if (el === undefined) return undefined;
    const raw = text(el);
    const at = instant(raw);
    if (at === null) refuse(PSKC_ERROR, `${where}: 日時（Policy/${name}）「${shown(raw)}」を読み取れません（例: 2026-04-01T00:00:00Z）`);
    return { raw, at };
  };
  const start = date('StartDate');
  const expiry = date('ExpiryDate');
  if (start !== undefined && now.getTime() < start.at) {
    refuse(PSKC_ERROR, `${where}: 鍵の使用開始日時（Policy/StartDate ${shown(start.raw)}）より前のため、まだ取り込めません`);
  }
  if (expiry !== undefined && now.getTime() > expiry.at) {
    refuse(PSKC_ERROR, `${where}: 鍵の有効期限（Policy/ExpiryDate ${shown(expiry.raw)}）を過ぎているため、取り込めません`);
  }
}

function checkUsage(policy: XNode, where: Place): void {
  const usages = children(policy, 'KeyUsage').map(text);
  for (const u of usages) if (!KEY_USAGES.has(u)) notUnderstood(where, `鍵の用途（Policy/KeyUsage）「${shown(u)}」`);
  if (usages.length > 0 && !usages.includes('OTP')) {
    refuse(PSKC_ERROR, `${where}: 鍵の用途（Policy/KeyUsage）が ${usages.join('・')} で、ワンタイムパスワード（OTP）用ではないため取り込めません`);
  }
}

/**
 * RFC 6030 §5's PINUsageMode: "Local" is checked on the device before it shows a code, which is
 * then a plain HOTP/TOTP code, so the bank needs nothing; the other modes put the PIN into what
 * the verifier must check, and the bank uses no PINs.
 */
function checkPin(policy: XNode, where: Place): void {
  const pin = single(policy, 'PINPolicy', where);
  if (pin === undefined) return;
  for (const name of Object.keys(pin)) {
    if (name === '#text' && text(pin) === '') continue;
    if (!name.startsWith('@_')) notUnderstood(where, `Policy/PINPolicy の中の ${shown(name)}`);
    if (!PIN_ATTRIBUTES.has(name.slice(2))) notUnderstood(where, `Policy/PINPolicy の属性 ${shown(name.slice(2))}`);
  }
  for (const name of ['MaxFailedAttempts', 'MinLength', 'MaxLength']) {
    const v = attr(pin, name);
    if (v !== undefined && !/^\d{1,9}$/u.test(v)) notUnderstood(where, `Policy/PINPolicy/@${name}「${shown(v)}」`);
  }
  const encoding = attr(pin, 'PINEncoding');
  if (encoding !== undefined && !PIN_ENCODINGS.has(encoding)) notUnderstood(where, `Policy/PINPolicy/@PINEncoding「${shown(encoding)}」`);

  const mode = attr(pin, 'PINUsageMode');
  const stated = `（Policy/PINPolicy、PINUsageMode=${shown(mode ?? '')}）`;
  if (mode === undefined) {
    refuse(PSKC_ERROR, `${where}: PINの使い方（Policy/PINPolicy/@PINUsageMode）がありません。RFC 6030 で必須の属性のため、取り込めません`);
  } else if (mode === 'Local') {
    const pinKey = attr(pin, 'PINKeyId');
    if (pinKey !== undefined) {
      refuse(
        PSKC_ERROR,
        `${where}: このトークンは本体でPINを確かめてからコードを表示します${stated}。その初期PINがファイル内の別の鍵（PINKeyId=${shown(pinKey)}）で届いていますが、当行はPINをお客さまにお渡ししないため、取り込めません`,
      );
    }
  } else if (mode === 'Prepend' || mode === 'Append') {
    refuse(
      PSKC_ERROR,
      `${where}: このトークンはコードの${mode === 'Prepend' ? '前' : '後'}にPINを付けて入力する方式です${stated}。PINは照合する側が確かめる必要がありますが、当行はPINを使わないため、取り込めません`,
    );
  } else if (mode === 'Algorithmic') {
    refuse(PSKC_ERROR, `${where}: このトークンはPINをコードの計算に使います${stated}。当行はPINを使わないため、コードを照合できず、取り込めません`);
  } else {
    notUnderstood(where, `PINの使い方（Policy/PINPolicy/@PINUsageMode）「${shown(mode)}」`);
  }
}

/** Refuses the key (and so the file) unless its Policy, if any, lets madoguchi use it for OTPs at `now`. */
export function checkPolicy(key: XNode, where: Place, now: Date): void {
  const policies = children(key, 'Policy');
  if (policies.length > 1) refuse(PSKC_ERROR, `${where}: Policy が複数あります`);
  const policy = policies[0];
  if (policy === undefined) return;
  for (const name of Object.keys(policy)) {
    if (name === '#text' && text(policy) === '') continue;
    if (!POLICY_ELEMENTS.has(name)) notUnderstood(where, `ポリシーの項目（Policy/${shown(name.replace(/^@_/u, '@'))}）`);
  }
  checkDates(policy, where, now);
  checkUsage(policy, where);
  checkPin(policy, where);
  const limit = single(policy, 'NumberOfTransactions', where);
  if (limit !== undefined) {
    const n = text(limit);
    if (!/^\d{1,15}$/u.test(n)) notUnderstood(where, `使用回数の上限（Policy/NumberOfTransactions）「${shown(n)}」`);
    refuse(
      PSKC_ERROR,
      `${where}: 鍵の使用回数に上限があります（Policy/NumberOfTransactions ${n}回）。当行のシステムは使用回数を数えないため、取り込めません`,
    );
  }
}
