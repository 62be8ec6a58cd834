import { afterEach, describe, expect, it } from 'vitest';
import { findContract } from '../../../db/contract-repo';
import { verifyChain } from '../../../db/journal';
import { addOperator, branchWithStock, type Fixture, issueRequest, MANAGER_LOGIN } from '../../support/app-fixture';
import { codeAt } from '../../support/seeds';

let fx: Fixture;
afterEach(() => fx?.cleanup());

const TELLER = { operatorId: 'tel01', name: '鈴木 花子', role: 'teller' as const, password: 'first1234' };

async function refusal(channel: Parameters<Fixture['app']['dispatch']>[0], req: unknown) {
  const r = await fx.app.dispatch(channel, req);
  if (r.ok) throw new Error(`${channel} was not refused`);
  return r.error;
}

/** The entries about operators, as (kind, actor, target). */
function operatorEntries(f: Fixture) {
  return (f.app.db.prepare("SELECT kind, operator_id AS actor, payload FROM journal WHERE kind LIKE 'OPERATOR_%' ORDER BY seq").all() as Array<{ kind: string; actor: string; payload: string }>).map(
    (e) => ({ kind: e.kind, actor: e.actor, target: (JSON.parse(e.payload) as { target?: string }).target }),
  );
}

describe('operators', () => {
  it('stores an operator’s name with the spacing rule a customer’s name has: trimmed, one full-width space', async () => {
    fx = await branchWithStock();
    const { operator } = await fx.call('operatorsCreate', { operatorId: 'tel02', name: ' 山田  花子 ', role: 'teller', password: 'teller123' });
    const t = fx.tokens[0]!;
    await fx.call('issue', issueRequest(t.serial, codeAt(t, fx.clock.now), { nameKanji: ' 山田  花子 ' }));
    const customer = findContract(fx.app.db, fx.box, 'C0012345')!;
    expect(operator.name).toBe('山田\u3000花子');
    expect(customer.nameKanji).toBe(operator.name);
  });

  it('keeps an operator’s name to the 30 characters the first manager’s has, as 取扱者 prints it', async () => {
    fx = await branchWithStock();
    const long = await fx.app.dispatch('operatorsCreate', { operatorId: 'tel03', name: '山'.repeat(31), role: 'teller', password: 'teller123' });
    expect(long).toMatchObject({ ok: false, error: { fieldErrors: { name: '氏名は30文字以内で入力してください' } } });
    const blank = await fx.app.dispatch('operatorsCreate', { operatorId: 'tel03', name: ' 　', role: 'teller', password: 'teller123' });
    expect(blank).toMatchObject({ ok: false, error: { fieldErrors: { name: '氏名を入力してください' } } });
    expect(await fx.call('operatorsCreate', { operatorId: 'tel03', name: '山'.repeat(30), role: 'teller', password: 'teller123' })).toMatchObject({ operator: { name: '山'.repeat(30) } });
  });
});

describe('the first password, set by a manager, is changed at the first login before anything else', () => {
  it('answers nothing but the change until it is made, then everything the role allows', async () => {
    fx = await branchWithStock();
    await fx.call('operatorsCreate', TELLER);
    const login = await fx.call('authLogin', { operatorId: 'tel01', password: 'first1234' });
    expect(login.mustChangePassword).toBe(true);
    expect((await fx.call('authSession', {})).mustChangePassword).toBe(true);
    for (const channel of ['journalToday', 'stockList', 'feesQuote'] as const) {
      const e = await refusal(channel, channel === 'feesQuote' ? { kind: 'HW_TOKEN_ISSUE' } : {});
      expect(e).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', message: expect.stringContaining('パスワードを変更してください') });
    }

    expect((await refusal('authChangePassword', { currentPassword: 'first1234', newPassword: 'short1' })).fieldErrors).toEqual({
      newPassword: 'パスワードは8文字以上で、英字と数字をそれぞれ1文字以上含めてください',
    });
    expect((await refusal('authChangePassword', { currentPassword: 'first1234', newPassword: 'ｆｉｒｓｔ１２３４' })).fieldErrors).toEqual({
      newPassword: '現在のパスワードとは異なるパスワードを入力してください。',
    });
    const wrong = await refusal('authChangePassword', { currentPassword: 'guess1234', newPassword: 'mine56789' });
    expect(wrong).toMatchObject({ code: 'LOGIN_FAILED', fieldErrors: { currentPassword: '現在のパスワードが正しくありません。（あと4回誤るとロックされます）' } });

    await fx.call('authChangePassword', { currentPassword: 'first1234', newPassword: 'mine56789' });
    expect((await fx.call('authSession', {})).mustChangePassword).toBe(false);
    expect((await fx.call('journalToday', {})).entries.length).toBeGreaterThan(0);
    expect((await refusal('operatorsList', {})).code).toBe('FORBIDDEN');

    await fx.call('authLogout', {});
    expect((await refusal('authLogin', { operatorId: 'tel01', password: 'first1234' })).code).toBe('LOGIN_FAILED');
    expect((await fx.call('authLogin', { operatorId: 'tel01', password: 'mine56789' })).mustChangePassword).toBe(false);

    const changed = fx.app.db.prepare("SELECT operator_id AS actor, payload FROM journal WHERE kind = 'OPERATOR_PASSWORD_CHANGED'").all();
    expect(changed).toEqual([{ actor: 'tel01', payload: JSON.stringify({ target: 'tel01', required: true }) }]);
    const failed = fx.app.db.prepare("SELECT payload FROM journal WHERE kind = 'LOGIN_FAILED' AND operator_id = 'tel01' ORDER BY seq").all() as Array<{ payload: string }>;
    expect(failed.map((f) => JSON.parse(f.payload))).toEqual([
      { reason: 'WRONG_PASSWORD', failedAttempts: 1, purpose: 'password change' },
      { reason: 'WRONG_PASSWORD', failedAttempts: 1, purpose: 'login' },
    ]);
    expect(JSON.stringify(fx.app.db.prepare('SELECT * FROM journal').all())).not.toMatch(/first1234|mine56789|guess1234/);
  });

  it('logs out an operator who locks the ID by guessing the current password', async () => {
    fx = await branchWithStock();
    await fx.call('operatorsCreate', TELLER);
    await fx.call('authLogin', { operatorId: 'tel01', password: 'first1234' });
    for (let i = 0; i < 4; i++) await refusal('authChangePassword', { currentPassword: 'guess1234', newPassword: 'mine56789' });
    expect((await refusal('authChangePassword', { currentPassword: 'guess1234', newPassword: 'mine56789' })).code).toBe('OPERATOR_LOCKED');
    expect((await fx.call('authSession', {})).operator).toBeNull();
    expect((await refusal('authLogin', { operatorId: 'tel01', password: 'first1234' })).code).toBe('OPERATOR_LOCKED');
  });

  it('lets any operator change their own password later, from the current one', async () => {
    fx = await branchWithStock();
    await fx.call('authChangePassword', { currentPassword: 'manager123', newPassword: 'manager456' });
    await fx.call('authLogout', {});
    expect((await fx.call('authLogin', { operatorId: 'mgr01', password: 'manager456' })).mustChangePassword).toBe(false);
    expect(operatorEntries(fx)).toEqual([{ kind: 'OPERATOR_PASSWORD_CHANGED', actor: 'mgr01', target: 'mgr01' }]);
  });
});

describe('a manager looks after other operators: each act journalled with both IDs', () => {
  it('resets a forgotten password: the lock is lifted and the operator changes it at the next login', async () => {
    fx = await branchWithStock();
    await addOperator(fx, { ...TELLER, password: 'teller123' });
    for (let i = 0; i < 5; i++) await fx.app.dispatch('authLogin', { operatorId: 'tel01', password: 'forgot123' });
    await fx.call('authLogin', MANAGER_LOGIN);
    expect((await fx.call('operatorsList', {})).operators.find((o) => o.operatorId === 'tel01')).toMatchObject({ locked: true, mustChangePassword: false });

    expect((await refusal('operatorsResetPassword', { operatorId: 'tel01', password: 'short' })).fieldErrors?.password).toContain('8文字以上');
    await fx.call('operatorsResetPassword', { operatorId: 'tel01', password: 'temp12345' });
    expect((await fx.call('operatorsList', {})).operators.find((o) => o.operatorId === 'tel01')).toMatchObject({ locked: false, failedAttempts: 0, mustChangePassword: true });
    expect((await refusal('operatorsResetPassword', { operatorId: 'mgr01', password: 'temp12345' })).message).toContain('「パスワード変更」');

    expect((await fx.call('authLogin', { operatorId: 'tel01', password: 'temp12345' })).mustChangePassword).toBe(true);
    expect((await refusal('stockList', {})).code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(operatorEntries(fx).filter((e) => e.kind !== 'OPERATOR_LOCKED')).toEqual([
      { kind: 'OPERATOR_CREATED', actor: 'mgr01', target: undefined },
      { kind: 'OPERATOR_PASSWORD_RESET', actor: 'mgr01', target: 'tel01' },
    ]);
  });

  it('changes a role, never the manager’s own, and a teller may do none of it', async () => {
    fx = await branchWithStock();
    await addOperator(fx, { ...TELLER, password: 'teller123' });
    expect((await fx.call('operatorsChangeRole', { operatorId: 'tel01', role: 'manager' })).operator).toEqual({ operatorId: 'tel01', name: '鈴木\u3000花子', role: 'manager' });
    expect((await refusal('operatorsChangeRole', { operatorId: 'tel01', role: 'manager' })).code).toBe('ROLE_UNCHANGED');
    expect((await refusal('operatorsChangeRole', { operatorId: 'mgr01', role: 'teller' })).code).toBe('OPERATOR_SELF');
    await fx.call('operatorsChangeRole', { operatorId: 'tel01', role: 'teller' });
    const roles = fx.app.db.prepare("SELECT operator_id AS actor, payload FROM journal WHERE kind = 'OPERATOR_ROLE_CHANGED' ORDER BY seq").all();
    expect(roles).toEqual([
      { actor: 'mgr01', payload: JSON.stringify({ target: 'tel01', from: 'teller', to: 'manager' }) },
      { actor: 'mgr01', payload: JSON.stringify({ target: 'tel01', from: 'manager', to: 'teller' }) },
    ]);

    await fx.call('authLogin', { operatorId: 'tel01', password: 'teller123' });
    for (const [channel, req] of [
      ['operatorsChangeRole', { operatorId: 'tel01', role: 'manager' }],
      ['operatorsResetPassword', { operatorId: 'mgr01', password: 'temp12345' }],
      ['operatorsRetire', { operatorId: 'mgr01' }],
    ] as const) {
      expect((await refusal(channel, req)).code).toBe('FORBIDDEN');
    }
  });

  it('retires an operator for good: kept in the list and the log, refused at login, never deleted or registered again', async () => {
    fx = await branchWithStock();
    await addOperator(fx, { ...TELLER, password: 'teller123' });
    await fx.call('authLogin', { operatorId: 'tel01', password: 'teller123' });
    await fx.call('authLogin', MANAGER_LOGIN);
    expect((await refusal('operatorsRetire', { operatorId: 'mgr01' })).code).toBe('OPERATOR_SELF');
    const { retiredAt } = await fx.call('operatorsRetire', { operatorId: 'tel01' });
    expect(retiredAt).toBe(fx.clock.now.toISOString());

    const refused = await refusal('authLogin', { operatorId: 'tel01', password: 'teller123' });
    expect(refused).toEqual({ code: 'OPERATOR_RETIRED', message: 'このオペレーターIDは退職登録されているため、使用できません。' });
    expect((await fx.call('operatorsList', {})).operators.find((o) => o.operatorId === 'tel01')).toMatchObject({ retiredAt, role: 'teller' });
    for (const [channel, req] of [
      ['operatorsUnlock', { operatorId: 'tel01' }],
      ['operatorsResetPassword', { operatorId: 'tel01', password: 'temp12345' }],
      ['operatorsChangeRole', { operatorId: 'tel01', role: 'manager' }],
      ['operatorsRetire', { operatorId: 'tel01' }],
    ] as const) {
      expect((await refusal(channel, req)).code).toBe('OPERATOR_RETIRED');
    }
    expect((await refusal('operatorsCreate', { ...TELLER })).fieldErrors?.operatorId).toContain('既に登録されています');
    expect(() => fx.app.db.prepare("DELETE FROM operators WHERE operator_id = 'tel01'").run()).toThrow(/never deleted/);

    expect(operatorEntries(fx).at(-1)).toEqual({ kind: 'OPERATOR_RETIRED', actor: 'mgr01', target: 'tel01' });
    const lastFailure = fx.app.db.prepare("SELECT operator_id AS op, payload FROM journal WHERE kind = 'LOGIN_FAILED' ORDER BY seq DESC LIMIT 1").get();
    expect(lastFailure).toEqual({ op: 'tel01', payload: JSON.stringify({ reason: 'RETIRED', purpose: 'login' }) });
    // The retired operator's earlier entries keep their name.
    expect(fx.app.db.prepare("SELECT COUNT(*) AS n FROM journal WHERE operator_id = 'tel01' AND kind = 'LOGIN'").get()).toEqual({ n: 1 });
    expect(verifyChain(fx.app.db)).toMatchObject({ ok: true });
  });
});
