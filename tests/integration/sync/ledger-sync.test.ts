/**
 * The sync's faults end to end with the real terminal: its ledger (SQLite), its services through
 * the one dispatch, the agent the app starts once enrolled, and the core on a private PostgreSQL
 * cluster and on PGlite. Each scenario ends with both sides compared entry by entry.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { branchWithStock, BRANCH, issueRequest } from '../../support/app-fixture';
import { BACKENDS, until } from '../../support/core-harness';
import { enrolledBranch, expectHeldAsSent, ordinaryEntries, type EnrolledBranch } from '../../support/enrolled-branch';
import { codeAt } from '../../support/seeds';
import { useCore } from '../../support/use-core';

let open: EnrolledBranch[] = [];

/** A 12-character serial of this terminal's own: `tag`, its number, then zeros. */
const serialOf = (fx: EnrolledBranch, tag: string) => `${tag}${fx.terminalId.replace('-', '')}`.padEnd(12, '0');
let others = 0;
afterEach(() => {
  for (const fx of open) fx.cleanup();
  open = [];
});

describe.each(BACKENDS)('the terminal ledger synced to the core on %s', (backend) => {
  const core = useCore(backend);
  const branch = async (o?: Parameters<typeof enrolledBranch>[1]) => {
    const fx = await enrolledBranch(core(), o);
    open.push(fx);
    return fx;
  };
  const issueTo = async (fx: EnrolledBranch, i: number, contractId: string, featurePhone = false) => {
    const t = fx.tokens[i]!;
    return fx.call('issue', issueRequest(t.serial, codeAt(t, fx.clock.now), { contractId, featurePhone }));
  };

  it('enrolment in 店舗設定 takes only a code for this branch and terminal, and a manager’s', async () => {
    const fx = await branchWithStock({ terminalNo: '99', serialPrefix: 'EN' });
    try {
      const enrol = (code: string) => fx.app.dispatch('syncEnrol', { coreUrl: `${core().urls[0]}/`, code });
      const other = await core().admin<{ code: string }>('POST', '/v1/admin/enrolment-codes', { branchCode: BRANCH.branchCode, terminalNo: '98' });
      const refused = await enrol(other.code);
      expect(refused.ok ? null : refused.error).toMatchObject({ code: 'CODE_FOR_ANOTHER_TERMINAL', fieldErrors: { code: expect.stringContaining('101-98') } });
      const wrong = await enrol('AAAA-BBBB-CCCC-DDDD');
      expect(wrong.ok ? null : wrong.error.code).toBe('ENROLMENT_CODE_INVALID');
      expect((await fx.call('syncStatus', {})).enrolled).toBe(false);
      const mine = await core().admin<{ code: string }>('POST', '/v1/admin/enrolment-codes', { branchCode: BRANCH.branchCode, terminalNo: '99' });
      expect(await fx.call('syncEnrol', { coreUrl: `${core().urls[0]}/`, code: mine.code.toLowerCase() })).toMatchObject({ enrolled: true, terminalId: '101-99', coreUrl: core().urls[0] });
    } finally {
      fx.cleanup();
    }
  });

  it('the network down while counter acts and a day of entries queue, then back: all arrive once, in order, and the bank knows each token', async () => {
    const fx = await branch();
    fx.line.state.down = true;
    expect((await fx.call('syncNow', {})).offlineSince).not.toBeNull();
    await issueTo(fx, 0, `N${fx.terminalId.replace('-', '')}A`);
    ordinaryEntries(fx, 1500);
    await issueTo(fx, 1, `N${fx.terminalId.replace('-', '')}B`, true);
    await fx.call('suspend', { contractId: `N${fx.terminalId.replace('-', '')}B`, identityDocument: 'DRIVERS_LICENSE', serial: fx.tokens[1]!.serial });
    const queued = await fx.call('syncStatus', {});
    expect(queued.pending).toBe(fx.sent().length);
    expect(queued.offlineSince).not.toBeNull();

    fx.line.state.down = false;
    await until(async () => (await fx.call('syncStatus', {})).pending === 0, 'the queue to drain');
    await until(async () => (await fx.call('syncStatus', {})).offlineSince === null, 'the header to say 同期済み');
    await expectHeldAsSent(core(), fx);
    const registry = await core().pool.query('SELECT serial, state, terminal_id FROM tokens WHERE serial = ANY($1::text[]) ORDER BY serial', [[fx.tokens[0]!.serial, fx.tokens[1]!.serial]]);
    expect(registry.rows).toEqual([
      { serial: fx.tokens[0]!.serial, state: 'ISSUED', terminal_id: fx.terminalId },
      { serial: fx.tokens[1]!.serial, state: 'SUSPENDED', terminal_id: fx.terminalId },
    ]);
    const contract = await core().pool.query('SELECT name_kanji, account_branch, account_subject, account_number FROM contracts WHERE current_serial = $1', [fx.tokens[0]!.serial]);
    expect(contract.rows).toEqual([{ name_kanji: '山田　太郎', account_branch: '101', account_subject: '01', account_number: '1234567' }]);
  }, 180_000);

  it('the answer lost after the core committed: the terminal sends again and nothing is doubled', async () => {
    const fx = await branch({ agent: { intervalMs: 600_000, lingerMs: 600_000 } });
    await fx.call('syncNow', {});
    await issueTo(fx, 0, `L${fx.terminalId.replace('-', '')}A`);
    ordinaryEntries(fx, 300);
    fx.line.state.loseNextAnswer = true;
    const lost = await fx.call('syncNow', {});
    expect(lost.offlineSince).not.toBeNull();
    expect(lost.pending).toBeGreaterThan(0);
    expect((await core().heldJournal(fx.terminalId)).length).toBe(fx.sent().length);

    const again = await fx.call('syncNow', {});
    expect(again).toMatchObject({ pending: 0, offlineSince: null, blocked: null });
    await expectHeldAsSent(core(), fx);
  }, 120_000);

  it('a restart in the middle of the queue resumes from what the ledger says the core holds', async () => {
    const fx = await branch({ agent: { batchSize: 50 } });
    fx.line.state.delayMs = 40;
    ordinaryEntries(fx, 1500);
    await issueTo(fx, 0, `R${fx.terminalId.replace('-', '')}A`);
    const total = fx.sent().length;
    const held = () => (fx.app.db.prepare('SELECT held_seq AS n FROM sync_progress').get() as { n: number } | undefined)?.n ?? 0;
    await until(() => held() > 100, 'a few batches to be held');
    expect(held()).toBeLessThan(total);
    fx.reopen();
    expect(held()).toBeLessThan(total);
    fx.line.state.delayMs = 0;
    await until(async () => (await fx.call('syncStatus', {})).pending === 0, 'the rest to go after the restart');
    await expectHeldAsSent(core(), fx);
  }, 120_000);

  it('an urgent entry (利用中止) goes at once, whatever the interval and the linger', async () => {
    const fx = await branch({ agent: { intervalMs: 600_000, lingerMs: 600_000 } });
    const contractId = `U${fx.terminalId.replace('-', '')}A`;
    await issueTo(fx, 0, contractId, true);
    await fx.call('syncNow', {});
    ordinaryEntries(fx, 3);
    await fx.call('suspend', { contractId, identityDocument: 'DRIVERS_LICENSE', serial: fx.tokens[0]!.serial });
    await until(async () => (await fx.call('syncStatus', {})).pending === 0, 'the suspension and everything before it', 20_000);
    await expectHeldAsSent(core(), fx);
  });

  it('the bank’s word reaches the counter: ACTIVE once registered online, a contract issued at another terminal found and exchanged here, stock allotted sealed for this terminal', async () => {
    const fx = await branch({ tokens: 4 });
    const here = `P${fx.terminalId.replace('-', '')}A`;
    await issueTo(fx, 0, here);
    await fx.call('syncNow', {});
    await core().admin('POST', `/v1/admin/tokens/${fx.tokens[0]!.serial}/activate`);
    await fx.call('syncNow', {});
    const active = await fx.call('contractsLookup', { contractId: here });
    expect(active).toMatchObject({ currentSerial: fx.tokens[0]!.serial, currentState: 'ACTIVE', stateLabel: '利用中', bank: { offline: false } });
    expect(active.bank?.asOf).not.toBeNull();

    // Another terminal of the bank issues a head-office token to a contract this branch has never seen.
    const other = await core().terminal('900', String(++others));
    const foreign = serialOf(fx, 'F');
    await core().admin('POST', '/v1/admin/seed-imports', { fileName: 'ho.csv', content: `${foreign},${'ab'.repeat(20)},totp,6,30,sha1` });
    await core().admin('POST', '/v1/admin/allotments', { terminalId: other.store.terminalId, serials: [foreign] });
    const elsewhere = `E${fx.terminalId.replace('-', '')}A`;
    const account = { branchCode: '900', subject: '01', number: '7654321' };
    other.store.counter('TOKEN_ISSUED', foreign, elsewhere, { serial: foreign, featurePhone: false, fee: 2200, payment: 'CASH', nameKanji: '鈴木 一郎', nameKana: 'スズキ イチロウ', account });
    await other.agent.push();
    await fx.call('syncNow', {});
    const found = await fx.call('contractsLookup', { contractId: elsewhere });
    expect(found).toMatchObject({ maskedName: '鈴＊ ＊＊', currentSerial: foreign, currentState: 'ISSUED', currentDigits: null });
    expect((await fx.call('stockList', {})).tokens.map((t) => t.serial)).not.toContain(foreign);

    const fresh = fx.tokens[1]!;
    const exchange = { contractId: elsewhere, identityDocument: 'PASSPORT', reason: 'FAULT' as const, oldSerial: foreign, symptoms: { faultMark: true, batteryLowMark: false, physicalDamage: false }, newSerial: fresh.serial, newOtp: codeAt(fresh, fx.clock.now) };
    const refused = await fx.app.dispatch('exchange', { ...exchange, oldOtp: '123456' });
    expect(refused.ok ? '' : refused.error.code).toBe('OLD_OTP_NOT_CHECKABLE');
    const done = await fx.call('exchange', exchange);
    expect((await fx.call('returnsCollected', {})).tokens.map((t) => t.serial)).toEqual([foreign]);
    const slip = await fx.call('receiptsOpen', { receiptNo: done.receiptNo, reprint: false, copy: 'customer' });
    expect(slip.pdfBase64.length).toBeGreaterThan(0);
    await fx.call('syncNow', {});
    const registry = await core().pool.query('SELECT serial, state, contract_id FROM tokens WHERE serial = ANY($1::text[]) ORDER BY state', [[foreign, fresh.serial]]);
    expect(registry.rows).toEqual([
      { serial: foreign, state: 'EXCHANGED', contract_id: elsewhere },
      { serial: fresh.serial, state: 'ISSUED', contract_id: elsewhere },
    ]);

    // Head office's stock for this terminal: its seed opened here and sealed again with the data key.
    const allotted = serialOf(fx, 'A');
    const secret = Buffer.from('cd'.repeat(20), 'hex');
    await core().admin('POST', '/v1/admin/seed-imports', { fileName: 'allot.csv', content: `${allotted},${secret.toString('hex')},totp,6,30,sha1` });
    await core().admin('POST', '/v1/admin/allotments', { terminalId: fx.terminalId, serials: [allotted] });
    await fx.call('syncNow', {});
    expect(await fx.call('stockLookup', { serial: allotted })).toMatchObject({ state: 'IN_STOCK', digits: 6 });
    const token = { serial: allotted, secret, params: { algorithm: 'TOTP' as const, hash: 'SHA1' as const, digits: 6 as const, period: 30, counter: 0 } };
    await fx.call('issue', issueRequest(allotted, codeAt(token, fx.clock.now), { contractId: `Q${fx.terminalId.replace('-', '')}A` }));
    expect(fx.app.db.prepare("SELECT operator_id AS by, json_extract(payload, '$.serials') AS serials FROM journal WHERE kind = 'STOCK_ALLOTTED'").get()).toEqual({ by: 'sync', serials: JSON.stringify([allotted]) });

    // Offline, the counter still finds the contract, and says as of when.
    fx.line.state.down = true;
    await fx.call('syncNow', {});
    expect((await fx.call('contractsLookup', { contractId: here })).bank).toEqual({ asOf: active.bank!.asOf, offline: true });
  }, 180_000);

  it('a seed file imported here registers its serials with the bank; one the bank already knows comes back for the manager, with what to do', async () => {
    const fx = await branch();
    await fx.call('syncNow', {});
    const mine = await core().pool.query('SELECT state, terminal_id FROM tokens WHERE serial = $1', [fx.tokens[0]!.serial]);
    expect(mine.rows).toEqual([{ state: 'IN_STOCK', terminal_id: fx.terminalId }]);

    const known = serialOf(fx, 'K');
    const csv = `${known},${'ef'.repeat(20)},totp,6,30,sha1`;
    await core().admin('POST', '/v1/admin/seed-imports', { fileName: 'ho.csv', content: csv });
    await fx.call('stockImport', { fileName: 'vendor-again.csv', content: csv });
    const status = await fx.call('syncNow', {});
    expect(status).toMatchObject({ pending: 0, openRejections: 1 });
    const [rejection] = (await fx.call('syncRejections', {})).rejections;
    expect(rejection).toMatchObject({ serial: known, kind: 'SEED_IMPORTED', code: 'SERIAL_KNOWN', resolvedAt: null });
    expect(rejection!.advice).toContain('在庫破損');
    await fx.call('syncResolveRejection', { seq: rejection!.seq, serial: known, resolution: '在庫破損として登録し、事務センターに連絡済み' });
    expect((await fx.call('syncStatus', {})).openRejections).toBe(0);
    expect(fx.app.db.prepare("SELECT operator_id AS by, serial FROM journal WHERE kind = 'SYNC_REJECTION_RESOLVED'").get()).toEqual({ by: 'mgr01', serial: known });
  });
});
