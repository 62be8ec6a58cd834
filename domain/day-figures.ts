/**
 * The day's figures for 日計・締め: counter transactions per act and per payment, tax per rate,
 * and the cash the drawer should hold (cash fees less cash refunds). Derived from the day's
 * journal entries only; a void is an entry of its own with a negative amount.
 */
import { refuse } from './errors';
import { isCounterKind, journalKindLabel } from './journal-kinds';
import { PAYMENT_METHODS, type PaymentMethod, type TokenState } from './types';

export interface DayEntry {
  kind: string;
  amount: number | null;
  payment: PaymentMethod | null;
  /** The fee's tax rate and tax, where a fee was charged or refunded (refunds negative). */
  tax: { ratePercent: number; tax: number } | null;
}

export interface DayFigures {
  acts: { kind: string; label: string; count: number; amount: number }[];
  byPayment: Record<PaymentMethod, number>;
  taxes: { ratePercent: number; totalInclTax: number; tax: number }[];
  refunds: { count: number; amount: number };
  transactions: number;
  expectedCash: number;
}

export function dayFigures(entries: DayEntry[]): DayFigures {
  const acts = new Map<string, { kind: string; label: string; count: number; amount: number }>();
  const byPayment = Object.fromEntries(PAYMENT_METHODS.map((m) => [m, 0])) as Record<PaymentMethod, number>;
  const taxes = new Map<number, { ratePercent: number; totalInclTax: number; tax: number }>();
  const refunds = { count: 0, amount: 0 };
  let transactions = 0;
  for (const e of entries) {
    if (!isCounterKind(e.kind)) continue;
    transactions++;
    const amount = e.amount ?? 0;
    const act = acts.get(e.kind) ?? { kind: e.kind, label: journalKindLabel(e.kind), count: 0, amount: 0 };
    act.count++;
    act.amount += amount;
    acts.set(e.kind, act);
    if (e.payment) byPayment[e.payment] += amount;
    if (amount < 0) {
      refunds.count++;
      refunds.amount += amount;
    }
    if (e.tax && amount !== 0) {
      const t = taxes.get(e.tax.ratePercent) ?? { ratePercent: e.tax.ratePercent, totalInclTax: 0, tax: 0 };
      t.totalInclTax += amount;
      t.tax += e.tax.tax;
      taxes.set(e.tax.ratePercent, t);
    }
  }
  return {
    acts: [...acts.values()],
    byPayment,
    taxes: [...taxes.values()].sort((a, b) => b.ratePercent - a.ratePercent),
    refunds,
    transactions,
    expectedCash: byPayment.CASH,
  };
}

export interface CloseInput {
  expectedCash: number;
  countedCash: number;
  cashReason: string;
  expectedStock: Partial<Record<TokenState, number>>;
  countedStock: Partial<Record<TokenState, number>>;
  stockReason: string;
  pendingApprovals: number;
}

/** Whether the day may be closed as counted: nothing pending, and every difference explained. */
export function checkClose(c: CloseInput): { cashDifference: number; stockDifferences: { state: TokenState; expected: number; counted: number }[] } {
  if (c.pendingApprovals > 0) {
    refuse('APPROVALS_PENDING', `検印待ちの依頼が${c.pendingApprovals}件あります。承認または否認してから締めてください。`);
  }
  if (!Number.isSafeInteger(c.countedCash) || c.countedCash < 0) refuse('CASH_COUNT', '数えた現金の金額を円単位で入力してください。', 'countedCash');
  const cashDifference = c.countedCash - c.expectedCash;
  if (cashDifference !== 0 && c.cashReason.trim() === '') {
    refuse('CASH_DIFFERENCE_REASON', '現金に過不足があります。理由を入力してください。', 'cashReason');
  }
  const states = new Set([...Object.keys(c.expectedStock), ...Object.keys(c.countedStock)] as TokenState[]);
  const stockDifferences = [...states]
    .map((state) => ({ state, expected: c.expectedStock[state] ?? 0, counted: c.countedStock[state] ?? c.expectedStock[state] ?? 0 }))
    .filter((d) => d.expected !== d.counted);
  if (stockDifferences.length > 0 && c.stockReason.trim() === '') {
    refuse('STOCK_DIFFERENCE_REASON', 'トークンの在庫数が帳簿と合いません。理由を入力してください。', 'stockReason');
  }
  return { cashDifference, stockDifferences };
}
