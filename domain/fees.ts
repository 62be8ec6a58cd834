/**
 * Fees: an effective-dated table of tax-included prices, and the quote printed on a
 * qualified simplified invoice (適格簡易請求書). Pure: the business date is passed in.
 */
import { refuse } from './errors';
import type { FeeKind, FeeQuote, FeeRule } from './types';

/** The published fees (consumption tax 10 % since 2019-10-01). */
export const DEFAULT_FEE_RULES: FeeRule[] = [
  {
    kind: 'HW_TOKEN_ISSUE',
    effectiveFrom: '2019-10-01',
    totalInclTax: 2200,
    taxRatePercent: 10,
    description: 'ハードウェアトークン発行手数料',
  },
  {
    kind: 'HW_TOKEN_REISSUE',
    effectiveFrom: '2019-10-01',
    totalInclTax: 2200,
    taxRatePercent: 10,
    description: 'ハードウェアトークン再発行手数料（紛失・盗難）',
  },
  {
    kind: 'HW_TOKEN_EXCHANGE',
    effectiveFrom: '2019-10-01',
    totalInclTax: 0,
    taxRatePercent: 10,
    description: 'ハードウェアトークン交換（故障・破損・電池切れ）',
  },
];

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * The rule for `kind` in force on `businessDate` (YYYY-MM-DD, JST): the one with the latest
 * effectiveFrom not after that date. When two rules share that date, the later one in the
 * list wins (a correction appended to the table).
 */
export function findFeeRule(rules: FeeRule[], kind: FeeKind, businessDate: string): FeeRule {
  if (!ISO_DATE.test(businessDate)) {
    refuse('BUSINESS_DATE', `営業日の形式が正しくありません（${businessDate}）。YYYY-MM-DD で指定してください`);
  }
  let best: FeeRule | undefined;
  for (const rule of rules) {
    if (rule.kind !== kind || rule.effectiveFrom > businessDate) continue;
    if (best === undefined || rule.effectiveFrom >= best.effectiveFrom) best = rule;
  }
  if (best === undefined) {
    return refuse(
      'FEE_RULE_MISSING',
      `${businessDate} に適用される手数料（${kind}）が登録されていません。役席者に手数料表の確認を依頼してください`,
    );
  }
  return best;
}

/**
 * Splits a tax-included price: tax = floor(total × rate / (100 + rate)), rounded down once
 * per invoice; net = total − tax. 2,200 yen at 10 % → net 2,000, tax 200.
 */
export function taxIncludedSplit(totalInclTax: number, taxRatePercent: number): { net: number; tax: number } {
  if (!Number.isSafeInteger(totalInclTax) || totalInclTax < 0) {
    refuse('FEE_AMOUNT', `手数料の金額が正しくありません（${totalInclTax}）`);
  }
  if (!Number.isSafeInteger(taxRatePercent) || taxRatePercent < 0 || taxRatePercent > 100) {
    refuse('FEE_AMOUNT', `消費税率が正しくありません（${taxRatePercent}%）`);
  }
  // Both operands are integers: work in integers so no floating-point rounding can creep in.
  const numerator = totalInclTax * taxRatePercent;
  const denominator = 100 + taxRatePercent;
  const tax = (numerator - (numerator % denominator)) / denominator;
  return { net: totalInclTax - tax, tax };
}

export function quoteFee(rules: FeeRule[], kind: FeeKind, businessDate: string): FeeQuote {
  const rule = findFeeRule(rules, kind, businessDate);
  const { net, tax } = taxIncludedSplit(rule.totalInclTax, rule.taxRatePercent);
  return {
    kind: rule.kind,
    description: rule.description,
    totalInclTax: rule.totalInclTax,
    net,
    tax,
    taxRatePercent: rule.taxRatePercent,
  };
}
