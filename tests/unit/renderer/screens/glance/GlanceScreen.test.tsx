// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import type { Glance } from '../../../../../services/contract';
import { MANAGER, TELLER, fakeApi } from '../../../../support/fake-api';
import { freshWindowEachTest, go } from '../../../../support/screen';

freshWindowEachTest();

const days = Array.from({ length: 30 }, (_, i) => ({
  day: new Date(Date.UTC(2026, 9, 27 + i)).toISOString().slice(0, 10),
  counts: (i === 29 ? { TOKEN_ISSUED: 3, TOKEN_EXCHANGED: 1 } : i === 0 ? { TOKEN_ISSUED: 2 } : {}) as Record<string, number>,
}));

const GLANCE: Glance = {
  acts: [
    { kind: 'TOKEN_ISSUED', label: 'ハードウェアトークン発行' },
    { kind: 'TOKEN_EXCHANGED', label: 'トークン交換' },
  ],
  days,
  stock: { counts: [{ state: 'IN_STOCK', label: '在庫', n: 5 }, { state: 'ACTIVE', label: '利用中', n: 120 }], inStock: 5, threshold: 20, low: true },
  battery: {
    issuedBefore: '2022-05-25T01:30:00.000Z',
    counted: 1000,
    more: true,
    tokens: [{ serial: 'AB0000000001', state: 'ACTIVE', stateLabel: '利用中', issuedAt: '2021-05-10T02:00:00.000Z', contractId: '＊＊＊＊0001', name: '佐＊\u3000＊＊' }],
  },
};

const answer = <T,>(value: T) => vi.fn(() => Promise.resolve({ ok: true as const, value }));

describe('概況', () => {
  it('puts the 30 days in words and in a table beside the chart, warns of low stock and lists old batteries masked', async () => {
    go('glance');
    fakeApi(MANAGER, { glance: answer(GLANCE) });
    render(<App />);
    expect((await screen.findByTestId('activity-summary')).textContent).toBe('直近30日（10/27〜11/25）の件数：ハードウェアトークン発行 5件、トークン交換 1件');
    const table = screen.getByRole('table', { name: '直近30日の日別・種類別の件数' });
    const lastDay = within(table).getByRole('rowheader', { name: '11/25' }).closest('tr')!;
    expect([...lastDay.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['3', '1']);

    expect(screen.getByTestId('low-stock').textContent).toBe('在庫が少なくなっています。在庫（未使用）は5個で、下限の20個を下回っています。トークンの補充を手配してください。');
    expect(screen.getByText(/発行から4年6か月以上たったトークン（2022年05月25日より前に発行し/)).toBeTruthy();
    expect(screen.getByTestId('battery-total').textContent).toBe('1,000件以上（発行の古い順に1件を表示）');
    const row = within(screen.getByRole('table', { name: '電池の交換時期が近いトークン（発行の古い順）' })).getByText('AB0000000001').closest('tr')!;
    expect([...row.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent)).toEqual(['＊＊＊＊0001', '佐＊\u3000＊＊', 'AB0000000001', '利用中', '2021年05月10日']);
  });

  it('is on the managers’ menu only', async () => {
    fakeApi(TELLER);
    render(<App />);
    await screen.findByRole('navigation', { name: '業務メニュー' });
    expect(screen.queryByRole('button', { name: '概況' })).toBeNull();
  });
});
