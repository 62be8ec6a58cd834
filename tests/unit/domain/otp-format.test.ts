import { describe, expect, it } from 'vitest';
import { refusal } from '../../support/refusal';
import { normalizeOtp, otpDigitsText, validateOtpFormat } from '../../../domain/otp-format';

describe('validateOtpFormat', () => {
  it('accepts exactly the number of digits, full-width too', () => {
    expect(validateOtpFormat('１２３４５６', 6)).toBe('123456');
    expect(validateOtpFormat('123 456', 6)).toBe('123456');
    expect(validateOtpFormat('12345678', 8)).toBe('12345678');
  });

  it.each([
    ['12345', 6],
    ['1234567', 6],
    ['12345a', 6],
    ['123456', 8],
    ['', 6],
  ] as const)('refuses %j for %i digits', (raw, digits) => {
    const e = refusal(() => validateOtpFormat(raw, digits));
    expect(e.code).toBe('OTP_FORMAT');
    expect(e.field).toBe('otp');
    expect(e.message).toBe(`ワンタイムパスワードは数字${digits}桁で入力してください`);
  });

  it('takes a 6- or an 8-digit code while the token is not known yet, and nothing between', () => {
    expect(validateOtpFormat('１２３４５６')).toBe('123456');
    expect(validateOtpFormat('1234 5678')).toBe('12345678');
    expect(normalizeOtp('1234567')).toBeNull();
    expect(refusal(() => validateOtpFormat('1234567')).message).toBe('ワンタイムパスワードは数字6桁または8桁で入力してください');
    expect(otpDigitsText()).toBe('6桁または8桁');
    expect(otpDigitsText(8)).toBe('8桁');
  });
});
