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
    operatorId: 'T001',
    receiptNo: null,
    serial: null,
    contractId: null,
    amount: null,
    payment: null,
    ...over,
  });
  const entries = [
    line(5, 'TOKEN_REISSUED_LOST', { receiptNo: '001-03-0000003', amount: 2200, payment: 'ACCOUNT_DEBIT' }),
    line(4, 'TOKEN_EXCHANGED', { receiptNo: '001-03-0000002', amount: 0 }),
    line(3, 'TOKEN_ISSUED', { receiptNo: '001-03-0000001', amount: 2200, payment: 'CASH' }),
    line(2, 'SEED_IMPORTED'),
    line(1, 'LOGIN'),
  ];

  it('sums the day’s counter transactions by payment, and can show only them', async () => {
    window.location.hash = '#/journal';
    fakeApi(TELLER, { journalToday: vi.fn(() => Promise.resolve({ ok: true as const, value: { entries } })) });
    render(<App />);
    const summary = await screen.findByTestId('journal-summary');
    expect(summary.textContent).toBe('受付 3件手数料 4,400円（現金 2,200円・口座振替 2,200円）');
    expect(screen.getAllByRole('row')).toHaveLength(1 + 5 + 1);
    fireEvent.click(screen.getByLabelText('受付（受付番号のある取引）のみ表示'));
    expect(screen.getAllByRole('row')).toHaveLength(1 + 3 + 1);
    expect(screen.getByText('表示 3件')).toBeTruthy();
  });
});
