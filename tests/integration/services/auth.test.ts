import { afterEach, describe, expect, it } from 'vitest';
import { addOperator, branchWithStock, type Fixture, MANAGER_LOGIN } from '../../support/app-fixture';
import { verifyChain } from '../../../db/journal';

let fx: Fixture;
afterEach(() => fx?.cleanup());

const WRONG = { code: 'LOGIN_FAILED', message: 'オペレーターIDまたはパスワードが正しくありません。' };

async function withTeller(): Promise<Fixture> {
  fx = await branchWithStock();
  await addOperator(fx, { operatorId: 'tel01', name: '鈴木 花子', role: 'teller', password: 'teller123' });
  return fx;
}

describe('login, lockout and unlock', () => {
  it('locks an operator after 5 wrong passwords until a manager unlocks', async () => {
    await withTeller();
    // The fifth locks the ID, and says no more than the four before it.
    for (let i = 1; i <= 5; i++) {
      const r = await fx.app.dispatch('authLogin', { operatorId: 'tel01', password: 'wrong-pass1' });
      expect(r.ok ? null : r.error).toEqual(WRONG);
    }
    const right = await fx.app.dispatch('authLogin', { operatorId: 'tel01', password: 'teller123' });
    expect(right.ok ? '' : right.error.code).toBe('OPERATOR_LOCKED');

    await fx.call('authLogin', MANAGER_LOGIN);
    await fx.call('operatorsUnlock', { operatorId: 'tel01' });
    const after = await fx.call('authLogin', { operatorId: 'tel01', password: 'teller123' });
    expect(after.operator).toEqual({ operatorId: 'tel01', name: '鈴木\u3000花子', role: 'teller' });
    const kinds = fx.app.db.prepare("SELECT kind, operator_id AS op FROM journal WHERE kind LIKE 'OPERATOR_%' ORDER BY seq").all();
    expect(kinds).toEqual([
      { kind: 'OPERATOR_CREATED', op: 'mgr01' },
      { kind: 'OPERATOR_LOCKED', op: 'tel01' },
      { kind: 'OPERATOR_UNLOCKED', op: 'mgr01' },
    ]);
    const failures = fx.app.db.prepare("SELECT operator_id AS op, payload FROM journal WHERE kind = 'LOGIN_FAILED' ORDER BY seq").all() as Array<{ op: string; payload: string }>;
    expect(failures.map((f) => ({ op: f.op, ...JSON.parse(f.payload) }))).toEqual([
      ...[1, 2, 3, 4, 5].map((n) => ({ op: 'tel01', reason: 'WRONG_PASSWORD', failedAttempts: n, purpose: 'login' })),
      { op: 'tel01', reason: 'LOCKED', purpose: 'login' },
    ]);
  });

  it('answers an unregistered ID as a registered one (wrong password, locked or retired) to whoever does not know the password, and as slowly', async () => {
    await withTeller();
    await addOperator(fx, { operatorId: 'tel02', name: '田中 一郎', role: 'teller', password: 'teller456' });
    await fx.call('operatorsRetire', { operatorId: 'tel02' });
    for (let i = 0; i < 5; i++) await fx.app.dispatch('authLogin', { operatorId: 'tel01', password: 'wrong-pass1' });
    const timed = async (operatorId: string) => {
      const started = performance.now();
      const r = await fx.app.dispatch('authLogin', { operatorId, password: 'wrong-pass1' });
      return { error: r.ok ? null : r.error, ms: performance.now() - started };
    };
    const unknown = await timed('nobody99');
    for (const [who, operatorId] of [['unregistered', 'nobody99'], ['locked', 'tel01'], ['retired', 'tel02'], ['a manager', 'mgr01']]) {
      expect((await timed(operatorId!)).error, who).toEqual(WRONG);
    }
    // Both check a password with scrypt: without it, the unregistered ID would answer some hundred times sooner.
    expect(unknown.ms).toBeGreaterThan((await timed('mgr01')).ms / 5);
    // The right password alone hears why.
    expect(await fx.app.dispatch('authLogin', { operatorId: 'tel01', password: 'teller123' })).toMatchObject({ ok: false, error: { code: 'OPERATOR_LOCKED' } });
    expect(await fx.app.dispatch('authLogin', { operatorId: 'tel02', password: 'teller456' })).toMatchObject({ ok: false, error: { code: 'OPERATOR_RETIRED' } });
  });

  it('journals a login under an unregistered ID without writing down what was typed (often a password)', async () => {
    await withTeller();
    const r = await fx.app.dispatch('authLogin', { operatorId: 'teller123', password: 'tel01' });
    expect(r.ok ? '' : r.error.code).toBe('LOGIN_FAILED');
    const failed = fx.app.db.prepare("SELECT operator_id AS op, payload FROM journal WHERE kind = 'LOGIN_FAILED'").all();
    expect(failed).toEqual([{ op: '', payload: JSON.stringify({ reason: 'UNKNOWN_ID', purpose: 'login' }) }]);
    const everything = JSON.stringify(fx.app.db.prepare('SELECT * FROM journal').all());
    expect(everything).not.toContain('teller123');
    expect(verifyChain(fx.app.db)).toMatchObject({ ok: true });
  });
});
