/**
 * One-time-password checking over plain data: the secret, the token's parameters and the
 * per-token memory go in, a verdict and the new memory come out. The clock is a parameter.
 *
 * Rules (DOMAIN.md): HOTP with a small look-ahead window; TOTP ±1 step around the learned
 * drift; the same code is never accepted twice; a fail counter locks the token.
 */
import { generateSync as hotpCode } from '@otplib/hotp';
import { NobleCryptoPlugin } from '@otplib/plugin-crypto-noble';
import type { CryptoPlugin, HashAlgorithm } from 'otplib';
import { refuse } from './errors';
import { normalizeOtp, otpFormatMessage } from './otp-format';
import type { OtpHash, OtpMemory, OtpParams } from './types';

export const INITIAL_OTP_MEMORY: OtpMemory = { lastStep: -1, failCount: 0, driftSteps: 0 };

export const DEFAULT_HOTP_LOOK_AHEAD = 10;
export const DEFAULT_TOTP_WINDOW = 1;
export const DEFAULT_MAX_FAILURES = 5;

/** Secret sizes otplib accepts with its default guardrails (RFC 4226: at least 128 bits). */
export const MIN_SECRET_BYTES = 16;
export const MAX_SECRET_BYTES = 64;

const HASHES: Record<OtpHash, HashAlgorithm> = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };

/** otplib's own default HMAC: pure JavaScript, so that the domain needs nothing of Node. */
const PURE_HMAC = new NobleCryptoPlugin();

/** The TOTP time step at `epochSeconds`: floor(epoch / period). */
export function totpStep(params: OtpParams, epochSeconds: number): number {
  return Math.floor(epochSeconds / params.period);
}

/**
 * The code the token shows at HOTP counter / TOTP time step `step`. `crypto` is the HMAC otplib
 * uses: its own pure-JavaScript one by default; the services pass Node's native one, which is
 * many times faster where thousands of codes are computed.
 */
export function generateOtp(params: OtpParams, secret: Uint8Array, step: number, crypto?: CryptoPlugin): string {
  requireSecretSize(secret);
  // RFC 6238 §4: a TOTP code is the HOTP code of its time step. otplib's HOTP called with the step
  // skips the option handling of its generic generate, which cost find-by-OTP two thirds of its time.
  return hotpCode({ secret, algorithm: HASHES[params.hash], digits: params.digits, counter: step, crypto: crypto ?? PURE_HMAC });
}

function requireSecretSize(secret: Uint8Array): void {
  if (secret.length < MIN_SECRET_BYTES || secret.length > MAX_SECRET_BYTES) {
    refuse('OTP_SECRET', 'このトークンのシードが不正なため確認できません。役席者に連絡してください');
  }
}

/**
 * The codes of one token, as numbers, for checking a typed code against several steps: the same
 * value as generateOtp (RFC 4226 §5.3, the HMAC by otplib's plugin), without what otplib's HOTP
 * does again for every code (checking the options, the counter as a BigInt, the hash name
 * normalised three times, the code as a padded string), which made find-by-OTP's three codes a
 * token cost about 1.5 times their HMACs.
 */
function tokenCodes(params: OtpParams, secret: Uint8Array, crypto: CryptoPlugin | undefined): (step: number) => number {
  requireSecretSize(secret);
  const plugin = crypto ?? PURE_HMAC;
  const algorithm = HASHES[params.hash];
  const modulo = 10 ** params.digits;
  const counter = new Uint8Array(8);
  const view = new DataView(counter.buffer);
  return (step) => {
    // The 8-byte big-endian counter, steps being safe integers (below 2^53).
    view.setUint32(0, Math.floor(step / 2 ** 32));
    view.setUint32(4, step >>> 0);
    const mac = plugin.hmac(algorithm, secret, counter);
    if (!(mac instanceof Uint8Array)) throw new Error(`otplib crypto plugin ${plugin.name} has no synchronous HMAC`);
    const offset = mac[mac.length - 1]! & 0x0f;
    return (((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!) % modulo;
  };
}

export type OtpFailure = 'FORMAT' | 'MISMATCH' | 'REPLAY' | 'LOCKED';

export type OtpCheck =
  | { ok: true; step: number; memory: OtpMemory }
  | { ok: false; reason: OtpFailure; memory: OtpMemory; message: string };

export interface OtpCheckInput {
  params: OtpParams;
  secret: Uint8Array;
  memory: OtpMemory;
  otp: string;
  nowEpochSeconds: number;
  /** HOTP: how many counters past the expected one are tried (default 10). */
  hotpLookAhead?: number;
  /** TOTP: steps tried either side of now + drift (default 1). */
  totpWindow?: number;
  /** Mismatches after which the token is locked (default 5). */
  maxFailures?: number;
  crypto?: CryptoPlugin;
}

export const OTP_LOCKED_MESSAGE =
  'ワンタイムパスワードの失敗回数が上限に達したためこのトークンは使用停止中です。役席者に解除を依頼してください';

/** A code that matches no step: counted, since guessing must cost. */
function mismatch(memory: OtpMemory, maxFailures: number, digits: number): OtpCheck {
  const failCount = memory.failCount + 1;
  const left = maxFailures - failCount;
  const message =
    left > 0
      ? `ワンタイムパスワードが一致しません。トークンの①ボタンを押して表示された${digits}桁を入力してください（あと ${left} 回で使用停止）`
      : 'ワンタイムパスワードが一致しません。失敗回数が上限に達したためこのトークンは使用停止になりました。役席者に解除を依頼してください';
  return { ok: false, reason: 'MISMATCH', memory: { ...memory, failCount }, message };
}

export const OTP_REPLAY_MESSAGE = 'このワンタイムパスワードは使用済みです。次のコードが表示されてから入力してください';

/**
 * A code the token really showed, but one already used (the customer read the same code twice):
 * refused and not counted, since the token is in the customer's hand and proves nothing wrong.
 */
function replay(memory: OtpMemory): OtpCheck {
  return { ok: false, reason: 'REPLAY', memory, message: OTP_REPLAY_MESSAGE };
}

/** Candidate steps for TOTP, nearest to `centre` first. */
function totpCandidates(centre: number, window: number): number[] {
  const steps = [centre];
  for (let d = 1; d <= window; d++) steps.push(centre - d, centre + d);
  return steps.filter((s) => s >= 0);
}

export interface OtpAcceptInput {
  params: OtpParams;
  secret: Uint8Array;
  memory: OtpMemory;
  /** The code as normalizeOtp gives it. */
  code: string;
  nowEpochSeconds: number;
  hotpLookAhead?: number;
  totpWindow?: number;
  crypto?: CryptoPlugin;
}

/**
 * The step at which checkOtp would accept `code` (the fail counter aside), or null. Only the steps
 * after the last accepted one are computed: find-by-OTP asks this of every token, for which a replay
 * and a mismatch alike mean "not this token".
 */
export function acceptedStep(input: OtpAcceptInput): number | null {
  const { params, memory, code } = input;
  if (code.length !== params.digits) return null;
  const value = Number(code);
  const codeAt = tokenCodes(params, input.secret, input.crypto);
  if (params.algorithm === 'HOTP') {
    const start = Math.max(params.counter, memory.lastStep + 1);
    const last = start + (input.hotpLookAhead ?? DEFAULT_HOTP_LOOK_AHEAD);
    for (let c = start; c <= last; c++) if (codeAt(c) === value) return c;
    return null;
  }
  for (const s of totpCandidates(totpStep(params, input.nowEpochSeconds) + memory.driftSteps, input.totpWindow ?? DEFAULT_TOTP_WINDOW)) {
    if (s > memory.lastStep && codeAt(s) === value) return s;
  }
  return null;
}

export function checkOtp(input: OtpCheckInput): OtpCheck {
  const { params, secret, otp, nowEpochSeconds } = input;
  const memory: OtpMemory = { ...input.memory };
  const lookAhead = input.hotpLookAhead ?? DEFAULT_HOTP_LOOK_AHEAD;
  const window = input.totpWindow ?? DEFAULT_TOTP_WINDOW;
  const maxFailures = input.maxFailures ?? DEFAULT_MAX_FAILURES;

  if (memory.failCount >= maxFailures) {
    return { ok: false, reason: 'LOCKED', memory, message: OTP_LOCKED_MESSAGE };
  }

  const code = normalizeOtp(otp, params.digits);
  if (code === null) {
    return {
      ok: false,
      reason: 'FORMAT',
      memory,
      message: otpFormatMessage(params.digits),
    };
  }
  const step = acceptedStep({ params, secret, memory, code, nowEpochSeconds, hotpLookAhead: lookAhead, totpWindow: window, crypto: input.crypto });
  if (step !== null) {
    const driftSteps = params.algorithm === 'TOTP' ? step - totpStep(params, nowEpochSeconds) : memory.driftSteps;
    return { ok: true, step, memory: { lastStep: step, failCount: 0, driftSteps } };
  }

  // Not fresh: a code the token showed before (at or below the last accepted step) is a replay.
  const value = Number(code);
  const codeAt = tokenCodes(params, secret, input.crypto);
  if (params.algorithm === 'HOTP') {
    for (let c = memory.lastStep; c >= 0 && c >= memory.lastStep - lookAhead; c--) {
      if (codeAt(c) === value) return replay(memory);
    }
    return mismatch(memory, maxFailures, params.digits);
  }
  const candidates = totpCandidates(totpStep(params, nowEpochSeconds) + memory.driftSteps, window);
  // The last accepted code, typed again after its window has passed, is still a replay.
  const before = candidates.filter((s) => s <= memory.lastStep);
  if (memory.lastStep >= 0 && !before.includes(memory.lastStep)) before.push(memory.lastStep);
  return before.some((s) => codeAt(s) === value) ? replay(memory) : mismatch(memory, maxFailures, params.digits);
}

export interface OtpResyncInput {
  params: OtpParams;
  secret: Uint8Array;
  memory: OtpMemory;
  /** Two codes the token showed one after the other. */
  otp1: string;
  otp2: string;
  nowEpochSeconds: number;
  /** HOTP: counters searched past the expected one (default 100); TOTP: steps either side (default 10). */
  searchWindow?: number;
  crypto?: CryptoPlugin;
}

export type OtpResync =
  | { ok: true; step: number; memory: OtpMemory }
  | { ok: false; reason: 'FORMAT' | 'MISMATCH'; memory: OtpMemory; message: string };

/**
 * Resynchronisation from two consecutive codes (a supervised operation, e.g. by the manager
 * when the token's counter or clock ran far away). Finds s with code(s) = otp1 and
 * code(s + 1) = otp2, s after the last accepted step. On success lastStep = s + 1, the
 * fail counter is cleared (the lock is lifted) and TOTP drift relearned. A failure changes
 * nothing and is not counted. Whether a locked token may be resynced is the caller's policy.
 */
export function resyncOtp(input: OtpResyncInput): OtpResync {
  const { params, secret, nowEpochSeconds } = input;
  const memory: OtpMemory = { ...input.memory };
  const c1 = normalizeOtp(input.otp1, params.digits);
  const c2 = normalizeOtp(input.otp2, params.digits);
  if (c1 === null || c2 === null) {
    return {
      ok: false,
      reason: 'FORMAT',
      memory,
      message: `ワンタイムパスワードは数字${params.digits}桁で、連続して表示された2つを入力してください`,
    };
  }
  const [v1, v2] = [Number(c1), Number(c2)];
  const codeAt = tokenCodes(params, secret, input.crypto);
  // Both codes must be fresh: s itself comes after the last accepted step.
  const pairAt = (s: number) =>
    s >= 0 &&
    s > memory.lastStep &&
    codeAt(s) === v1 &&
    codeAt(s + 1) === v2;

  let found: number | undefined;
  if (params.algorithm === 'HOTP') {
    const start = Math.max(params.counter, memory.lastStep + 1);
    const last = start + (input.searchWindow ?? 100);
    for (let s = start; s <= last && found === undefined; s++) if (pairAt(s)) found = s;
  } else {
    const now = totpStep(params, nowEpochSeconds);
    for (const s of totpCandidates(now + memory.driftSteps, input.searchWindow ?? 10)) {
      if (pairAt(s)) {
        found = s;
        break;
      }
    }
  }
  if (found === undefined) {
    return {
      ok: false,
      reason: 'MISMATCH',
      memory,
      message: '2つのワンタイムパスワードからトークンを同期できませんでした。①ボタンを続けて2回押し、表示された順に入力してください',
    };
  }
  const step = found + 1;
  const driftSteps = params.algorithm === 'TOTP' ? step - totpStep(params, nowEpochSeconds) : memory.driftSteps;
  return { ok: true, step, memory: { lastStep: step, failCount: 0, driftSteps } };
}
