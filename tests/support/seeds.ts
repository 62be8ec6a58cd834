import { randomBytes } from 'node:crypto';
import { generateOtp, totpStep } from '../../domain/otp';
import type { OtpParams } from '../../domain/types';

export interface TestToken {
  serial: string;
  secret: Buffer;
  params: OtpParams;
}

/** A vendor's OATH CSV for `count` TOTP tokens with fresh random seeds, and the seeds themselves. */
export function makeOathCsv(count: number, prefix = 'MG'): { csv: string; tokens: TestToken[] } {
  const tokens: TestToken[] = [];
  const lines = ['# serial,secret,type,digits,timestep', 'serial,secret,type,digits,timestep'];
  for (let i = 1; i <= count; i++) {
    const serial = `${prefix}${String(i).padStart(12 - prefix.length, '0')}`;
    const secret = randomBytes(20);
    tokens.push({ serial, secret, params: { algorithm: 'TOTP', hash: 'SHA1', digits: 6, period: 30, counter: 0 } });
    lines.push(`${serial},${secret.toString('hex')},totp,6,30`);
  }
  return { csv: lines.join('\n') + '\n', tokens };
}

/** The code the token shows at `at` (what the customer reads after pressing ①). */
export function codeAt(t: TestToken, at: Date): string {
  return generateOtp(t.params, t.secret, totpStep(t.params, Math.floor(at.getTime() / 1000)));
}
