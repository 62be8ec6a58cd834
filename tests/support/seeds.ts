import { randomBytes } from 'node:crypto';
import { generateOtp, totpStep } from '../../domain/otp';
import type { OtpParams } from '../../domain/types';

export interface TestToken {
  serial: string;
  secret: Buffer;
  params: OtpParams;
}

/** A token with a fresh random seed: TOTP, 6 digits, 30 s unless `kind` says otherwise. */
export function testToken(serial: string, kind: Partial<Pick<OtpParams, 'algorithm' | 'digits'>> = {}): TestToken {
  return { serial, secret: randomBytes(20), params: { algorithm: 'TOTP', hash: 'SHA1', digits: 6, period: 30, counter: 0, ...kind } };
}

/** A vendor's OATH CSV for these tokens: a TOTP token with its time step, a HOTP token with its next counter. */
export function oathCsv(tokens: TestToken[]): string {
  const lines = ['# serial,secret,type,digits,timestep', 'serial,secret,type,digits,timestep'];
  for (const { serial, secret, params } of tokens) {
    lines.push(`${serial},${secret.toString('hex')},${params.algorithm.toLowerCase()},${params.digits},${params.algorithm === 'TOTP' ? params.period : params.counter}`);
  }
  return lines.join('\n') + '\n';
}

/** A vendor's OATH CSV for `count` TOTP tokens with fresh random seeds, and the seeds themselves. */
export function makeOathCsv(count: number, prefix = 'MG'): { csv: string; tokens: TestToken[] } {
  const tokens = Array.from({ length: count }, (_, i) => testToken(`${prefix}${String(i + 1).padStart(12 - prefix.length, '0')}`));
  return { csv: oathCsv(tokens), tokens };
}

/** The code a TOTP token shows at `at` (what the customer reads after pressing ①). */
export function codeAt(t: TestToken, at: Date): string {
  return generateOtp(t.params, t.secret, totpStep(t.params, Math.floor(at.getTime() / 1000)));
}

/** The code a HOTP token shows at `counter`: its params' counter is the first press. */
export function codeAtCounter(t: TestToken, counter: number): string {
  return generateOtp(t.params, t.secret, counter);
}
