// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { JournalLine } from '../../../../../services/contract';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from '../../../../../renderer/app/App';
import { TELLER, fakeApi } from '../../../../support/fake-api';
import { freshWindowEachTest } from '../../../../support/screen';

freshWindowEachTest();

describe('本日の取引', () => {
  const line = (seq: number, kind: string, over: Partial<JournalLine> = {}): JournalLine => ({
    seq,
    occurredAt: '2026-11-25T01:00:00.000Z',
    kind,
    kindLabel: kind,
    group: null,
    detail: null,
    operatorId: 'T001',
    receiptNo: null,
    serial: null,
    contractId: null,
    amount: null,
    payment: null,
    ...over,
  });
  const counter = { group: 'counter' } as const;
  const reprint = (receiptNo: string, count: number) => ({ group: 'reprint', receiptNo, detail: `お客さま控（再発行${count}回目）` }) as const;
  const entries = [
    line(9, 'RECEIPT_REPRINTED', reprint('001-03-0000001', 2)),
    line(8, 'COUNTER_REFUSED', { group: 'refusal', kindLabel: '受付できず', detail: '利用中止（届出）：この契約には現在ご利用中のハードウェアトークンがありません。' }),
    line(7, 'RECEIPT_REPRINTED', reprint('001-03-0000001', 1)),
    line(6, 'LOGIN_FAILED', { group: 'refusal', kindLabel: 'ログイン失敗', detail: 'パスワード誤り（1回目）' }),
    line(5, 'TOKEN_REISSUED_LOST', { ...counter, receiptNo: '001-03-0000003', amount: 2200, payment: 'ACCOUNT_DEBIT' }),
    line(4, 'TOKEN_EXCHANGED', { ...counter, receiptNo: '001-03-0000002', amount: 0 }),
    line(3, 'TOKEN_ISSUED', { ...counter, receiptNo: '001-03-0000001', amount: 2200, payment: 'CASH' }),
    line(2, 'SEED_IMPORTED', { group: 'stock' }),
    line(1, 'LOGIN', { group: 'access' }),
  ];

  it('sums the day’s counter transactions by payment, not their reprints, and can show only them', async () => {
    window.location.hash = '#/journal';
    fakeApi(TELLER, { journalToday: vi.fn(() => Promise.resolve({ ok: true as const, value: { entries } })) });
    render(<App />);
    const summary = await screen.findByTestId('journal-summary');
    expect(summary.textContent).toBe('受付 3件手数料 4,400円（現金 2,200円・口座振替 2,200円）受付できなかった操作 2件');
    expect(screen.getAllByRole('row')).toHaveLength(1 + 9 + 1);
    // 再発行 belongs to the transaction's own line, not to its reprints.
    expect(screen.getAllByRole('button', { name: '再発行' })).toHaveLength(3);
    fireEvent.click(screen.getByLabelText('受付（受付番号のある取引）のみ'));
    expect(screen.getAllByRole('row')).toHaveLength(1 + 3 + 1);
    expect(screen.getByText('表示 3件')).toBeTruthy();
    expect(screen.queryByText('領収書再発行')).toBeNull();
  });

  it('shows the refused attempts alone, each with what was attempted and why it was refused', async () => {
    window.location.hash = '#/journal';
    fakeApi(TELLER, { journalToday: vi.fn(() => Promise.resolve({ ok: true as const, value: { entries } })) });
    render(<App />);
    fireEvent.click(await screen.findByLabelText('受付できなかった操作のみ'));
    const rows = screen.getAllByRole('row').slice(1, -1) as HTMLTableRowElement[];
    expect(rows.map((r) => r.cells[1]?.textContent)).toEqual([
      '受付できず利用中止（届出）：この契約には現在ご利用中のハードウェアトークンがありません。',
      'ログイン失敗パスワード誤り（1回目）',
    ]);
    expect(screen.queryByRole('button', { name: '再発行' })).toBeNull();
  });
});
