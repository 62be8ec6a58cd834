import type { RequestOf } from '../../services/contract';
import { MANAGER_LOGIN, type Fixture } from './app-fixture';

/** A second manager and a teller besides mgr01, their first passwords changed as at a first login; the teller ends logged in. */
export async function withStaff(fx: Fixture): Promise<void> {
  await fx.call('authLogin', MANAGER_LOGIN);
  await fx.call('operatorsCreate', { operatorId: 'mgr02', name: '高橋 次長', role: 'manager', password: 'manager234' });
  await fx.call('operatorsCreate', { operatorId: 'tel01', name: '鈴木 花子', role: 'teller', password: 'teller123' });
  for (const [id, first, own] of [['mgr02', 'manager234', 'manager345'], ['tel01', 'teller123', 'teller234']] as const) {
    await fx.call('authLogin', { operatorId: id, password: first });
    await fx.call('authChangePassword', { currentPassword: first, newPassword: own });
  }
}

/** A second person's 検印 of a request, granted by mgr02 (or `by`). */
export async function approve(fx: Fixture, kind: RequestOf<'approvalsRequest'>['kind'], subject: string, reason = '確認のうえ承認', by = { approverId: 'mgr02', password: 'manager345' }) {
  const req = await fx.call('approvalsRequest', { kind, subject, reason });
  return fx.call('approvalsDecide', { id: req.id, ...by, approve: true });
}
