import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { SecretBox } from '../../../db/sealed-secret';
import { verifyChain } from '../../../db/journal';
import { RECOVERY_ACTOR, recoverManager, temporaryPassword } from '../../../services/recover-manager';
import { validatePassword } from '../../../domain/validation';
import { addOperator, branchWithStock, type Fixture } from '../../support/app-fixture';

let fx: Fixture;
afterEach(() => fx?.cleanup());

function recoverCli(dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'services/recover-manager-cli.ts', '--data-dir', dataDir, ...args], { encoding: 'utf8' });
}

async function lockOut(f: Fixture, operatorId: string) {
  for (let i = 0; i < 5; i++) await f.app.dispatch('authLogin', { operatorId, password: 'forgotten1' });
}

describe('recovery when no manager can log in: a command on the terminal, with the data key', () => {
  it('unlocks a locked-out manager with a temporary password printed once, to be changed at the first login, journalled', async () => {
    fx = await branchWithStock();
    await lockOut(fx, 'mgr01');
    const busy = recoverCli(fx.dir, '--operator', 'mgr01');
    expect(busy.status).toBe(1);
    expect(busy.stderr).toContain('madoguchi を終了してから実行してください');

    fx.app.close();
    const done = recoverCli(fx.dir, '--operator', 'mgr01');
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

    const entry = fx.app.db.prepare("SELECT operator_id AS actor, payload FROM journal WHERE kind = 'MANAGER_RECOVERED'").get() as { actor: string; payload: string };
    expect(entry.actor).toBe(RECOVERY_ACTOR);
    expect(JSON.parse(entry.payload)).toMatchObject({ target: 'mgr01', created: false, wasLocked: true, osUser: expect.any(String) });
    expect(JSON.stringify(fx.app.db.prepare('SELECT * FROM journal').all())).not.toContain(temporary);
    expect(verifyChain(fx.app.db)).toMatchObject({ ok: true });
  });

  it('creates a new manager where asked, and refuses a key that is not the ledger’s, a teller’s ID and a retired one', async () => {
    fx = await branchWithStock();
    await addOperator(fx, { operatorId: 'tel01', name: '鈴木 花子', role: 'teller', password: 'teller123' });
    await addOperator(fx, { operatorId: 'mgr02', name: '田中 次郎', role: 'manager', password: 'manager234' });
    await fx.call('operatorsRetire', { operatorId: 'mgr02' });
    const { db } = fx.app;
    const now = fx.clock.now;
    const osUser = 'branch-pc';

    expect(() => recoverManager(db, new SecretBox(randomBytes(32)), { operatorId: 'mgr01', osUser, now })).toThrow('鍵ファイルがこの台帳のデータ鍵ではありません');
    expect(() => recoverManager(db, fx.box, { operatorId: 'tel01', osUser, now })).toThrow('係のID');
    expect(() => recoverManager(db, fx.box, { operatorId: 'mgr02', osUser, now })).toThrow('退職登録済み');
    expect(() => recoverManager(db, fx.box, { operatorId: 'mgr09', osUser, now })).toThrow('--name');

    const made = recoverManager(db, fx.box, { operatorId: 'mgr09', name: '臨時 役席', osUser, now });
    expect(made).toMatchObject({ operatorId: 'mgr09', created: true });
    expect((await fx.call('authLogin', { operatorId: 'mgr09', password: made.temporaryPassword })).operator).toEqual({ operatorId: 'mgr09', name: '臨時\u3000役席', role: 'manager' });
    const kinds = db.prepare("SELECT operator_id AS actor FROM journal WHERE kind = 'MANAGER_RECOVERED'").all();
    expect(kinds).toEqual([{ actor: RECOVERY_ACTOR }]);
  });

  it('cannot prove the key on a ledger that holds no seed yet, and says what to do instead', () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-recover-'));
    try {
      const db = openDatabase(join(dir, 'madoguchi.sqlite'));
      expect(() => recoverManager(db, new SecretBox(randomBytes(32)), { operatorId: 'mgr01', osUser: 'x', now: new Date() })).toThrow('初期設定からやり直して');
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
