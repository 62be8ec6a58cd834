import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { branchWithStock, type Fixture } from '../support/app-fixture';
import { openApp } from '../../services/app';
import { keyFileProvider } from '../../browser/key-file';
import { verifyChain } from '../../db/journal';

let fx: Fixture;
afterEach(() => fx?.cleanup());

async function withTeller(): Promise<Fixture> {
  fx = await branchWithStock();
  await fx.call('operatorsCreate', { operatorId: 'tel01', name: '鈴木 花子', role: 'teller', password: 'teller123' });
  return fx;
}

describe('operators, roles and the session', () => {
  it('locks an operator after 5 wrong passwords until a manager unlocks', async () => {
    await withTeller();
    for (let i = 1; i <= 4; i++) {
      const r = await fx.app.dispatch('authLogin', { operatorId: 'tel01', password: 'wrong-pass1' });
      expect(r.ok ? '' : r.error.message).toContain(`あと${5 - i}回`);
    }
    const fifth = await fx.app.dispatch('authLogin', { operatorId: 'tel01', password: 'wrong-pass1' });
    expect(fifth.ok ? '' : fifth.error.code).toBe('OPERATOR_LOCKED');
    const right = await fx.app.dispatch('authLogin', { operatorId: 'tel01', password: 'teller123' });
    expect(right.ok ? '' : right.error.code).toBe('OPERATOR_LOCKED');

    await fx.call('authLogin', { operatorId: 'mgr01', password: 'manager123' });
    await fx.call('operatorsUnlock', { operatorId: 'tel01' });
    const after = await fx.call('authLogin', { operatorId: 'tel01', password: 'teller123' });
    expect(after.operator).toEqual({ operatorId: 'tel01', name: '鈴木 花子', role: 'teller' });
    const kinds = fx.app.db.prepare("SELECT kind, operator_id AS op FROM journal WHERE kind LIKE 'OPERATOR_%' ORDER BY seq").all();
    expect(kinds).toEqual([
      { kind: 'OPERATOR_CREATED', op: 'mgr01' },
      { kind: 'OPERATOR_LOCKED', op: 'tel01' },
      { kind: 'OPERATOR_UNLOCKED', op: 'mgr01' },
    ]);
    const failures = fx.app.db.prepare("SELECT operator_id AS op, payload FROM journal WHERE kind = 'LOGIN_FAILED' ORDER BY seq").all() as Array<{ op: string; payload: string }>;
    expect(failures.map((f) => ({ op: f.op, ...JSON.parse(f.payload) }))).toEqual([
      ...[1, 2, 3, 4, 5].map((n) => ({ op: 'tel01', reason: 'WRONG_PASSWORD', failedAttempts: n })),
      { op: 'tel01', reason: 'LOCKED' },
    ]);
  });

  it('journals a login under an unregistered ID without writing down what was typed (often a password)', async () => {
    await withTeller();
    const r = await fx.app.dispatch('authLogin', { operatorId: 'teller123', password: 'tel01' });
    expect(r.ok ? '' : r.error.code).toBe('LOGIN_FAILED');
    const failed = fx.app.db.prepare("SELECT operator_id AS op, payload FROM journal WHERE kind = 'LOGIN_FAILED'").all();
    expect(failed).toEqual([{ op: '', payload: JSON.stringify({ reason: 'UNKNOWN_ID' }) }]);
    const everything = JSON.stringify(fx.app.db.prepare('SELECT * FROM journal').all());
    expect(everything).not.toContain('teller123');
    expect(verifyChain(fx.app.db)).toMatchObject({ ok: true });
  });

  it('refuses manager-only channels to a teller, and everything but login without a session', async () => {
    await withTeller();
    await fx.call('authLogin', { operatorId: 'tel01', password: 'teller123' });
    const r = await fx.app.dispatch('stockImport', { fileName: 'x.csv', content: 'x' });
    expect(r.ok ? '' : r.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('役席者のみ') });
    await fx.call('authLogout', {});
    const anon = await fx.app.dispatch('journalToday', {});
    expect(anon.ok ? '' : anon.error.code).toBe('SESSION_REQUIRED');
  });

  it('expires the session after the idle time and records every action with its operator', async () => {
    await withTeller();
    await fx.call('authLogin', { operatorId: 'tel01', password: 'teller123' });
    fx.clock.now = new Date(fx.clock.now.getTime() + 301_000);
    const r = await fx.app.dispatch('stockList', {});
    expect(r.ok ? '' : r.error.code).toBe('SESSION_EXPIRED');
    await fx.call('authLogin', { operatorId: 'tel01', password: 'teller123' });
    expect((await fx.call('stockList', {})).tokens).toHaveLength(3);
    const logins = fx.app.db.prepare("SELECT operator_id AS op FROM journal WHERE kind = 'LOGIN' ORDER BY seq").all();
    expect(logins).toEqual([{ op: 'mgr01' }, { op: 'tel01' }, { op: 'tel01' }]);
  });

  it('refuses bad request shapes before any handler runs', async () => {
    fx = await branchWithStock();
    const r = await fx.app.dispatch('stockLookup', { serial: 42 });
    expect(r.ok ? '' : r.error.code).toBe('BAD_REQUEST');
  });
});

describe('token seeds at rest', () => {
  it('never stores a seed in the clear, and keeps the key file readable by its owner only', async () => {
    fx = await branchWithStock();
    fx.reopen();
    const file = readFileSync(join(fx.dir, 'madoguchi.sqlite'));
    for (const t of fx.tokens) {
      expect(file.includes(t.secret)).toBe(false);
      expect(file.includes(Buffer.from(t.secret.toString('hex')))).toBe(false);
    }
    expect(statSync(join(fx.dir, 'madoguchi.key')).mode & 0o777).toBe(0o600);
    for (const f of ['madoguchi.sqlite', 'madoguchi.sqlite-wal', 'madoguchi.sqlite-shm']) {
      expect(statSync(join(fx.dir, f)).mode & 0o777, f).toBe(0o600);
    }
    await fx.call('authLogin', { operatorId: 'mgr01', password: 'manager123' });
    const listed = JSON.stringify(await fx.call('stockList', {}));
    expect(listed).not.toContain(fx.tokens[0]!.secret.toString('hex'));
  });

  it('creates a new data folder for its user only, and narrows a ledger file made readable to others', () => {
    const root = mkdtempSync(join(tmpdir(), 'madoguchi-perm-'));
    try {
      const dataDir = join(root, 'terminal', 'data');
      const open = () => openApp({ dataDir, keys: keyFileProvider(join(dataDir, 'madoguchi.key')), printer: { printPdf: async () => false } });
      open().close();
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      chmodSync(join(dataDir, 'madoguchi.sqlite'), 0o644);
      const app = open();
      expect(statSync(join(dataDir, 'madoguchi.sqlite')).mode & 0o777).toBe(0o600);
      app.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses a seed file that repeats a serial already in stock, importing nothing of it', async () => {
    fx = await branchWithStock();
    const before = (fx.app.db.prepare('SELECT COUNT(*) AS n FROM tokens').get() as { n: number }).n;
    const t = fx.tokens[0]!;
    const csv = `NEW000000001,${'ab'.repeat(20)},totp,6,30\n${t.serial},${'cd'.repeat(20)},totp,6,30\n`;
    const r = await fx.app.dispatch('stockImport', { fileName: 'again.csv', content: csv });
    expect(r.ok ? '' : r.error.message).toContain(t.serial);
    expect((fx.app.db.prepare('SELECT COUNT(*) AS n FROM tokens').get() as { n: number }).n).toBe(before);
    expect(fx.app.db.prepare('SELECT COUNT(*) AS n FROM seed_batches').get()).toEqual({ n: 1 });
  });
});
