/** The rules a counter form checks itself before 確認, with the domain's own wording. */
import { isLive, normalizeSerial, validateOtpFormat, validateSerial, type OtpDigits, type SerialFormat } from '../../services/contract';
import { domainMessage } from '../rule-message';
import { lookedUp, lookupFor, type ContractInfo, type Lookup, type StockInfo } from './session';

export { domainMessage };

/** Only the entries that hold a message. */
export function errorsOf(entries: Record<string, string | null | undefined | false>): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
}

/**
 * A serial typed or scanned: present, and following the branch's rule unless the branch knows the
 * token already (`known`: tokens keep their serials when the rule changes), as the server checks it.
 */
export function serialError(serial: string, format: SerialFormat, known = false): string | null {
  if (!serial.trim()) return 'シリアル番号を入力してください';
  return known ? null : domainMessage(() => validateSerial(serial, format));
}

/**
 * The code a token shows (full-width digits are fine): as many digits as that token has, or,
 * while the token is not known yet, any length a token can have.
 */
export function otpError(otp: string, digits?: OtpDigits): string | null {
  return domainMessage(() => validateOtpFormat(otp, digits));
}

/** How many digits the token whose serial is typed shows, once its look-up came back. */
export function stockDigits(lookup: Lookup<StockInfo>, serial: string): OtpDigits | undefined {
  return lookedUp(lookup, serial)?.digits;
}

/** A token from stock: a serial the stock knows and can hand out, and its code. */
export function tokenFromStockErrors(serial: string, otp: string, lookup: Lookup<StockInfo>, format: SerialFormat): { serial: string | null; otp: string | null } {
  const l = lookupFor(lookup, serial);
  let serialMessage = serialError(serial, format, l.status === 'ok');
  if (!serialMessage && l.status === 'error') serialMessage = l.message;
  if (!serialMessage && l.status === 'ok' && l.value.state !== 'IN_STOCK') serialMessage = `このトークンは発行できません（状態：${l.value.stateLabel}）`;
  return { serial: serialMessage, otp: otpError(otp, stockDigits(lookup, serial)) };
}

/** The contract holds a token it can exchange, report lost or suspend. */
export function hasLiveToken(c: ContractInfo): boolean {
  return isLive(c.currentState);
}

export const NO_LIVE_TOKEN = 'この契約には現在ご利用中のハードウェアトークンがありません。';

/** 契約者ID: typed, known to the branch, and holding a token in use. */
export function contractError(typed: string, lookup: Lookup<ContractInfo>): string | null {
  if (!typed.trim()) return '契約者IDを入力してください';
  const l = lookupFor(lookup, typed);
  if (l.status === 'error') return l.message;
  if (l.status === 'ok' && !hasLiveToken(l.value)) return NO_LIVE_TOKEN;
  return null;
}

/** The serial typed is the one of the token the contract holds. */
export function isContractSerial(typed: string, contract: ContractInfo | null): boolean {
  return contract !== null && normalizeSerial(typed) === contract.currentSerial;
}

/**
 * A serial the customer brings or writes on a form, against the token the contract holds:
 * 「{subject}（X）はこの契約のトークン（Y）ではありません。」 or null when it matches or is unknown yet.
 */
export function serialMismatch(typed: string, contract: ContractInfo | null, subject: string): string | null {
  const serial = normalizeSerial(typed);
  if (!contract || !serial || serial === contract.currentSerial) return null;
  return `${subject}（${serial}）はこの契約のトークン（${contract.currentSerial ?? 'なし'}）ではありません。シリアル番号を確かめてください。`;
}
