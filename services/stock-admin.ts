import { onField, refuse } from '../domain/errors';
import { resyncOtp } from '../domain/otp';
import { validateOtpFormat } from '../domain/otp-format';
import { nextState, TOKEN_STATE_LABELS, type TokenEvent } from '../domain/token-lifecycle';
import type { JournalKind } from '../domain/journal-kinds';
import type { OtpDigits, TokenState } from '../domain/types';
import { normalizeInput } from '../domain/validation';
import { appendJournal } from '../db/journal';
import { moveToken, saveOtpMemory } from '../db/token-repo';
import type { Operator } from './contract';
import { ServiceFailure } from './failures';
import { NATIVE_HMAC } from './native-hmac';
import type { Ports } from './ports';
import { requireToken } from './stock';

/** Manager's stock corrections: damaged in the drawer, then disposed. Each is a journal entry. */
function moveStock(p: Ports, by: Operator, req: { serial: string; note: string }, event: TokenEvent, kind: JournalKind) {
  const at = p.now().toISOString();
  return p.db.transaction(() => {
    const t = requireToken(p, req.serial);
    const to = nextState(t.state, event, t.serial);
    moveToken(p.db, t.serial, t.state, to, t.contractRef, at);
    appendJournal(p.db, { kind, occurredAt: at, operatorId: by.operatorId, serial: t.serial, payload: { from: t.state, to, note: normalizeInput(req.note) } });
    return { serial: t.serial, state: to };
  }).immediate();
}

export const markDamaged = (p: Ports, by: Operator, req: { serial: string; note: string }) => moveStock(p, by, req, 'MARK_DAMAGED', 'TOKEN_DAMAGED');
export const dispose = (p: Ports, by: Operator, req: { serial: string; note: string }) => moveStock(p, by, req, 'DISPOSE', 'TOKEN_DISPOSED');

/**
 * A label that cannot be read: which token shows this code right now? Checks the code against every
 * token in the given state (stock by default) that shows codes of its length, without using it up,
 * in a worker thread (see otp-search.ts).
 */
export async function findByOtp(p: Ports, req: { otp: string; state?: TokenState }) {
  const state = req.state ?? 'IN_STOCK';
  const otp = onField('otp', () => validateOtpFormat(req.otp));
  const found = await p.otpSearch.find({ state, digits: otp.length as OtpDigits, otp, nowEpochSeconds: Math.floor(p.now().getTime() / 1000) });
  return { matches: found.matches.map((serial) => ({ serial, state, stateLabel: TOKEN_STATE_LABELS[state] })), searched: found.searched };
}

/** Realigns a drifting token from two consecutive codes; also lifts its lock (manager). */
export function resync(p: Ports, by: Operator, req: { serial: string; otp1: string; otp2: string }) {
  const t = requireToken(p, req.serial);
  const r = resyncOtp({
    params: t.params,
    secret: p.secrets.open(t.secretEnc, t.serial),
    memory: t.memory,
    otp1: req.otp1,
    otp2: req.otp2,
    nowEpochSeconds: Math.floor(p.now().getTime() / 1000),
    crypto: NATIVE_HMAC,
  });
  if (!r.ok) throw new ServiceFailure(`RESYNC_${r.reason}`, r.message, { otp2: r.message });
  const at = p.now().toISOString();
  p.db.transaction(() => {
    saveOtpMemory(p.db, t.serial, r.memory);
    appendJournal(p.db, { kind: 'TOKEN_RESYNCED', occurredAt: at, operatorId: by.operatorId, serial: t.serial, payload: { driftSteps: r.memory.driftSteps, step: r.step } });
  }).immediate();
  return { serial: t.serial, driftSteps: r.memory.driftSteps };
}

/** A token whose codes failed, named by its serial: what a lock override (検印) is asked for. */
export function checkFailedToken(p: Ports, raw: string): string {
  const t = onField('subject', () => requireToken(p, raw));
  if (t.memory.failCount === 0) refuse('NOT_LOCKED', `シリアル番号 ${t.serial} の失敗回数は0回です。`, 'subject');
  return t.serial;
}

/** The fail counter back to 0, lifting the lock: only as a granted 検印 LOCK_OVERRIDE (approval-rules.ts), naming both people. */
export function resetFailCount(p: Ports, by: Operator, req: { serial: string }, approval: { approvalId: number; maker: string; checker: string }) {
  const t = requireToken(p, checkFailedToken(p, req.serial));
  const at = p.now().toISOString();
  p.db.transaction(() => {
    saveOtpMemory(p.db, t.serial, { ...t.memory, failCount: 0 });
    appendJournal(p.db, { kind: 'TOKEN_FAILCOUNT_RESET', occurredAt: at, operatorId: by.operatorId, serial: t.serial, payload: { failCount: t.memory.failCount, approval } });
  }).immediate();
  return { serial: t.serial };
}
