import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HEADERS, signingText, type Refusal } from '../../../domain/sync-protocol';
import { CoreRefusal } from '../../../sync/client';
import { openSeed } from '../../../sync/keys';
import type { Enrolment } from '../../../sync/store';
import { BACKENDS, checkedFetch, type CoreEnv } from '../../support/core-harness';
import { useCore } from '../../support/use-core';

/** A request signed by hand, to be refused: every part can be set wrong. */
async function rawPush(
  env: CoreEnv,
  e: Enrolment,
  over: { timestamp?: number; requestId?: string; credential?: string; terminalId?: string; body?: string; contentType?: string } = {},
) {
  const body = over.body ?? JSON.stringify({ entries: [] });
  const timestamp = String(over.timestamp ?? Date.now());
  const requestId = over.requestId ?? randomUUID();
  const sig = createHmac('sha256', Buffer.from(over.credential ?? e.credential, 'base64url'))
    .update(signingText('POST', '/v1/push', timestamp, requestId, createHash('sha256').update(body).digest('hex')))
    .digest('base64url');
  const res = await checkedFetch(new URL('/v1/push', env.urls[0]), {
    method: 'POST',
    headers: {
      'content-type': over.contentType ?? 'application/json',
      [HEADERS.terminal]: over.terminalId ?? e.terminalId,
      [HEADERS.timestamp]: timestamp,
      [HEADERS.requestId]: requestId,
      [HEADERS.signature]: sig,
    },
    body,
  });
  return { status: res.status, answer: (await res.json()) as Refusal };
}

async function refusalOf(p: Promise<unknown>): Promise<CoreRefusal> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CoreRefusal) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe.each(BACKENDS)('the core service on %s', (backend) => {
  const core = useCore(backend);
  let n = 0;
  /** Each test its own terminal of branch 100, so that tests share one database and stay apart. */
  const terminal = (opts?: Parameters<CoreEnv['terminal']>[2]) => core().terminal('100', String(++n), opts);

  it('enrols once per code and takes a journal in order, entry by entry as the terminal holds it', async () => {
    const { store, agent } = await terminal();
    store.ordinary(5);
    store.issue('NEWSERIAL001', 'C0001');
    expect(await agent.push()).toBe(6);
    expect(await core().heldJournal(store.terminalId)).toEqual(store.journal);
    expect(await agent.push()).toBe(6);

    const { code } = await core().admin<{ code: string }>('POST', '/v1/admin/enrolment-codes', { branchCode: '100', terminalNo: '99' });
    await agent.client.enrol({ code, publicKey: 'A'.repeat(43) });
    const again = await refusalOf(agent.client.enrol({ code, publicKey: 'A'.repeat(43) }));
    expect([again.status, again.code]).toEqual([401, 'ENROLMENT_CODE_INVALID']);
  });

  it('refuses a bad signature, an old timestamp, a replayed request, an unknown or revoked terminal, and logs each', async () => {
    const { store } = await terminal();
    const e = store.enrolled!;
    expect((await rawPush(core(), e, { credential: randomBytes(32).toString('base64url') })).answer.error.code).toBe('BAD_SIGNATURE');
    const old = await rawPush(core(), e, { timestamp: Date.now() - 6 * 60_000 });
    expect([old.status, old.answer.error.code]).toEqual([401, 'STALE_TIMESTAMP']);
    const requestId = randomUUID();
    expect((await rawPush(core(), e, { requestId })).status).toBe(400); // signed and fresh: an empty batch is invalid
    expect((await rawPush(core(), e, { requestId })).answer.error.code).toBe('REPLAYED_REQUEST');
    expect((await rawPush(core(), e, { terminalId: '999-9' })).answer.error.code).toBe('UNKNOWN_TERMINAL');
    await core().admin('POST', `/v1/admin/terminals/${e.terminalId}/revoke`);
    const revoked = await rawPush(core(), e);
    expect([revoked.status, revoked.answer.error.code]).toEqual([403, 'TERMINAL_REVOKED']);

    const log = await core().admin<{ items: { code: string; terminalId: string | null }[] }>('GET', '/v1/admin/security-events?limit=20');
    const mine = log.items.filter((x) => x.terminalId === e.terminalId || x.terminalId === '999-9').map((x) => x.code);
    expect(new Set(mine)).toEqual(new Set(['BAD_SIGNATURE', 'STALE_TIMESTAMP', 'REPLAYED_REQUEST', 'UNKNOWN_TERMINAL', 'TERMINAL_REVOKED']));
  });

  it('answers malformed JSON, an oversized body and another media type with a clear 4xx, and stays up', async () => {
    const { store } = await terminal();
    const e = store.enrolled!;
    const bad = await rawPush(core(), e, { body: '{"entries": [' });
    expect([bad.status, bad.answer.error.code]).toEqual([400, 'MALFORMED_JSON']);
    const big = await rawPush(core(), e, { body: JSON.stringify({ entries: [], pad: 'x'.repeat(5 * 1024 * 1024) }) });
    expect([big.status, big.answer.error.code]).toEqual([413, 'BODY_TOO_LARGE']);
    const text = await rawPush(core(), e, { contentType: 'text/plain' });
    expect([text.status, text.answer.error.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    const health = await checkedFetch(new URL('/v1/health', core().urls[0]));
    expect(health.status).toBe(200);
  });

  it('refuses a gap with the sequence it holds, and keeps the entries before a broken link', async () => {
    const { store, agent } = await terminal();
    store.ordinary(4);
    const gap = await refusalOf(agent.client.signed(store.enrolled!, 'POST', '/v1/push', { entries: store.journal.slice(2) }));
    expect([gap.status, gap.code, gap.refusal.error.heldSeq]).toEqual([409, 'SEQUENCE_GAP', 0]);

    store.journal[2] = { ...store.journal[2]!, payload: '{"edited":true}' };
    const broken = await refusalOf(agent.push());
    expect([broken.code, broken.refusal.error.seq, broken.refusal.error.heldSeq]).toEqual(['CHAIN_BROKEN', 3, 2]);
    expect(store.ack).toBe(2);
    expect(await core().heldJournal(store.terminalId)).toEqual(store.journal.slice(0, 2));
    await expect(agent.syncOnce()).rejects.toThrow(/CHAIN_BROKEN/);
    expect(agent.status().blocked?.code).toBe('CHAIN_BROKEN');
  });

  it('records a business conflict as a rejection for the manager and never blocks the queue', async () => {
    const a = await terminal();
    const b = await terminal();
    await core().admin('PUT', '/v1/admin/contracts', { items: [{ contractId: 'CONF0001', nameKanji: '山田　一', nameKana: 'ヤマダ　ハジメ', featurePhone: false }] });
    const csv = ['CONFLICT0001', 'CONFLICT0002'].map((s) => `${s},${randomBytes(20).toString('hex')},totp,6,30,sha1`).join('\n');
    await core().admin('POST', '/v1/admin/seed-imports', { fileName: 'conflict.csv', content: csv });
    await core().admin('POST', '/v1/admin/allotments', { terminalId: a.store.terminalId, serials: ['CONFLICT0001'] });

    b.store.issue('CONFLICT0001', 'CONF0002'); // in a's stock
    a.store.issue('CONFLICT0001', 'CONF0001');
    b.store.issue('CONFLICT0002', 'CONF0003');
    a.store.issue('CONFLICT0002', 'CONF0004'); // issued by b first
    b.store.ordinary(2);
    await b.agent.push();
    await a.agent.push();
    expect([a.store.ack, b.store.ack]).toEqual([2, 4]);
    expect(b.store.rejections.map((r) => [r.seq, r.code])).toEqual([[1, 'SERIAL_IN_OTHER_STOCK']]);
    expect(a.store.rejections.map((r) => [r.seq, r.code, r.serial])).toEqual([[2, 'SERIAL_CONFLICT', 'CONFLICT0002']]);
    expect(a.store.rejections[0]!.message).toContain('発行済');
    const all = await core().admin<{ items: unknown[] }>('GET', '/v1/admin/rejections');
    expect(all.items.length).toBeGreaterThanOrEqual(2);
  });

  it('pulls contracts with their token state, token states, and stock sealed for this terminal alone', async () => {
    const a = await terminal();
    const b = await terminal();
    const serials = ['PULLSEED0001', 'PULLSEED0002', 'PULLSEED0003'];
    const secrets = serials.map(() => randomBytes(20));
    await core().admin('POST', '/v1/admin/seed-imports', { fileName: 'pull.csv', content: serials.map((s, i) => `${s},${secrets[i]!.toString('hex')},totp,6,30,sha1`).join('\n') });
    await core().admin('POST', '/v1/admin/allotments', { terminalId: a.store.terminalId, serials: serials.slice(0, 2) });
    const allotted = await core().admin<{ serials: string[] }>('POST', '/v1/admin/allotments', { terminalId: b.store.terminalId, serials: ['PULLSEED0003'] });
    expect(allotted.serials).toEqual(['PULLSEED0003']);
    await expect(core().admin('POST', '/v1/admin/allotments', { terminalId: a.store.terminalId, serials: ['PULLSEED0003'] })).rejects.toThrow(/STOCK_CONFLICT/);

    await a.agent.pull();
    await b.agent.pull();
    expect(Buffer.from(b.store.stock.get('PULLSEED0003')!.secret)).toEqual(secrets[2]);
    expect(a.store.stock.has('PULLSEED0003')).toBe(false);
    // The page b received is of no use to a: sealed for b's key, bound to b's id and the serial.
    const page = await b.client.signed<{ items: { serial: string; sealedSeed: never }[] }>(b.store.enrolled!, 'GET', '/v1/pull/stock?after=0');
    const sealed = page.items[0]!.sealedSeed;
    expect(() => openSeed(a.store.enrolled!.privateKey, b.store.terminalId, 'PULLSEED0003', sealed)).toThrow();
    expect(() => openSeed(b.store.enrolled!.privateKey, a.store.terminalId, 'PULLSEED0003', sealed)).toThrow();

    const mine = [...a.store.stock.keys()];
    expect(mine).toHaveLength(2);
    a.store.issue(mine[0]!, 'PULL0001');
    await a.agent.push();
    await core().admin('POST', `/v1/admin/tokens/${mine[0]}/activate`);
    await b.agent.pull();
    expect(b.store.contracts.get('PULL0001')).toMatchObject({ currentSerial: mine[0], currentState: 'ACTIVE' });
    expect(b.store.tokenStates.get(mine[0]!)?.state).toBe('ACTIVE');
  });

  it('warns a terminal whose clock is off, re-signs after STALE_TIMESTAMP, and keeps syncing', async () => {
    const ahead = () => Date.now() + 20 * 60_000;
    const { store, agent, client } = await terminal({ now: ahead });
    client.offsetMs = 0; // as after a restart: the offset is learned again
    store.ordinary(3);
    await agent.syncOnce();
    expect(store.ack).toBe(3);
    expect(agent.status().clockWarning?.skewSeconds).toBeGreaterThan(19 * 60);
    expect(agent.status().clockWarning?.message).toContain('進んで');
  });

  it('gives head office issuance counts and fees per branch and day, and tokens per state', async () => {
    const { store, agent } = await terminal();
    store.issue('REPORT000001', 'REP0001');
    store.issue('REPORT000002', 'REP0002');
    store.counter('TOKEN_SUSPENDED', 'REPORT000002', 'REP0002', { serial: 'REPORT000002', restrictTransfers: true });
    await agent.push();
    const day = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    const report = await core().admin<{ items: { branchCode: string; day: string; issued: number; suspended: number; fees: number }[] }>('GET', `/v1/admin/reports/daily?from=${day}&to=${day}`);
    const branch = report.items.find((r) => r.branchCode === '100')!;
    expect(branch.day).toBe(day);
    expect(branch.issued).toBeGreaterThanOrEqual(2);
    expect(branch.suspended).toBeGreaterThanOrEqual(1);
    expect(branch.fees).toBeGreaterThanOrEqual(4400);
    const states = await core().admin<{ items: { state: string; count: number }[] }>('GET', '/v1/admin/reports/token-states');
    expect(states.items.find((s) => s.state === 'SUSPENDED')!.count).toBeGreaterThanOrEqual(1);
  });

  it('imports seed files with the branch’s parser and refusals, and loads the demo', async () => {
    const refused = await checkedFetch(new URL('/v1/admin/seed-imports', core().urls[0]), {
      method: 'POST',
      headers: { authorization: `Bearer ${core().adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ fileName: 'bad.xml', content: '<KeyContainer Version="9.9"/>' }),
    });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as Refusal).error.code).toBe('SEED_FILE_REFUSED');
    // A maker's 13-digit serials: refused under the default rule, imported under the one the bank names.
    const digits13 = `4901234567890,${randomBytes(20).toString('hex')},totp,6,30,sha1`;
    await expect(core().admin('POST', '/v1/admin/seed-imports', { fileName: 'digits13.csv', content: digits13 })).rejects.toThrow(/SEED_FILE_REFUSED.*英数字12桁/);
    const imported = await core().admin<{ count: number }>('POST', '/v1/admin/seed-imports', { fileName: 'digits13.csv', content: digits13, serialFormat: 'DIGITS_13' });
    expect(imported.count).toBe(1);
    await expect(core().admin('POST', '/v1/admin/seed-imports', { fileName: 'x.csv', content: digits13, serialFormat: 'DIGITS_12' })).rejects.toThrow(/INVALID_REQUEST/);
    const demo = await core().admin<{ terminalId: string; enrolmentCode: string; allotted: number }>('POST', '/v1/admin/demo-seed');
    expect(demo.allotted).toBe(20);
    const noAdmin = await checkedFetch(new URL('/v1/admin/terminals', core().urls[0]));
    expect(noAdmin.status).toBe(401);
  });
});
