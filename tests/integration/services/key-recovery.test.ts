import { VIEWER_PRINTER } from '../../../services/printing';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyFileStore } from '../../../browser/key-file';
import { verifyChain } from '../../../db/journal';
import { openApp, type App } from '../../../services/app';
import { KEY_RESTORE_ACTOR } from '../../../services/key-recovery';
import { BRANCH, branchWithContract, branchWithStock, issueRequest, RECOVERY_PASSPHRASE, TEST_KDF_COST, type Fixture } from '../../support/app-fixture';
import { codeAt } from '../../support/seeds';

let fx: Fixture | undefined;
const cleanups: Array<() => void> = [];
afterEach(() => {
  fx?.cleanup();
  fx = undefined;
  for (const c of cleanups.splice(0)) c();
});

const KEY = 'madoguchi.key';

/** A data folder on "another PC": empty, or holding the ledger a branch carried over, without the key. */
function newPc(): string {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-new-pc-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function open(dir: string): App {
  const app = openApp({ dataDir: dir, keys: keyFileStore(join(dir, KEY)), printer: VIEWER_PRINTER, now: () => fx?.clock.now ?? new Date(), recoveryKdfCost: TEST_KDF_COST });
  cleanups.unshift(() => app.close());
  return app;
}

/** The branch's backup of its ledger, restored into a new PC's data folder. */
async function carriedOver(from: Fixture): Promise<string> {
  const dir = newPc();
  await from.app.db.backup(join(dir, 'madoguchi.sqlite'));
  return dir;
}

const journal = (app: App, kinds: string[]) =>
  app.db.prepare(`SELECT kind, operator_id AS operatorId, payload FROM journal WHERE kind IN (${kinds.map(() => '?').join(', ')}) ORDER BY seq`).all(...kinds) as Array<{ kind: string; operatorId: string; payload: string }>;

const MANAGER = { operatorId: 'mgr01', password: 'manager123' };

describe('the data key at first run', () => {
  it('is kept on this PC only once the branch is set up, with its recovery passphrase, and the passphrase is required', async () => {
    const dir = newPc();
    const app = open(dir);
    expect(await app.dispatch('setupStatus', {})).toEqual({ ok: true, value: { initialized: false, branch: null, keyRestoreNeeded: false } });
    const setup = { ...BRANCH, managerId: 'mgr01', managerName: '佐藤 役席', managerPassword: 'manager123' };
    expect(await app.dispatch('setupInitialize', setup as never)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const weak = await app.dispatch('setupInitialize', { ...setup, recoveryPassphrase: 'kinko' });
    expect(weak).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { recoveryPassphrase: expect.stringContaining('12文字以上') } } });
    expect(existsSync(join(dir, KEY))).toBe(false);

    expect(await app.dispatch('setupInitialize', { ...setup, recoveryPassphrase: RECOVERY_PASSPHRASE })).toMatchObject({ ok: true });
    expect(statSync(join(dir, KEY)).mode & 0o777).toBe(0o600);
    expect(journal(app, ['BRANCH_SETUP', 'RECOVERY_PASSPHRASE_SET']).map((e) => [e.kind, e.operatorId])).toEqual([
      ['BRANCH_SETUP', 'mgr01'],
      ['RECOVERY_PASSPHRASE_SET', 'mgr01'],
    ]);
    await app.dispatch('authLogin', MANAGER);
    expect(await app.dispatch('recoveryStatus', {})).toEqual({ ok: true, value: { set: true, setAt: expect.any(String), setBy: 'mgr01' } });
  });

  it('is wrapped inside the ledger, never stored there in the clear', async () => {
    fx = await branchWithStock();
    fx.app.db.pragma('wal_checkpoint(TRUNCATE)');
    const key = readFileSync(join(fx.dir, KEY), 'utf8').trim();
    const ledger = readFileSync(join(fx.dir, 'madoguchi.sqlite'));
    expect(ledger.includes(Buffer.from(key, 'base64'))).toBe(false);
    expect(ledger.includes(Buffer.from(key))).toBe(false);
    const wrapped = JSON.parse((fx.app.db.prepare('SELECT recovery FROM data_key').get() as { recovery: string }).recovery) as Record<string, unknown>;
    expect(wrapped).toMatchObject({ v: 1, kdf: 'scrypt', N: TEST_KDF_COST, r: 8, p: 1 });
  });
});

describe('on a new PC, or after the Windows profile was reset', () => {
  it('the carried-over ledger asks for its passphrase, answers nothing else, and opens all it held with the right one', async () => {
    const withContract = await branchWithContract();
    fx = withContract;
    const originalKey = readFileSync(join(fx.dir, KEY), 'utf8');
    const dir = await carriedOver(fx);
    const app = open(dir);

    expect(await app.dispatch('setupStatus', {})).toMatchObject({ ok: true, value: { initialized: true, branch: { branchCode: '101' }, keyRestoreNeeded: true } });
    for (const [channel, req] of [['authLogin', MANAGER], ['stockList', {}], ['setupInitialize', {}]] as const) {
      expect(await app.dispatch(channel, req as never), channel).toMatchObject({ ok: false, error: { code: 'KEY_MISSING', message: expect.stringContaining('復元用パスフレーズ') } });
    }

    const wrong = await app.dispatch('keyRestore', { passphrase: '支店の金庫は一人で開けます' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'RESTORE_FAILED', fieldErrors: { passphrase: expect.stringContaining('正しくありません') } } });
    expect(existsSync(join(dir, KEY))).toBe(false);

    expect(await app.dispatch('keyRestore', { passphrase: RECOVERY_PASSPHRASE })).toEqual({ ok: true, value: {} });
    expect(readFileSync(join(dir, KEY), 'utf8')).toBe(originalKey);
    const restores = journal(app, ['DATA_KEY_RESTORE_FAILED', 'DATA_KEY_RESTORED']);
    expect(restores.map((e) => [e.kind, e.operatorId])).toEqual([
      ['DATA_KEY_RESTORE_FAILED', KEY_RESTORE_ACTOR],
      ['DATA_KEY_RESTORED', KEY_RESTORE_ACTOR],
    ]);
    expect(JSON.parse(restores[1]!.payload)).toEqual({ osUser: expect.any(String), host: expect.any(String) });

    expect(await app.dispatch('setupStatus', {})).toMatchObject({ ok: true, value: { keyRestoreNeeded: false } });
    expect(await app.dispatch('keyRestore', { passphrase: RECOVERY_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'KEY_PRESENT' } });
    expect(await app.dispatch('authLogin', MANAGER)).toMatchObject({ ok: true });
    // The customer's record and the seeds open: the contract is found by its ID, a token issues with its code.
    expect(await app.dispatch('contractsLookup', { contractId: 'C0012345' })).toMatchObject({ ok: true, value: { currentSerial: withContract.old.serial } });
    const token = withContract.stock[0]!;
    const issued = await app.dispatch('issue', issueRequest(token.serial, codeAt(token, fx.clock.now), { contractId: 'C0099999' }));
    expect(issued).toMatchObject({ ok: true });
    expect(verifyChain(app.db)).toMatchObject({ ok: true });
  });

  it('opens at once the next time: the key is kept on the new PC', async () => {
    fx = await branchWithStock();
    const dir = await carriedOver(fx);
    const first = open(dir);
    await first.dispatch('keyRestore', { passphrase: RECOVERY_PASSPHRASE });
    first.close();
    cleanups.shift();
    expect(await open(dir).dispatch('setupStatus', {})).toMatchObject({ ok: true, value: { initialized: true, keyRestoreNeeded: false } });
  });

  it('tells a key file of another ledger from this one’s, and asks for the passphrase rather than fail later', async () => {
    fx = await branchWithStock();
    const dir = await carriedOver(fx);
    writeFileSync(join(dir, KEY), `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    const app = open(dir);
    expect(await app.dispatch('setupStatus', {})).toMatchObject({ ok: true, value: { keyRestoreNeeded: true } });
    expect(await app.dispatch('keyRestore', { passphrase: RECOVERY_PASSPHRASE })).toMatchObject({ ok: true });
    expect(readFileSync(join(dir, KEY), 'utf8')).toBe(readFileSync(join(fx.dir, KEY), 'utf8'));
  });
});

describe('a manager changes the recovery passphrase', () => {
  it('the new one opens the ledger, the old one no longer does; journalled', async () => {
    fx = await branchWithStock();
    const weak = await fx.app.dispatch('recoverySetPassphrase', { passphrase: 'short' });
    expect(weak).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { passphrase: expect.stringContaining('12文字以上') } } });
    fx.clock.now = new Date('2026-11-25T01:31:00Z');
    const changed = await fx.call('recoverySetPassphrase', { passphrase: '新しい合言葉は十二文字以上' });
    expect(changed).toEqual({ set: true, setAt: '2026-11-25T01:31:00.000Z', setBy: 'mgr01' });
    expect(journal(fx.app, ['RECOVERY_PASSPHRASE_SET', 'RECOVERY_PASSPHRASE_CHANGED']).map((e) => e.kind)).toEqual(['RECOVERY_PASSPHRASE_SET', 'RECOVERY_PASSPHRASE_CHANGED']);

    const app = open(await carriedOver(fx));
    expect(await app.dispatch('keyRestore', { passphrase: RECOVERY_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'RESTORE_FAILED' } });
    expect(await app.dispatch('keyRestore', { passphrase: '新しい合言葉は十二文字以上' })).toMatchObject({ ok: true });
  });
});

describe('a ledger set up before the recovery passphrase existed (migration 9)', () => {
  it('takes the key it opens with as its own and says no passphrase is set; without its key it refuses to start, saying why', async () => {
    fx = await branchWithStock();
    fx.app.db.exec('DELETE FROM data_key');
    fx.reopen();
    await fx.call('authLogin', MANAGER);
    expect(await fx.call('recoveryStatus', {})).toEqual({ set: false, setAt: null, setBy: null });
    expect(fx.app.db.prepare('SELECT COUNT(*) AS n FROM data_key').get()).toEqual({ n: 1 });

    const dir = await carriedOver(fx);
    expect(() => open(dir)).toThrow('復元用パスフレーズも設定されていないため、開けません');
  });
});
