import { afterEach, describe, expect, it } from 'vitest';
import { addOperator, branchWithStock, type Fixture } from '../../support/app-fixture';
import { verifyChain } from '../../../db/journal';

let fx: Fixture;
afterEach(() => fx?.cleanup());

async function withTeller(): Promise<Fixture> {
  fx = await branchWithStock();
  await addOperator(fx, { operatorId: 'tel01', name: '鈴木 花子', role: 'teller', password: 'teller123' });
  return fx;
}

describe('login, lockout and unlock', () => {
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
