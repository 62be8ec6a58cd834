import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { verifyChain } from '../../../db/journal';
import { RECOVERY_ACTOR, recoverManager, temporaryPassword } from '../../../services/recover-manager';
import { validatePassword } from '../../../domain/validation';
import { addOperator, branchWithStock, RECOVERY_PASSPHRASE, type Fixture } from '../../support/app-fixture';

let fx: Fixture;
afterEach(() => fx?.cleanup());

function recoverCli(dataDir: string, args: string[], stdin = '') {
  return spawnSync(process.execPath, ['--import', 'tsx', 'services/recover-manager-cli.ts', '--data-dir', dataDir, ...args], { encoding: 'utf8', input: stdin });
}

async function lockOut(f: Fixture, operatorId: string) {
  for (let i = 0; i < 5; i++) await f.app.dispatch('authLogin', { operatorId, password: 'forgotten1' });
}

const keyOf = (f: Fixture) => Buffer.from(readFileSync(join(f.dir, 'madoguchi.key'), 'utf8').trim(), 'base64');
const entries = (f: Fixture, kind: string) =>
  (f.app.db.prepare('SELECT operator_id AS actor, payload FROM journal WHERE kind = ? ORDER BY seq').all(kind) as { actor: string; payload: string }[]).map(
    (e): Record<string, unknown> => ({ actor: e.actor, ...(JSON.parse(e.payload) as Record<string, unknown>) }),
  );

describe('recovery when no manager can log in: a command on the terminal, with the data key', () => {
  it('unlocks a locked-out manager with a temporary password printed once, to be changed at the first login, journalled', async () => {
    fx = await branchWithStock();
    await lockOut(fx, 'mgr01');
    const busy = recoverCli(fx.dir, ['--operator', 'mgr01']);
    expect(busy.status).toBe(1);
    expect(busy.stderr).toContain('madoguchi を終了してから実行してください');

    fx.app.close();
    const done = recoverCli(fx.dir, ['--operator', 'mgr01']);
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(done.stdout).toContain('役席者 mgr01 のロックを解除し、パスワードを再設定しました。');
    const temporary = /仮パスワード: (\S+)/.exec(done.stdout)?.[1] ?? '';
    expect(validatePassword(temporary)).toBe(temporary);

    fx.reopen();
    expect((await fx.call('authLogin', { operatorId: 'mgr01', password: temporary })).mustChangePassword).toBe(true);
    expect((await fx.app.dispatch('operatorsList', {})).ok).toBe(false);
    await fx.call('authChangePassword', { currentPassword: temporary, newPassword: 'manager789' });
    expect((await fx.call('operatorsList', {})).operators[0]).toMatchObject({ operatorId: 'mgr01', locked: false, mustChangePassword: false });

    expect(entries(fx, 'MANAGER_RECOVERED')).toEqual([
      { actor: RECOVERY_ACTOR, target: 'mgr01', created: false, wasLocked: true, proof: 'key file', osUser: expect.any(String) },
    ]);
    expect(JSON.stringify(fx.app.db.prepare('SELECT * FROM journal').all())).not.toContain(temporary);
    expect(verifyChain(fx.app.db)).toMatchObject({ ok: true });
  });

  it('takes the recovery passphrase instead of the key file (an Electron terminal keeps its key in the OS keychain)', async () => {
    fx = await branchWithStock();
    fx.app.close();
    const wrong = recoverCli(fx.dir, ['--operator', 'mgr01', '--passphrase', '--key-file', '/nonexistent'], '支店の金庫は一人で開けます\n');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('復元用パスフレーズが正しくありません');
    const right = recoverCli(fx.dir, ['--operator', 'mgr02', '--name', '臨時 役席', '--passphrase'], `${RECOVERY_PASSPHRASE}\n`);
    expect(right.stderr).toBe('');
    expect(right.stdout).toContain('役席者 mgr02 を作成しました。');
    fx.reopen();
    expect(entries(fx, 'MANAGER_RECOVERY_REFUSED')).toEqual([
      { actor: RECOVERY_ACTOR, target: 'mgr01', proof: 'passphrase', osUser: expect.any(String), reason: expect.stringContaining('復元用パスフレーズが正しくありません') },
    ]);
    expect(entries(fx, 'MANAGER_RECOVERED')).toEqual([{ actor: RECOVERY_ACTOR, target: 'mgr02', created: true, wasLocked: false, proof: 'passphrase', osUser: expect.any(String) }]);
  });

  it('creates a new manager where asked, and refuses a key that is not the ledger’s, a teller’s ID and a retired one', async () => {
    fx = await branchWithStock();
    await addOperator(fx, { operatorId: 'tel01', name: '鈴木 花子', role: 'teller', password: 'teller123' });
    await addOperator(fx, { operatorId: 'mgr02', name: '田中 次郎', role: 'manager', password: 'manager234' });
    await fx.call('operatorsRetire', { operatorId: 'mgr02' });
    const { db } = fx.app;
    const key = { kind: 'key file' as const, key: keyOf(fx) };
    const req = { osUser: 'branch-pc', now: fx.clock.now };

    await expect(recoverManager(db, { kind: 'key file', key: randomBytes(32) }, { ...req, operatorId: 'mgr01' })).rejects.toThrow('鍵ファイルがこの台帳のデータ鍵ではありません');
    await expect(recoverManager(db, key, { ...req, operatorId: 'tel01' })).rejects.toThrow('係のID');
    await expect(recoverManager(db, key, { ...req, operatorId: 'mgr02' })).rejects.toThrow('退職登録済み');
    await expect(recoverManager(db, key, { ...req, operatorId: 'mgr09' })).rejects.toThrow('--name');

    const made = await recoverManager(db, key, { ...req, operatorId: 'mgr09', name: '臨時 役席' });
    expect(made).toMatchObject({ operatorId: 'mgr09', created: true });
    expect((await fx.call('authLogin', { operatorId: 'mgr09', password: made.temporaryPassword })).operator).toEqual({ operatorId: 'mgr09', name: '臨時\u3000役席', role: 'manager' });
    expect(entries(fx, 'MANAGER_RECOVERED').map((e) => e.target)).toEqual(['mgr09']);
    expect(entries(fx, 'MANAGER_RECOVERY_REFUSED').map((e) => [e.target, e.proof])).toEqual([['mgr01', 'key file']]);
  });

  it('cannot prove a key on a ledger that holds neither a key check nor a seed, and says what to do instead', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-recover-'));
    try {
      const db = openDatabase(join(dir, 'madoguchi.sqlite'));
      await expect(recoverManager(db, { kind: 'key file', key: randomBytes(32) }, { operatorId: 'mgr01', osUser: 'x', now: new Date() })).rejects.toThrow('初期設定からやり直して');
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('makes temporary passwords the policy accepts, each different', () => {
    const made = new Set(Array.from({ length: 50 }, temporaryPassword));
    expect(made.size).toBe(50);
    for (const p of made) expect(validatePassword(p)).toBe(p);
  });
});
