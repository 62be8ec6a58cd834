import { describe, expect, it } from 'vitest';
import { checkClose, dayFigures, type DayEntry } from '../../../domain/day-figures';
import { refusal } from '../../support/refusal';

const fee = (amount: number, payment: DayEntry['payment']): DayEntry => ({ kind: amount < 0 ? 'TRANSACTION_VOIDED' : 'TOKEN_ISSUED', amount, payment, tax: { ratePercent: 10, tax: Math.sign(amount) * 200 } });

describe('the day’s figures', () => {
  it('count counter transactions only, refunds as negative lines, cash expected net of cash refunds', () => {
    const f = dayFigures([
      fee(2200, 'CASH'),
      fee(2200, 'ACCOUNT_DEBIT'),
      fee(-2200, 'CASH'),
      { kind: 'TOKEN_EXCHANGED', amount: 0, payment: null, tax: null },
      { kind: 'LOGIN', amount: null, payment: null, tax: null },
      { kind: 'RECEIPT_REPRINTED', amount: null, payment: null, tax: null },
    ]);
    expect(f.transactions).toBe(4);
    expect(f.expectedCash).toBe(0);
    expect(f.byPayment).toEqual({ CASH: 0, ACCOUNT_DEBIT: 2200 });
    expect(f.refunds).toEqual({ count: 1, amount: -2200 });
    expect(f.taxes).toEqual([{ ratePercent: 10, totalInclTax: 2200, tax: 200 }]);
  });
});

describe('closing the day', () => {
  const base = { expectedCash: 4400, countedCash: 4400, cashReason: '', expectedStock: { IN_STOCK: 10 }, countedStock: { IN_STOCK: 10 }, stockReason: '', pendingApprovals: 0 };

  it('accepts a count that agrees, and a difference with its reason', () => {
    expect(checkClose(base)).toEqual({ cashDifference: 0, stockDifferences: [] });
    expect(checkClose({ ...base, countedCash: 4000, cashReason: '不足' }).cashDifference).toBe(-400);
  });

  it('refuses while requests wait, a difference without its reason, a count that is not whole yen', () => {
    expect(refusal(() => checkClose({ ...base, pendingApprovals: 2 })).code).toBe('APPROVALS_PENDING');
    expect(refusal(() => checkClose({ ...base, countedCash: 5000 })).field).toBe('cashReason');
    expect(refusal(() => checkClose({ ...base, countedStock: { IN_STOCK: 9 } })).field).toBe('stockReason');
    expect(refusal(() => checkClose({ ...base, countedCash: 10.5 })).field).toBe('countedCash');
  });
});
