import { afterEach, describe, expect, it } from 'vitest';
import { addOperator, branchWithStock, type Fixture } from '../../support/app-fixture';

let fx: Fixture;
afterEach(() => fx?.cleanup());

async function withTeller(): Promise<Fixture> {
  fx = await branchWithStock();
  await addOperator(fx, { operatorId: 'tel01', name: '鈴木 花子', role: 'teller', password: 'teller123' });
  return fx;
}

describe('dispatch: roles, the session and request shapes', () => {
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
