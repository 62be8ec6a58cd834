import { DomainError } from '../domain/errors';
import { checkOtp, type OtpCheck } from '../domain/otp';
import { validateOtpFormat } from '../domain/otp-format';
import { saveOtpMemory, type TokenRow } from '../db/token-repo';
import { ServiceFailure } from './failures';
import type { Ports } from './ports';

/**
 * Checks the code a token shows against its sealed seed. A failure is saved at once (the
 * fail counter must count even though the counter transaction will not happen); a success
 * returns the memory for the caller to save inside its transaction.
 */
export function verifyTokenOtp(p: Ports, token: TokenRow, otp: string, now: Date, field = 'otp'): OtpCheck & { ok: true } {
  onField(field, () => validateOtpFormat(otp, token.params.digits));
  const check = checkOtp({
    params: token.params,
    secret: p.secrets.open(token.secretEnc, token.serial),
    memory: token.memory,
    otp,
    nowEpochSeconds: Math.floor(now.getTime() / 1000),
  });
  if (!check.ok) {
    saveOtpMemory(p.db, token.serial, check.memory);
    throw new ServiceFailure(`OTP_${check.reason}`, check.message, { [field]: check.message });
  }
  return check;
}

/** Runs a domain check whose refusal names a generic field, and names the caller's field instead. */
export function onField<T>(field: string, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof DomainError && e.field) throw new DomainError(e.code, e.message, field);
    throw e;
  }
}
