import { afterEach, describe, expect, it } from 'vitest';
import { readBranch } from '../../../db/branch-repo';
import { invoiceRegNoCheckDigit } from '../../../domain/validation';
import { addOperator, branchWithStock, BRANCH, issueRequest, type Fixture } from '../../support/app-fixture';
import { pdfText } from '../../support/pdf-text';
import { codeAt } from '../../support/seeds';

let fx: Fixture;
afterEach(() => fx?.cleanup());

const twelve = '000012050013';
const NEW_REG_NO = `T${invoiceRegNoCheckDigit(twelve)}${twelve}`;
const SECOND = { operatorId: 'mgr02', name: '田中 次郎', role: 'manager' as const, password: 'manager234' };

async function issueTo(f: Fixture, i: number, contractId: string) {
  const t = f.tokens[i]!;
  const { receiptNo } = await f.call('issue', issueRequest(t.serial, codeAt(t, f.clock.now), { contractId }));
  return receiptNo;
}

async function printed(f: Fixture, receiptNo: string, reprint = false) {
  const r = await f.call('receiptsOpen', { receiptNo, reprint, copy: 'customer' });
  return pdfText(r.pdfBase64).replace(/\s+/gu, ' ');
}

function request(f: Fixture, to: Record<string, string>, reason = '店舗の移転に伴う訂正') {
  return f.app.dispatch('approvalsRequest', { kind: 'BRANCH_CORRECTION', subject: JSON.stringify(to), reason });
}

describe('correcting 店名, 登録番号 and 端末番号 after setup, with a second manager’s 検印', () => {
  it('applies when another manager approves; printed receipts keep what they printed, the next ones take the new values', async () => {
    fx = await branchWithStock();
    await addOperator(fx, SECOND);
    const before = await issueTo(fx, 0, 'C0000001');
    expect(before).toBe('101-01-0000001');

    const asked = await request(fx, { branchName: '駅前支店', invoiceRegNo: NEW_REG_NO.toLowerCase(), terminalNo: '２' });
    if (!asked.ok) throw new Error(asked.error.message);
    const subject = { branchName: { from: '本店営業部', to: '駅前支店' }, invoiceRegNo: { from: BRANCH.invoiceRegNo, to: NEW_REG_NO }, terminalNo: { from: '01', to: '02' } };
    const requested = fx.app.db.prepare("SELECT operator_id AS op, payload FROM journal WHERE kind = 'APPROVAL_REQUESTED'").get() as { op: string; payload: string };
    expect(requested.op).toBe('mgr01');
    expect(JSON.parse(requested.payload)).toMatchObject({ kind: 'BRANCH_CORRECTION', subject: JSON.stringify(subject), reason: '店舗の移転に伴う訂正' });
    expect(readBranch(fx.app.db)?.branchName).toBe('本店営業部');

    const own = await fx.app.dispatch('approvalsDecide', { id: asked.value.id, approverId: 'mgr01', password: 'manager123', approve: true });
    expect(own.ok ? '' : own.error.code).toBe('APPROVER_IS_MAKER');
    const granted = await fx.call('approvalsDecide', { id: asked.value.id, approverId: 'mgr02', password: 'manager234', approve: true });
    expect(granted.result).toMatchObject({ branch: { branchName: '駅前支店', invoiceRegNo: NEW_REG_NO, terminalNo: '02' } });
    expect(readBranch(fx.app.db)).toMatchObject({ branchName: '駅前支店', invoiceRegNo: NEW_REG_NO, terminalNo: '02' });

    const applied = fx.app.db.prepare("SELECT operator_id AS op, payload FROM journal WHERE kind = 'BRANCH_CORRECTED'").get() as { op: string; payload: string };
    expect(applied.op).toBe('mgr02');
    expect(JSON.parse(applied.payload)).toEqual({ changes: subject, maker: 'mgr01', checker: 'mgr02', approvalId: asked.value.id });

    const reprinted = await printed(fx, before, true);
    expect(reprinted).toContain('本店営業部');
    expect(reprinted).toContain(BRANCH.invoiceRegNo);
    expect(reprinted).not.toContain('駅前支店');
    const after = await issueTo(fx, 1, 'C0000002');
    // The terminal's receipt numbers go on from where they were: never one used twice.
    expect(after).toBe('101-02-0000002');
    const fresh = await printed(fx, after);
    expect(fresh).toContain('駅前支店');
    expect(fresh).toContain(NEW_REG_NO);
  });

  it('refuses a correction that changes nothing or is wrong, and one the branch has moved on from since it was asked', async () => {
    fx = await branchWithStock();
    await addOperator(fx, SECOND);
    const same = await request(fx, { branchName: ' 本店営業部 ' });
    expect(same.ok ? '' : same.error.fieldErrors?.subject).toBe('訂正する内容がありません。いまの店舗情報と同じです。');
    const bad = await request(fx, { invoiceRegNo: 'T7000012050003' });
    expect(bad.ok ? '' : bad.error.code).toBe('VALIDATION');
    expect((await request(fx, { branchName: '駅前支店' }, '')).ok).toBe(false);

    const first = await request(fx, { branchName: '駅前支店' });
    const second = await request(fx, { branchName: '北口支店', terminalNo: '3' });
    if (!first.ok || !second.ok) throw new Error('not asked');
    await fx.call('approvalsDecide', { id: first.value.id, approverId: 'mgr02', password: 'manager234', approve: true });
    const stale = await fx.app.dispatch('approvalsDecide', { id: second.value.id, approverId: 'mgr02', password: 'manager234', approve: true });
    expect(stale.ok ? '' : stale.error.code).toBe('BRANCH_CHANGED');
    expect(readBranch(fx.app.db)).toMatchObject({ branchName: '駅前支店', terminalNo: '01' });
    // Still waiting, to be refused: nothing of it took effect.
    expect((await fx.call('approvalsList', {})).approvals.map((a) => [a.id, a.state])).toEqual([[second.value.id, 'PENDING']]);
  });

  it('takes a correction only from a manager', async () => {
    fx = await branchWithStock();
    await addOperator(fx, { operatorId: 'tel01', name: '鈴木 花子', role: 'teller', password: 'teller123' });
    await fx.call('authLogin', { operatorId: 'tel01', password: 'teller123' });
    const asked = await request(fx, { branchName: '駅前支店' });
    if (!asked.ok) throw new Error(asked.error.message);
    const r = await fx.app.dispatch('approvalsDecide', { id: asked.value.id, approverId: 'mgr01', password: 'manager123', approve: true });
    expect(r.ok ? '' : r.error.code).toBe('CORRECTION_BY_MANAGER');
    expect(readBranch(fx.app.db)?.branchName).toBe('本店営業部');
  });
});
