import { describe, expect, it } from 'vitest';
import { backoffDelay, SyncAgent } from '../../../sync/agent';
import { CoreClient } from '../../../sync/client';
import { BACKENDS, checkedFetch } from '../../support/core-harness';
import { useCore } from '../../support/use-core';

describe('back-off', () => {
  it('grows exponentially to its cap, with full jitter below it', () => {
    const b = { baseMs: 1000, maxMs: 60_000 };
    expect([1, 2, 3, 4].map((f) => backoffDelay(f, b, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelay(30, b, () => 1)).toBe(60_000);
    expect(backoffDelay(5, b, () => 0)).toBe(0);
    expect(backoffDelay(5, b, () => 0.5)).toBe(8000);
  });
});

describe.each(BACKENDS)('the terminal side of the sync on %s', (backend) => {
  const core = useCore(backend);
  let n = 0;
  const terminal = () => core().terminal('400', String(++n));

  it('resumes after a restart from what the store says the core holds', async () => {
    const { store, agent } = await terminal();
    store.ordinary(700);
    await agent.push();
    store.ordinary(300);
    // A new process: a new client and agent over the same store, its offset to learn again.
    const restarted = new SyncAgent(new CoreClient({ baseUrl: core().urls[0]!, fetch: checkedFetch }), store, { batchSize: 128 });
    await restarted.syncOnce();
    expect(store.ack).toBe(1000);
    expect(restarted.status()).toMatchObject({ pending: 0, offlineSince: null, blocked: null });
    expect(await core().heldJournal(store.terminalId)).toEqual(store.journal);
  });

  it('sends again from where the core stands when it holds less than it said (restored from a backup)', async () => {
    const { store, agent } = await terminal();
    store.ordinary(5);
    await agent.push();
    store.ordinary(5);
    store.ack = 8; // as if the core had said 8 before losing its last entries
    await agent.push();
    expect(store.ack).toBe(10);
    expect(await core().heldJournal(store.terminalId)).toEqual(store.journal);
  });

  it('shows a revoked terminal as blocked, for the manager, and pulls nothing', async () => {
    const { store, agent } = await terminal();
    store.ordinary(2);
    await core().admin('POST', `/v1/admin/terminals/${store.terminalId}/revoke`);
    await expect(agent.syncOnce()).rejects.toThrow(/TERMINAL_REVOKED/);
    expect(agent.status()).toMatchObject({ pending: 2, blocked: { code: 'TERMINAL_REVOKED' } });
  });
});
