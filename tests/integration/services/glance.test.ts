import { afterEach, describe, expect, it } from 'vitest';
import { addOperator, branchWithStock, type Fixture, issueRequest, MANAGER_LOGIN, NO_SYMPTOMS } from '../../support/app-fixture';
import { codeAt } from '../../support/seeds';

let fx: Fixture;
afterEach(() => fx?.cleanup());

const TODAY = new Date('2026-11-25T01:30:00Z');

/** The manager logs in at `at` (the clock moved) and carries on. */
async function at(f: Fixture, when: string | Date) {
  f.clock.now = new Date(when);
  await f.call('authLogin', MANAGER_LOGIN);
}

async function issueAt(f: Fixture, when: string, token: number, contractId: string, name = '山田 太郎') {
  await at(f, when);
  const t = f.tokens[token]!;
  await f.call('issue', issueRequest(t.serial, codeAt(t, f.clock.now), { contractId, nameKanji: name }));
  await at(f, TODAY);
}

describe('概況 for managers', () => {
  it('counts the last 30 days per act (Japan’s days), stock against the threshold, and old live tokens for a new battery', async () => {
    fx = await branchWithStock({ tokens: 6 });
    await issueAt(fx, '2021-05-10T02:00:00Z', 0, 'C0000001', '佐藤 花子'); // 5½ years ago
    await issueAt(fx, '2022-05-24T14:59:00Z', 1, 'C0000002'); // 23:59 in Japan, the day before the 4½ years
    await issueAt(fx, '2022-05-25T15:00:00Z', 2, 'C0000003'); // just under 4½ years ago
    await issueAt(fx, '2026-10-27T00:00:00Z', 3, 'C0000004'); // the first of the 30 days
    await issueAt(fx, '2026-11-24T15:30:00Z', 4, 'C0000005'); // today in Japan, yesterday in UTC
    const receipt = (fx.app.db.prepare("SELECT receipt_no AS r FROM journal WHERE kind = 'TOKEN_ISSUED' ORDER BY seq DESC LIMIT 1").get() as { r: string }).r;
    await fx.call('receiptsOpen', { receiptNo: receipt, reprint: true });

    const g = await fx.call('glance', {});
    expect(g.days).toHaveLength(30);
    expect(g.days[0]).toEqual({ day: '2026-10-27', counts: { TOKEN_ISSUED: 1 } });
    expect(g.days.at(-1)).toEqual({ day: '2026-11-25', counts: { TOKEN_ISSUED: 1, RECEIPT_REPRINTED: 1 } });
    expect(g.days.slice(1, -1).every((d) => Object.keys(d.counts).length === 0)).toBe(true);
    expect(g.acts.map((a) => a.label)).toEqual(expect.arrayContaining(['ハードウェアトークン発行', 'トークン交換', '紛失・盗難の再発行', '利用中止（届出）', '領収書再発行']));
    expect(g.acts.map((a) => a.kind)).not.toContain('LOGIN');

    expect(g.stock).toMatchObject({ inStock: 1, threshold: 20, low: true });
    expect(g.stock.counts.find((c) => c.state === 'ISSUED')).toEqual({ state: 'ISSUED', label: '発行済', n: 5 });

    expect(g.battery.issuedBefore).toBe('2022-05-25T01:30:00.000Z');
    expect(g.battery).toMatchObject({ counted: 2, more: false });
    expect(g.battery.tokens).toEqual([
      { serial: fx.tokens[0]!.serial, state: 'ISSUED', stateLabel: '発行済', issuedAt: '2021-05-10T02:00:00.000Z', contractId: '＊＊＊＊0001', name: '佐＊\u3000＊＊' },
      { serial: fx.tokens[1]!.serial, state: 'ISSUED', stateLabel: '発行済', issuedAt: '2022-05-24T14:59:00.000Z', contractId: '＊＊＊＊0002', name: '山＊\u3000＊＊' },
    ]);

    await fx.call('branchUpdateSettings', { lowStockThreshold: 1 });
    expect((await fx.call('glance', {})).stock).toMatchObject({ inStock: 1, threshold: 1, low: false });
  });

  it('drops a token from the battery list once it is exchanged, and dates the new one from the exchange', async () => {
    fx = await branchWithStock({ tokens: 3 });
    await issueAt(fx, '2021-01-05T02:00:00Z', 0, 'C0012345');
    expect((await fx.call('glance', {})).battery.counted).toBe(1);
    const [old, fresh] = fx.tokens as [(typeof fx.tokens)[0], (typeof fx.tokens)[0]];
    await fx.call('exchange', {
      contractId: 'C0012345',
      identityDocument: 'DRIVERS_LICENSE',
      reason: 'BATTERY',
      oldSerial: old.serial,
      symptoms: { ...NO_SYMPTOMS, batteryLowMark: true },
      newSerial: fresh.serial,
      newOtp: codeAt(fresh, fx.clock.now),
    });
    const g = await fx.call('glance', {});
    expect(g.battery).toMatchObject({ counted: 0, more: false, tokens: [] });
    expect(g.days.at(-1)?.counts).toEqual({ TOKEN_EXCHANGED: 1 });
    expect(fx.app.db.prepare('SELECT issued_at AS at FROM tokens WHERE serial = ?').get(fresh.serial)).toEqual({ at: TODAY.toISOString() });
  });

  it('is for managers only, and the threshold is a branch setting journalled as such', async () => {
    fx = await branchWithStock();
    await fx.call('branchUpdateSettings', { lowStockThreshold: 50 });
    const entry = fx.app.db.prepare("SELECT payload FROM journal WHERE kind = 'BRANCH_SETTINGS_CHANGED'").get() as { payload: string };
    expect(JSON.parse(entry.payload)).toEqual({ lowStockThreshold: { from: 20, to: 50 } });
    expect((await fx.app.dispatch('branchUpdateSettings', { lowStockThreshold: -1 })).ok).toBe(false);
    await addOperator(fx, { operatorId: 'tel01', name: '鈴木 花子', role: 'teller', password: 'teller123' });
    await fx.call('authLogin', { operatorId: 'tel01', password: 'teller123' });
    const r = await fx.app.dispatch('glance', {});
    expect(r.ok ? '' : r.error.code).toBe('FORBIDDEN');
  });
});
