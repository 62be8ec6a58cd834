/**
 * A branch terminal on its real ledger (app-fixture.ts), enrolled at a test core through 店舗設定's
 * channel, talking to it over a line that can fail (core-harness.ts). Each gets its own terminal
 * number, so that scenarios sharing one core stay apart.
 */
import { expect } from 'vitest';
import { appendJournal } from '../../db/journal';
import type { AgentOptions } from '../../sync/agent';
import { LedgerSyncStore } from '../../sync/ledger-store';
import { BRANCH, branchWithStock, type Fixture } from './app-fixture';
import { line, type CoreEnv } from './core-harness';

export interface EnrolledBranch extends Fixture {
  terminalId: string;
  line: ReturnType<typeof line>;
  /** The journal as the pusher sends it: every entry with its message. */
  sent(): ReturnType<LedgerSyncStore['entriesAfter']>;
}

let terminals = 0;

/** Quick waits by default, so that a scenario is not waiting on the production intervals. */
export const QUICK: AgentOptions = { intervalMs: 200, lingerMs: 10, backoff: { baseMs: 20, maxMs: 300 } };

export async function enrolledBranch(core: CoreEnv, o: { tokens?: number; agent?: AgentOptions } = {}): Promise<EnrolledBranch> {
  const terminalNo = String(10 + ++terminals);
  const l = line(() => core.urls[0]!);
  const fx = await branchWithStock({ tokens: o.tokens ?? 6, terminalNo, serialPrefix: `T${terminalNo}`, sync: { fetch: l.fetch, agent: { ...QUICK, ...o.agent } } });
  const { code } = await core.admin<{ code: string }>('POST', '/v1/admin/enrolment-codes', { branchCode: BRANCH.branchCode, terminalNo });
  await fx.call('syncEnrol', { coreUrl: core.urls[0]!, code });
  return Object.assign(fx, {
    terminalId: `${BRANCH.branchCode}-${terminalNo}`,
    line: l,
    sent: () => new LedgerSyncStore(fx.app.db, fx.box, () => fx.clock.now).entriesAfter(0, Number.MAX_SAFE_INTEGER),
  });
}

/** `n` ordinary entries straight into the ledger's journal (a day's logins and logouts), in one transaction. */
export function ordinaryEntries(fx: Fixture, n: number): void {
  fx.app.db.transaction(() => {
    for (let i = 0; i < n; i++) appendJournal(fx.app.db, { kind: i % 2 === 0 ? 'LOGIN' : 'LOGOUT', occurredAt: fx.clock.now.toISOString(), operatorId: 'mgr01', payload: { i } });
  })();
}

/** Both sides entry by entry: the core holds the terminal's journal exactly, once, in order, messages included. */
export async function expectHeldAsSent(core: CoreEnv, fx: EnrolledBranch): Promise<void> {
  const held = await core.heldJournal(fx.terminalId);
  const sent = fx.sent();
  expect(held.map((e) => e.seq)).toEqual(sent.map((e) => e.seq));
  expect(held).toEqual(sent);
}
