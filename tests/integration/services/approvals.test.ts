import { afterEach, describe, expect, it } from 'vitest';
import { branchWithStock, type Fixture, issueRequest, MANAGER_LOGIN } from '../../support/app-fixture';
import { codeAt } from '../../support/seeds';
import { withStaff } from '../../support/staff';

let fx: Fixture;
afterEach(() => fx?.cleanup());

/** A branch with a second manager and a teller; the teller is logged in and has issued one token. */
async function counterWithStaff() {
  fx = await branchWithStock({ tokens: 4 });
  await withStaff(fx);
  const t = fx.tokens[0]!;
  const issued = await fx.call('issue', issueRequest(t.serial, codeAt(t, fx.clock.now)));
  return { issued, token: t };
}

const journal = (kind: string) =>
  (fx.app.db.prepare('SELECT operator_id AS op, payload FROM journal WHERE kind = ? ORDER BY seq').all(kind) as { op: string; payload: string }[]).map((r) => ({ op: r.op, ...JSON.parse(r.payload) }));

describe('the second person (検印)', () => {
  it('lets neither the maker nor a teller approve, counts a wrong password, and journals both people', async () => {
    const { issued } = await counterWithStaff();
    const req = await fx.call('approvalsRequest', { kind: 'VOID', subject: issued.receiptNo, reason: 'お客さまの申出により取消' });
    expect(req).toEqual({ id: 1, kind: 'VOID', state: 'PENDING' });

    const byTeller = await fx.app.dispatch('approvalsDecide', { id: req.id, approverId: 'tel01', password: 'teller234', approve: true });
    expect(byTeller.ok ? '' : byTeller.error.code).toBe('APPROVER_NOT_MANAGER');
    const wrong = await fx.app.dispatch('approvalsDecide', { id: req.id, approverId: 'mgr01', password: 'nope1234', approve: true });
    expect(wrong.ok ? '' : wrong.error.code).toBe('LOGIN_FAILED');
    expect(journal('LOGIN_FAILED').at(-1)).toMatchObject({ op: 'mgr01', reason: 'WRONG_PASSWORD', purpose: 'approval' });

    const refused = await fx.call('approvalsDecide', { id: req.id, approverId: 'mgr01', password: 'manager123', approve: false, note: '理由が不十分' });
    expect(refused.state).toBe('REFUSED');
    expect(journal('APPROVAL_REQUESTED')).toEqual([expect.objectContaining({ op: 'tel01', kind: 'VOID', subject: issued.receiptNo })]);
    expect(journal('APPROVAL_REFUSED')).toEqual([expect.objectContaining({ op: 'mgr01', maker: 'tel01', checker: 'mgr01', note: '理由が不十分' })]);
    const again = await fx.app.dispatch('approvalsDecide', { id: req.id, approverId: 'mgr02', password: 'manager345', approve: true });
    expect(again.ok ? '' : again.error.code).toBe('APPROVAL_DECIDED');
  });

  it('refuses a manager approving their own request', async () => {
    await counterWithStaff();
    await fx.call('authLogin', MANAGER_LOGIN);
    const t = fx.tokens[1]!;
    const issued = await fx.call('issue', issueRequest(t.serial, codeAt(t, fx.clock.now), { contractId: 'C0000002' }));
    const req = await fx.call('approvalsRequest', { kind: 'VOID', subject: issued.receiptNo, reason: '入力誤り' });
    const own = await fx.app.dispatch('approvalsDecide', { id: req.id, approverId: 'mgr01', password: 'manager123', approve: true });
    expect(own.ok ? '' : own.error).toMatchObject({ code: 'APPROVER_IS_MAKER', message: expect.stringContaining('依頼した本人は検印できません') });
  });

  it('waives a fee for one contract once, and allows a second reprint once', async () => {
    const { issued } = await counterWithStaff();
    const waiver = await fx.call('approvalsRequest', { kind: 'FEE_WAIVER', subject: 'C0000003', reason: '店舗側の不備による再来店' });
    await fx.call('approvalsDecide', { id: waiver.id, approverId: 'mgr01', password: 'manager123', approve: true });
    const t = fx.tokens[2]!;
    const wrongContract = await fx.app.dispatch('issue', issueRequest(t.serial, codeAt(t, fx.clock.now), { contractId: 'C0000004', feeWaiverApprovalId: waiver.id }));
    expect(wrongContract.ok ? '' : wrongContract.error.code).toBe('APPROVAL_MISMATCH');
    const free = await fx.call('issue', issueRequest(t.serial, codeAt(t, fx.clock.now), { contractId: 'C0000003', feeWaiverApprovalId: waiver.id }));
    expect(free.fee).toMatchObject({ totalInclTax: 0, tax: 0, description: expect.stringContaining('免除') });
    const u = fx.tokens[3]!;
    const reused = await fx.app.dispatch('reissue', {
      contractId: 'C0000003',
      identityDocument: 'DRIVERS_LICENSE',
      reason: 'LOST',
      newSerial: u.serial,
      newOtp: codeAt(u, fx.clock.now),
      payment: 'CASH',
      feeWaiverApprovalId: waiver.id,
    });
    expect(reused.ok ? '' : reused.error.code).toBe('APPROVAL_NOT_GRANTED');

    await fx.call('receiptsOpen', { receiptNo: issued.receiptNo, reprint: true, copy: 'customer' });
    const second = await fx.app.dispatch('receiptsOpen', { receiptNo: issued.receiptNo, reprint: true, copy: 'customer' });
    expect(second.ok ? '' : second.error).toMatchObject({ code: 'REPRINT_NEEDS_APPROVAL', message: expect.stringContaining('2回目の再発行には役席者の検印が必要です') });
    const reprint = await fx.call('approvalsRequest', { kind: 'REPRINT', subject: issued.receiptNo, reason: 'お客さまが紛失' });
    await fx.call('approvalsDecide', { id: reprint.id, approverId: 'mgr02', password: 'manager345', approve: true });
    const allowed = await fx.call('receiptsOpen', { receiptNo: issued.receiptNo, reprint: true, copy: 'customer', approvalId: reprint.id });
    expect(allowed.printCount).toBe(2);
    const third = await fx.app.dispatch('receiptsOpen', { receiptNo: issued.receiptNo, reprint: true, copy: 'customer', approvalId: reprint.id });
    expect(third.ok ? '' : third.error.code).toBe('APPROVAL_NOT_GRANTED');
    expect(journal('RECEIPT_REPRINTED').at(-1)).toMatchObject({ reprintCount: 2, approval: { approvalId: reprint.id, checker: 'mgr02', reason: 'お客さまが紛失' } });
  });
});
