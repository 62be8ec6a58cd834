import { afterEach, describe, expect, it } from 'vitest';
import { branchWithStock, issueRequest, tokenState, type Fixture } from '../../support/app-fixture';
import { codeAt } from '../../support/seeds';
import { withStaff } from '../../support/staff';

let fx: Fixture;
afterEach(() => fx?.cleanup());

describe('stock care', () => {
  it('finds a serial from one OTP when the label cannot be read', async () => {
    fx = await branchWithStock({ tokens: 5 });
    const t = fx.tokens[3]!;
    const found = await fx.call('stockFindByOtp', { otp: codeAt(t, fx.clock.now) });
    expect(found.searched).toBe(5);
    expect(found.matches.map((m) => m.serial)).toContain(t.serial);
  });

  it('marks a stock token damaged then disposed, and refuses to issue it', async () => {
    fx = await branchWithStock();
    const t = fx.tokens[0]!;
    await fx.call('stockMarkDamaged', { serial: t.serial, note: '液晶割れ' });
    await fx.call('stockDispose', { serial: t.serial, note: '' });
    expect(tokenState(fx, t.serial)).toBe('DISPOSED');
    const r = await fx.app.dispatch('issue', issueRequest(t.serial, codeAt(t, fx.clock.now)));
    expect(r.ok ? '' : r.error.code).toBe('TOKEN_STATE');
  });

  it('resyncs a drifting token from two consecutive codes, and lifts a fail counter only through a second manager’s 検印', async () => {
    fx = await branchWithStock();
    const t = fx.tokens[0]!;
    // The token's clock runs 5 steps (2.5 minutes) ahead.
    const ahead = (k: number) => new Date(fx.clock.now.getTime() + (5 + k) * 30_000);
    const before = await fx.app.dispatch('issue', issueRequest(t.serial, codeAt(t, ahead(0))));
    expect(before.ok ? '' : before.error.code).toBe('OTP_MISMATCH');
    expect((await fx.call('stockList', { serial: t.serial })).tokens[0]!.failCount).toBe(1);
    const r = await fx.call('stockResync', { serial: t.serial, otp1: codeAt(t, ahead(0)), otp2: codeAt(t, ahead(1)) });
    expect(r.driftSteps).toBe(6);
    expect((await fx.call('stockList', { serial: t.serial })).tokens[0]!.failCount).toBe(0);
    fx.clock.now = new Date(fx.clock.now.getTime() + 30_000);
    const issued = await fx.call('issue', issueRequest(t.serial, codeAt(t, ahead(2))));
    expect(issued.serial).toBe(t.serial);

    const u = fx.tokens[1]!;
    await fx.app.dispatch('issue', issueRequest(u.serial, '000000', { contractId: 'C0000002' }));
    await withStaff(fx);
    const req = await fx.call('approvalsRequest', { kind: 'LOCK_OVERRIDE', subject: u.serial, reason: 'お客さまが本人確認のうえ再試行' });
    expect((await fx.call('stockList', { serial: u.serial })).tokens[0]!.failCount).toBe(1);
    await fx.call('approvalsDecide', { id: req.id, approverId: 'mgr02', password: 'manager345', approve: true });
    expect((await fx.call('stockList', { serial: u.serial })).tokens[0]!.failCount).toBe(0);
    const reset = fx.app.db.prepare("SELECT payload FROM journal WHERE kind = 'TOKEN_FAILCOUNT_RESET'").get() as { payload: string } | undefined;
    expect(JSON.parse(reset?.payload ?? '{}')).toMatchObject({ failCount: 1, approval: { approvalId: req.id, checker: 'mgr02' } });
  });
});
