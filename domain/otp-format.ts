/**
 * The code a token shows, as the teller types it: full-width digits are fine (NFKC) and spaces
 * are dropped. Its length is the token's own (6 or 8); where the token is not known yet, any
 * length a token can have.
 */
import { refuse } from './errors';
import { OTP_DIGITS, type OtpDigits } from './types';

/** The longest code a token shows: what an input field must take. */
export const MAX_OTP_DIGITS: number = Math.max(...OTP_DIGITS);

function lengthFits(length: number, digits: OtpDigits | undefined): boolean {
  return digits === undefined ? (OTP_DIGITS as readonly number[]).includes(length) : length === digits;
}

/** 「6桁」, or 「6桁または8桁」 while the token is not known. */
export function otpDigitsText(digits?: OtpDigits): string {
  return digits === undefined ? OTP_DIGITS.map((d) => `${d}桁`).join('または') : `${digits}桁`;
}

/** The normalised code, or null unless it is digits only, of the token's length. */
export function normalizeOtp(raw: string, digits?: OtpDigits): string | null {
  const s = raw.normalize('NFKC').replace(/\s/gu, '');
  return /^\d+$/.test(s) && lengthFits(s.length, digits) ? s : null;
}

export function otpFormatMessage(digits?: OtpDigits): string {
  return `ワンタイムパスワードは数字${otpDigitsText(digits)}で入力してください`;
}

/** The normalised code, or DomainError OTP_FORMAT (field 'otp'). */
export function validateOtpFormat(raw: string, digits?: OtpDigits): string {
  return normalizeOtp(raw, digits) ?? refuse('OTP_FORMAT', otpFormatMessage(digits), 'otp');
}
