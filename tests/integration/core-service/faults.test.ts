/**
 * The faults the sync must survive, each ending with both sides compared entry by entry:
 * nothing lost, nothing doubled, in order. On a private PostgreSQL cluster and on the embedded
 * PGlite default. No timing assertions: every wait polls for its condition.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoreClient, CoreUnreachable } from '../../../sync/client';
import { adminOf, BACKENDS, checkedFetch, enrolTerminal, heldJournal, line, until, type CoreEnv } from '../../support/core-harness';
import { useCore } from '../../support/use-core';
import { startCoreProcess } from '../../support/core-process';
import type { MemoryStore } from '../../support/test-terminal';

async function expectSame(env: { admin: CoreEnv['admin'] }, store: MemoryStore): Promise<void> {
  const held = await heldJournal(env.admin, store.terminalId);
  expect(held.length).toBe(store.journal.length);
  expect(held.map((e) => e.seq)).toEqual(store.journal.map((e) => e.seq));
  expect(held).toEqual(store.journal);
}

describe.each(BACKENDS)('sync faults on %s', (backend) => {
  const core = useCore(backend);
  let n = 0;
  const terminalNo = () => String(++n);

  it('the answer lost after the commit: the terminal sends again and nothing is doubled', async () => {
    const l = line(() => core().urls[0]!);
    const { store, agent } = await core().terminal('300', terminalNo(), { fetch: l.fetch });
    store.day(120, 'LOST');
    l.state.loseNextAnswer = true;
    await expect(agent.push()).rejects.toBeInstanceOf(CoreUnreachable);
    expect(store.ack).toBe(0);
    const again = await agent.client.signed<{ applied: number; skipped: number; heldSeq: number }>(store.enrolled!, 'POST', '/v1/push', { entries: store.journal });
    expect(again).toMatchObject({ applied: 0, skipped: 120, heldSeq: 120 });
    await agent.push();
    expect(store.ack).toBe(120);
    await expectSame(core(), store);
  });

  it('the network down while 10,000 entries queue, then back: all arrive once, in order', async () => {
    const l = line(() => core().urls[0]!);
    const statuses: boolean[] = [];
    const { store, agent } = await core().terminal('300', terminalNo(), {
      fetch: l.fetch,
      agent: { intervalMs: 50, lingerMs: 5, backoff: { baseMs: 10, maxMs: 200 }, onStatus: (s) => statuses.push(s.offlineSince !== null) },
    });
    l.state.down = true;
    agent.start();
    try {
      for (let i = 0; i < 100; i++) {
        store.day(100, `NET${i}`.padEnd(5, 'X'));
        agent.wake();
      }
      await until(() => agent.status().offlineSince !== null && agent.status().pending === 10_000, 'the agent to see the line down');
      expect(store.ack).toBe(0);
      l.state.down = false;
      await until(() => store.ack === 10_000, 'the queue to drain', 240_000);
      await until(() => agent.status().offlineSince === null, 'the agent to see the line up');
    } finally {
      await agent.stop();
    }
    expect(statuses).toContain(true);
    await expectSame(core(), store);
  }, 300_000);

  it('an urgent entry ends the wait at once, through the linger and the interval', async () => {
    const { store, agent } = await core().terminal('300', terminalNo(), { agent: { intervalMs: 600_000, lingerMs: 600_000 } });
    agent.start();
    try {
      await until(() => agent.status().lastSyncAt !== null, 'the first cycle');
      store.ordinary(3);
      agent.wake();
      store.counter('TOKEN_SUSPENDED', 'URGENT000001', 'URG0001', { serial: 'URGENT000001', restrictTransfers: true });
      agent.wake();
      await until(() => store.ack === 4, 'the suspension and everything before it');
    } finally {
      await agent.stop();
    }
    await expectSame(core(), store);
  });

  it('two terminals of one branch at once', async () => {
    const a = await core().terminal('301', '1');
    const b = await core().terminal('301', '2');
    a.store.day(2000, 'TWOA');
    b.store.day(2000, 'TWOB');
    await Promise.all([a.agent.push(), b.agent.push()]);
    await expectSame(core(), a.store);
    await expectSame(core(), b.store);
  }, 120_000);

  it('two core instances receiving the same batch at once: it applies once', async () => {
    const second = await core().addInstance();
    const { store, agent } = await core().terminal('300', terminalNo());
    const other = new CoreClient({ baseUrl: second, fetch: checkedFetch });
    store.day(500, 'DUAL');
    const batch = { entries: store.journal };
    type Answer = { applied: number; skipped: number; heldSeq: number };
    const answers = await Promise.all([agent.client.signed<Answer>(store.enrolled!, 'POST', '/v1/push', batch), other.signed<Answer>(store.enrolled!, 'POST', '/v1/push', batch)]);
    expect(answers.map((x) => x.heldSeq)).toEqual([500, 500]);
    expect(answers.map((x) => x.applied).sort((x, y) => x - y)).toEqual([0, 500]);
    const issued = await core().pool.query(`SELECT count(*)::int AS n FROM tokens WHERE serial LIKE 'DUAL%'`);
    expect(issued.rows[0].n).toBe(50);
    await expectSame(core(), store);
  });

  it('the core killed in the middle of a batch: restarted, it has all of it once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-core-kill-'));
    // PostgreSQL: the killed process is one of several instances on the shared server. PGlite: the
    // killed process is the database too, restarted on its data folder.
    const databaseUrl = backend === 'postgres' ? core().databaseUrl : undefined;
    const keys = { masterKey: core().masterKey, adminToken: core().adminToken };
    let proc = await startCoreProcess({ dataDir, databaseUrl, ...keys });
    try {
      const l = line(() => proc.url);
      const admin = adminOf(() => proc.url, core().adminToken);
      const { store, agent } = await enrolTerminal(admin, proc.url, '302', '1', { fetch: l.fetch, agent: { batchSize: 500 } });
      store.day(3000, 'KILL');
      const pushing = agent.push().catch((e: unknown) => e);
      if (backend === 'postgres') {
        // Hold the change clock, so that the batch waits inside its transaction, its journal rows written.
        const holder = await core().pool.connect();
        await holder.query('BEGIN');
        await holder.query('SELECT rev FROM change_clock WHERE id = 1 FOR UPDATE');
        await until(async () => (await core().pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`)).rows[0].n > 0, 'the batch to wait on the lock');
        await proc.kill();
        await holder.query('ROLLBACK');
        holder.release();
      } else {
        await until(() => store.ack > 0, 'a first batch to be held');
        await proc.kill();
      }
      expect(await pushing).toBeInstanceOf(CoreUnreachable);
      expect(store.ack).toBeLessThan(3000);
      proc = await startCoreProcess({ dataDir, databaseUrl, ...keys });
      await agent.push();
      expect(store.ack).toBe(3000);
      await expectSame({ admin }, store);
      const issued = await admin<{ items: { state: string; count: number }[] }>('GET', '/v1/admin/reports/token-states');
      expect(issued.items.find((s) => s.state === 'ISSUED')!.count).toBeGreaterThanOrEqual(300);
    } finally {
      await proc.kill();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
