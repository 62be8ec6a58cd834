import { onField } from '../domain/errors';
import { checkOtp } from '../domain/otp';
import { validateOtpFormat } from '../domain/otp-format';
import type { OtpMemory } from '../domain/types';
import type { TokenRow } from '../db/token-repo';
import { OtpRefused } from './counter-transaction';
import { NATIVE_HMAC } from './native-hmac';
import type { Ports } from './ports';

/**
 * Checks the code a token shows against its sealed seed, decrypted here and only here, once per
 * act. A success returns the token's new memory for the act to save; a refusal is OtpRefused, whose
 * count the counter transaction keeps. `field` is the form field the code was typed in.
 */
export function checkTokenOtp(p: Ports, token: TokenRow, otp: string, now: Date, field = 'otp'): OtpMemory {
  const code = onField(field, () => validateOtpFormat(otp, token.params.digits));
  const check = checkOtp({
    params: token.params,
    secret: p.secrets.open(token.secretEnc, token.serial),
    memory: token.memory,
    otp: code,
    nowEpochSeconds: Math.floor(now.getTime() / 1000),
    crypto: NATIVE_HMAC,
  });
  if (!check.ok) throw new OtpRefused(`OTP_${check.reason}`, check.message, field, token.serial, check.memory);
  return check.memory;
}
