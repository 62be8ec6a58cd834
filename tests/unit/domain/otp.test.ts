import { NobleCryptoPlugin } from '@otplib/plugin-crypto-noble';
import type { CryptoPlugin } from 'otplib';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors';
import {
  DEFAULT_HOTP_LOOK_AHEAD,
  INITIAL_OTP_MEMORY,
  acceptedStep,
  checkOtp,
  generateOtp,
  resyncOtp,
  totpStep,
  type OtpCheckInput,
} from '../../../domain/otp';
import type { OtpHash, OtpMemory, OtpParams } from '../../../domain/types';

const ascii = (s: string) => new TextEncoder().encode(s);
const SEED20 = ascii('12345678901234567890');
const SEED32 = ascii('12345678901234567890123456789012');
const SEED64 = ascii('1234567890123456789012345678901234567890123456789012345678901234');

const hotp6: OtpParams = { algorithm: 'HOTP', hash: 'SHA1', digits: 6, period: 30, counter: 0 };
const totp6: OtpParams = { algorithm: 'TOTP', hash: 'SHA1', digits: 6, period: 30, counter: 0 };

describe('RFC 4226 Appendix D (HOTP, SHA-1, 6 digits)', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  it.each(expected.map((code, counter) => [counter, code] as const))('counter %i → %s', (counter, code) => {
    expect(generateOtp(hotp6, SEED20, counter)).toBe(code);
  });
});

describe('RFC 6238 Appendix B (TOTP, 8 digits, 30 s)', () => {
  const seeds: Record<OtpHash, Uint8Array> = { SHA1: SEED20, SHA256: SEED32, SHA512: SEED64 };
  const table: [number, string, string, string][] = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];
  const cases = table.flatMap(([t, sha1, sha256, sha512]) => [
    [t, 'SHA1', sha1] as const,
    [t, 'SHA256', sha256] as const,
    [t, 'SHA512', sha512] as const,
  ]);

  it.each(cases)('T=%i %s → %s (generated, and accepted by checkOtp)', (t, hash, code) => {
    const params: OtpParams = { algorithm: 'TOTP', hash, digits: 8, period: 30, counter: 0 };
    expect(generateOtp(params, seeds[hash], totpStep(params, t))).toBe(code);
    const r = checkOtp({ params, secret: seeds[hash], memory: INITIAL_OTP_MEMORY, otp: code, nowEpochSeconds: t });
    expect(r).toEqual({ ok: true, step: Math.floor(t / 30), memory: { lastStep: Math.floor(t / 30), failCount: 0, driftSteps: 0 } });
  });

  it('computes the time step as floor(epoch / period)', () => {
    expect(totpStep(totp6, 59)).toBe(1);
    expect(totpStep(totp6, 60)).toBe(2);
    expect(totpStep({ ...totp6, period: 60 }, 1111111109)).toBe(18518518);
    expect(totpStep(totp6, 1111111109)).toBe(0x23523ec);
  });
});

describe('generateOtp', () => {
  it('refuses a seed shorter than 16 bytes with a DomainError', () => {
    expect(() => generateOtp(hotp6, new Uint8Array(10), 0)).toThrow(DomainError);
  });

  it('makes a TOTP code at step s equal to the HOTP code at counter s (RFC 6238)', () => {
    expect(generateOtp(totp6, SEED20, 7)).toBe(generateOtp(hotp6, SEED20, 7));
  });
});

const NOW = 1_700_000_000; // step 56666666 at 30 s
const NOW_STEP = Math.floor(NOW / 30);
const totpCode = (step: number) => generateOtp(totp6, SEED20, step);
const hotpCode = (counter: number) => generateOtp(hotp6, SEED20, counter);

function totpCheck(otp: string, memory: OtpMemory = INITIAL_OTP_MEMORY, extra: Partial<OtpCheckInput> = {}) {
  return checkOtp({ params: totp6, secret: SEED20, memory, otp, nowEpochSeconds: NOW, ...extra });
}
function hotpCheck(otp: string, memory: OtpMemory = INITIAL_OTP_MEMORY, extra: Partial<OtpCheckInput> = {}) {
  return checkOtp({ params: hotp6, secret: SEED20, memory, otp, nowEpochSeconds: NOW, ...extra });
}

describe('checkOtp, TOTP window', () => {
  it('accepts the current step and ±1, learning the drift', () => {
    for (const d of [-1, 0, 1]) {
      expect(totpCheck(totpCode(NOW_STEP + d))).toEqual({
        ok: true,
        step: NOW_STEP + d,
        memory: { lastStep: NOW_STEP + d, failCount: 0, driftSteps: d },
      });
    }
  });

  it('refuses ±2 steps as a mismatch that counts', () => {
    for (const d of [-2, 2]) {
      const r = totpCheck(totpCode(NOW_STEP + d));
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.reason).toBe('MISMATCH');
      expect(r.memory).toEqual({ lastStep: -1, failCount: 1, driftSteps: 0 });
      expect(r.message).toBe(
        'ワンタイムパスワードが一致しません。トークンの①ボタンを押して表示された6桁を入力してください（あと 4 回で使用停止）',
      );
    }
  });

  it('widens with totpWindow', () => {
    expect(totpCheck(totpCode(NOW_STEP + 2), INITIAL_OTP_MEMORY, { totpWindow: 2 }).ok).toBe(true);
  });

  it('centres the window on the learned drift', () => {
    const drifted: OtpMemory = { lastStep: NOW_STEP - 10, failCount: 0, driftSteps: 1 };
    const ahead = totpCheck(totpCode(NOW_STEP + 2), drifted);
    expect(ahead).toEqual({ ok: true, step: NOW_STEP + 2, memory: { lastStep: NOW_STEP + 2, failCount: 0, driftSteps: 2 } });
    const behind = totpCheck(totpCode(NOW_STEP - 1), drifted);
    expect(behind.ok).toBe(false);
  });

  it('accepts full-width digits and spaces typed by the teller', () => {
    const code = totpCode(NOW_STEP);
    const fw = [...code].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect(totpCheck(`${fw.slice(0, 3)} ${fw.slice(3)}`).ok).toBe(true);
  });
});

describe('checkOtp, replay', () => {
  it('never accepts the same TOTP code twice, and does not count it: the customer read the same code again', () => {
    const first = totpCheck(totpCode(NOW_STEP));
    expect(first.ok).toBe(true);
    const again = totpCheck(totpCode(NOW_STEP), first.memory);
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.reason).toBe('REPLAY');
    expect(again.memory).toEqual(first.memory);
    expect(again.message).toBe('このワンタイムパスワードは使用済みです。次のコードが表示されてから入力してください');
  });

  it('refuses an older code inside the window once a later step was accepted', () => {
    const later = totpCheck(totpCode(NOW_STEP + 1));
    const older = totpCheck(totpCode(NOW_STEP), later.memory);
    expect(older.ok === false && older.reason).toBe('REPLAY');
  });

  it('calls the last accepted code a replay even after its window has passed', () => {
    const first = totpCheck(totpCode(NOW_STEP));
    const r = totpCheck(totpCode(NOW_STEP), first.memory, { nowEpochSeconds: NOW + 120 });
    expect(r.ok === false && r.reason).toBe('REPLAY');
  });

  it('accepts the next step after an accepted one', () => {
    const first = totpCheck(totpCode(NOW_STEP));
    const next = totpCheck(totpCode(NOW_STEP + 1), first.memory, { nowEpochSeconds: NOW + 30 });
    expect(next).toEqual({ ok: true, step: NOW_STEP + 1, memory: { lastStep: NOW_STEP + 1, failCount: 0, driftSteps: 0 } });
  });
});

describe('checkOtp, HOTP look-ahead', () => {
  it('accepts counters up to the look-ahead and no further', () => {
    expect(hotpCheck(hotpCode(0))).toEqual({ ok: true, step: 0, memory: { lastStep: 0, failCount: 0, driftSteps: 0 } });
    expect(hotpCheck(hotpCode(10)).ok).toBe(true);
    expect(hotpCheck(hotpCode(11)).ok).toBe(false);
    expect(hotpCheck(hotpCode(13), INITIAL_OTP_MEMORY, { hotpLookAhead: 3 }).ok).toBe(false);
    expect(hotpCheck(hotpCode(3), INITIAL_OTP_MEMORY, { hotpLookAhead: 3 }).ok).toBe(true);
  });

  it('moves the window past the last accepted counter', () => {
    const five = hotpCheck(hotpCode(5));
    expect(five.ok && five.memory.lastStep).toBe(5);
    expect(hotpCheck(hotpCode(16), five.memory).ok).toBe(true);
    expect(hotpCheck(hotpCode(17), five.memory).ok).toBe(false);
  });

  it('starts at the seed counter for a fresh token', () => {
    const params: OtpParams = { ...hotp6, counter: 20 };
    const r19 = checkOtp({ params, secret: SEED20, memory: INITIAL_OTP_MEMORY, otp: hotpCode(19), nowEpochSeconds: NOW });
    expect(r19.ok === false && r19.reason).toBe('MISMATCH');
    const r20 = checkOtp({ params, secret: SEED20, memory: INITIAL_OTP_MEMORY, otp: hotpCode(20), nowEpochSeconds: NOW });
    expect(r20.ok && r20.step).toBe(20);
  });

  it('refuses a used or skipped-over counter as a replay, uncounted', () => {
    const five = hotpCheck(hotpCode(5));
    for (const c of [5, 3]) {
      const r = hotpCheck(hotpCode(c), five.memory);
      expect(r.ok === false && r.reason).toBe('REPLAY');
      expect(r.memory.failCount).toBe(0);
      expect(r.memory.lastStep).toBe(5);
    }
  });
});

describe('checkOtp, format, fail counter and lock', () => {
  it('does not count a malformed entry', () => {
    for (const otp of ['12345', '1234567', 'abcdef', '']) {
      const r = totpCheck(otp);
      expect(r).toEqual({ ok: false, reason: 'FORMAT', memory: INITIAL_OTP_MEMORY, message: 'ワンタイムパスワードは数字6桁で入力してください' });
    }
    const eight = checkOtp({ params: { ...totp6, digits: 8 }, secret: SEED20, memory: INITIAL_OTP_MEMORY, otp: '123456', nowEpochSeconds: NOW });
    expect(eight.ok === false && eight.reason).toBe('FORMAT');
  });

  it('locks after five failures and then refuses even the right code', () => {
    const wrong = totpCode(NOW_STEP + 50);
    let memory = INITIAL_OTP_MEMORY;
    const messages: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const r = totpCheck(wrong, memory);
      expect(r.ok === false && r.reason).toBe('MISMATCH');
      if (!r.ok) messages.push(r.message);
      memory = r.memory;
      expect(memory.failCount).toBe(i);
    }
    expect(messages[0]).toContain('あと 4 回');
    expect(messages[3]).toContain('あと 1 回');
    expect(messages[4]).toContain('上限に達した');
    expect(messages[4]).toContain('役席者に解除を依頼してください');

    const locked = totpCheck(totpCode(NOW_STEP), memory);
    expect(locked.ok).toBe(false);
    if (locked.ok) return;
    expect(locked.reason).toBe('LOCKED');
    expect(locked.memory).toEqual(memory);
    expect(locked.message).toContain('使用停止中');
    expect(locked.message).toContain('役席者に解除を依頼してください');
    // Checked before the format: nothing else is looked at while locked.
    expect(totpCheck('x', memory)).toMatchObject({ ok: false, reason: 'LOCKED', memory });
  });

  it('honours maxFailures', () => {
    const memory: OtpMemory = { lastStep: -1, failCount: 2, driftSteps: 0 };
    expect(totpCheck(totpCode(NOW_STEP), memory, { maxFailures: 2 })).toMatchObject({ ok: false, reason: 'LOCKED' });
    expect(totpCheck(totpCode(NOW_STEP), memory, { maxFailures: 3 }).ok).toBe(true);
  });

  it('resets the fail counter on success', () => {
    const memory: OtpMemory = { lastStep: -1, failCount: 4, driftSteps: 0 };
    const r = totpCheck(totpCode(NOW_STEP), memory);
    expect(r.ok && r.memory.failCount).toBe(0);
  });

  it('never mutates the memory it was given', () => {
    const memory = Object.freeze({ lastStep: NOW_STEP - 5, failCount: 1, driftSteps: 0 });
    const ok = totpCheck(totpCode(NOW_STEP), memory);
    const bad = totpCheck(totpCode(NOW_STEP + 40), memory);
    expect(memory).toEqual({ lastStep: NOW_STEP - 5, failCount: 1, driftSteps: 0 });
    expect(ok.memory).not.toBe(memory);
    expect(bad.memory).not.toBe(memory);
  });

  it('words the messages with the token’s number of digits', () => {
    const params: OtpParams = { ...totp6, digits: 8 };
    const r = checkOtp({ params, secret: SEED20, memory: INITIAL_OTP_MEMORY, otp: '00000000', nowEpochSeconds: NOW });
    expect(r.ok === false && r.message).toContain('8桁');
  });
});

describe('resyncOtp', () => {
  it('finds a HOTP token far ahead from two consecutive codes', () => {
    const r = resyncOtp({ params: hotp6, secret: SEED20, memory: { lastStep: 3, failCount: 5, driftSteps: 0 }, otp1: hotpCode(60), otp2: hotpCode(61), nowEpochSeconds: NOW });
    expect(r).toEqual({ ok: true, step: 61, memory: { lastStep: 61, failCount: 0, driftSteps: 0 } });
    if (r.ok) expect(hotpCheck(hotpCode(62), r.memory).ok).toBe(true);
  });

  it('refuses codes that are not consecutive, changing nothing', () => {
    const memory: OtpMemory = { lastStep: 3, failCount: 2, driftSteps: 0 };
    const r = resyncOtp({ params: hotp6, secret: SEED20, memory, otp1: hotpCode(61), otp2: hotpCode(60), nowEpochSeconds: NOW });
    expect(r).toMatchObject({ ok: false, reason: 'MISMATCH', memory });
  });

  it('refuses codes at or before the last accepted step', () => {
    const memory: OtpMemory = { lastStep: 10, failCount: 0, driftSteps: 0 };
    const r = resyncOtp({ params: hotp6, secret: SEED20, memory, otp1: hotpCode(10), otp2: hotpCode(11), nowEpochSeconds: NOW });
    expect(r.ok).toBe(false);
  });

  it('relearns a large TOTP drift', () => {
    const r = resyncOtp({ params: totp6, secret: SEED20, memory: INITIAL_OTP_MEMORY, otp1: totpCode(NOW_STEP + 6), otp2: totpCode(NOW_STEP + 7), nowEpochSeconds: NOW });
    expect(r).toEqual({ ok: true, step: NOW_STEP + 7, memory: { lastStep: NOW_STEP + 7, failCount: 0, driftSteps: 7 } });
    if (r.ok) expect(totpCheck(totpCode(NOW_STEP + 38), r.memory, { nowEpochSeconds: NOW + 900 }).ok).toBe(true);
  });
});

/** otplib's own HMAC, counting the codes computed. */
function countingHmac(): CryptoPlugin & { codes: number } {
  const noble = new NobleCryptoPlugin();
  const plugin = {
    name: 'counting',
    codes: 0,
    hmac: (algorithm: Parameters<CryptoPlugin['hmac']>[0], key: Uint8Array, data: Uint8Array) => {
      plugin.codes++;
      return noble.hmac(algorithm, key, data);
    },
    randomBytes: (n: number) => noble.randomBytes(n),
    constantTimeEqual: (a: string | Uint8Array, b: string | Uint8Array) => noble.constantTimeEqual(a, b),
  };
  return plugin;
}

describe('the codes checkOtp compares', () => {
  // A small deterministic generator: varied seeds and steps, the same on every run.
  let x = 0x9e3779b9;
  const next = () => ((x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0));
  const cases = Array.from({ length: 60 }, (_, i) => {
    const hash = (['SHA1', 'SHA256', 'SHA512'] as const)[i % 3]!;
    const digits = i % 2 === 0 ? 6 : 8;
    const seed = Uint8Array.from({ length: 16 + (next() % 49) }, () => next() & 0xff);
    // Counters above 2^32 too: the 8-byte counter's high word must be right.
    const step = i % 4 === 0 ? 2 ** 32 + next() : next() % 1_000_000;
    return { params: { algorithm: 'HOTP', hash, digits, period: 30, counter: step } as OtpParams, seed, step };
  });

  it('are otplib HOTP codes: each one otplib generates is accepted at its counter, one digit off is not', () => {
    for (const c of cases) {
      const code = generateOtp(c.params, c.seed, c.step);
      expect(acceptedStep({ params: c.params, secret: c.seed, memory: INITIAL_OTP_MEMORY, code, nowEpochSeconds: NOW, hotpLookAhead: 0 })).toBe(c.step);
      const other = code.slice(0, -1) + String((Number(code.at(-1)) + 1) % 10);
      expect(acceptedStep({ params: c.params, secret: c.seed, memory: INITIAL_OTP_MEMORY, code: other, nowEpochSeconds: NOW, hotpLookAhead: 0 })).toBeNull();
    }
  });

  it('take a code of the token’s own length only (a 6-digit token is not matched by 0 and its code)', () => {
    const code = totpCode(NOW_STEP);
    expect(acceptedStep({ params: totp6, secret: SEED20, memory: INITIAL_OTP_MEMORY, code, nowEpochSeconds: NOW })).toBe(NOW_STEP);
    expect(acceptedStep({ params: totp6, secret: SEED20, memory: INITIAL_OTP_MEMORY, code: `00${code}`, nowEpochSeconds: NOW })).toBeNull();
  });

  it('refuse a seed of the wrong size as generateOtp does', () => {
    expect(() => acceptedStep({ params: totp6, secret: new Uint8Array(10), memory: INITIAL_OTP_MEMORY, code: '123456', nowEpochSeconds: NOW })).toThrow(DomainError);
  });
});

describe('acceptedStep (find-by-OTP asks it of every token)', () => {
  it('agrees with checkOtp on what is accepted, replays and mismatches alike being null', () => {
    const memories: OtpMemory[] = [INITIAL_OTP_MEMORY, { lastStep: NOW_STEP, failCount: 1, driftSteps: 0 }, { lastStep: NOW_STEP - 40, failCount: 0, driftSteps: 2 }];
    for (const memory of memories) {
      for (let d = -3; d <= 3; d++) {
        const otp = totpCode(NOW_STEP + memory.driftSteps + d);
        const check = totpCheck(otp, memory);
        expect(acceptedStep({ params: totp6, secret: SEED20, memory, code: otp, nowEpochSeconds: NOW })).toBe(check.ok ? check.step : null);
      }
      for (let c = 0; c <= 14; c++) {
        const hotpMemory = { ...memory, lastStep: Math.min(memory.lastStep, 2) };
        const check = hotpCheck(hotpCode(c), hotpMemory);
        expect(acceptedStep({ params: hotp6, secret: SEED20, memory: hotpMemory, code: hotpCode(c), nowEpochSeconds: NOW })).toBe(check.ok ? check.step : null);
      }
    }
  });

  it('computes only the codes that could be accepted: three a TOTP token, none at or before its last step', () => {
    const wrong = totpCode(NOW_STEP + 9);
    const old = countingHmac();
    // A token last used long ago: checkOtp also looks at that last code (a replay), the search need not.
    acceptedStep({ params: totp6, secret: SEED20, memory: { lastStep: NOW_STEP - 100, failCount: 0, driftSteps: 0 }, code: wrong, nowEpochSeconds: NOW, crypto: old });
    expect(old.codes).toBe(3);
    const justUsed = countingHmac();
    acceptedStep({ params: totp6, secret: SEED20, memory: { lastStep: NOW_STEP, failCount: 0, driftSteps: 0 }, code: wrong, nowEpochSeconds: NOW, crypto: justUsed });
    expect(justUsed.codes).toBe(1);
    const hotp = countingHmac();
    acceptedStep({ params: hotp6, secret: SEED20, memory: { lastStep: 30, failCount: 0, driftSteps: 0 }, code: wrong, nowEpochSeconds: NOW, crypto: hotp });
    expect(hotp.codes).toBe(DEFAULT_HOTP_LOOK_AHEAD + 1);
  });
});
