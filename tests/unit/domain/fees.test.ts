import { describe, expect, it } from 'vitest';
import { refusal } from '../../support/refusal';
import { DEFAULT_FEE_RULES, findFeeRule, quoteFee, taxIncludedSplit } from '../../../domain/fees';
import type { FeeRule } from '../../../domain/types';

describe('DEFAULT_FEE_RULES', () => {
  it('holds the three published fees at 10 % from 2019-10-01', () => {
    expect(DEFAULT_FEE_RULES).toEqual([
      { kind: 'HW_TOKEN_ISSUE', effectiveFrom: '2019-10-01', totalInclTax: 2200, taxRatePercent: 10, description: 'ハードウェアトークン発行手数料' },
      { kind: 'HW_TOKEN_REISSUE', effectiveFrom: '2019-10-01', totalInclTax: 2200, taxRatePercent: 10, description: 'ハードウェアトークン再発行手数料（紛失・盗難）' },
      { kind: 'HW_TOKEN_EXCHANGE', effectiveFrom: '2019-10-01', totalInclTax: 0, taxRatePercent: 10, description: 'ハードウェアトークン交換（故障・破損・電池切れ）' },
    ]);
  });
});

describe('quoteFee', () => {
  it('splits the 2,200 yen issue fee into 2,000 + 200 tax', () => {
    expect(quoteFee(DEFAULT_FEE_RULES, 'HW_TOKEN_ISSUE', '2026-11-25')).toEqual({
      kind: 'HW_TOKEN_ISSUE',
      description: 'ハードウェアトークン発行手数料',
      totalInclTax: 2200,
      net: 2000,
      tax: 200,
      taxRatePercent: 10,
    });
  });

  it('charges a lost token as a paid reissue and a replacement as free', () => {
    const lost = quoteFee(DEFAULT_FEE_RULES, 'HW_TOKEN_REISSUE', '2026-11-25');
    expect([lost.totalInclTax, lost.net, lost.tax]).toEqual([2200, 2000, 200]);
    const repl = quoteFee(DEFAULT_FEE_RULES, 'HW_TOKEN_EXCHANGE', '2026-11-25');
    expect([repl.totalInclTax, repl.net, repl.tax]).toEqual([0, 0, 0]);
    expect(repl.description).toBe('ハードウェアトークン交換（故障・破損・電池切れ）');
  });

  it('applies the first day of a rule inclusively', () => {
    expect(quoteFee(DEFAULT_FEE_RULES, 'HW_TOKEN_ISSUE', '2019-10-01').totalInclTax).toBe(2200);
  });
});

describe('taxIncludedSplit rounds the tax down once per invoice', () => {
  it.each([
    [2200, 10, 2000, 200],
    [1000, 10, 910, 90], // 90.90… → 90
    [1099, 10, 1000, 99], // 99.909… → 99
    [1, 10, 1, 0],
    [1080, 8, 1000, 80],
    [3300, 10, 3000, 300],
    [0, 10, 0, 0],
  ])('%i yen at %i %% → net %i, tax %i', (total, rate, net, tax) => {
    expect(taxIncludedSplit(total, rate)).toEqual({ net, tax });
  });

  it('refuses a negative or fractional amount', () => {
    expect(refusal(() => taxIncludedSplit(-1, 10)).code).toBe('FEE_AMOUNT');
    expect(refusal(() => taxIncludedSplit(10.5, 10)).code).toBe('FEE_AMOUNT');
  });
});

describe('findFeeRule', () => {
  const rules: FeeRule[] = [
    { kind: 'HW_TOKEN_ISSUE', effectiveFrom: '2027-04-01', totalInclTax: 3300, taxRatePercent: 10, description: '新料金' },
    { kind: 'HW_TOKEN_REISSUE', effectiveFrom: '2014-04-01', totalInclTax: 2160, taxRatePercent: 8, description: '旧再発行' },
    { kind: 'HW_TOKEN_ISSUE', effectiveFrom: '2014-04-01', totalInclTax: 2160, taxRatePercent: 8, description: '8%時代' },
    { kind: 'HW_TOKEN_ISSUE', effectiveFrom: '2019-10-01', totalInclTax: 2200, taxRatePercent: 10, description: '現行' },
  ];

  it('takes the latest rule in force on the business date, whatever the list order', () => {
    expect(findFeeRule(rules, 'HW_TOKEN_ISSUE', '2019-09-30').description).toBe('8%時代');
    expect(findFeeRule(rules, 'HW_TOKEN_ISSUE', '2019-10-01').description).toBe('現行');
    expect(findFeeRule(rules, 'HW_TOKEN_ISSUE', '2027-03-31').description).toBe('現行');
    expect(findFeeRule(rules, 'HW_TOKEN_ISSUE', '2027-04-01').description).toBe('新料金');
  });

  it('quotes the old 8 % fee on a date when it applied', () => {
    expect(quoteFee(rules, 'HW_TOKEN_REISSUE', '2018-01-05')).toMatchObject({ net: 2000, tax: 160, taxRatePercent: 8 });
  });

  it('refuses with FEE_RULE_MISSING before any rule, or for a kind without rules', () => {
    const before = refusal(() => findFeeRule(DEFAULT_FEE_RULES, 'HW_TOKEN_ISSUE', '2019-09-30'));
    expect(before.code).toBe('FEE_RULE_MISSING');
    expect(before.message).toContain('2019-09-30');
    expect(refusal(() => findFeeRule(rules, 'HW_TOKEN_EXCHANGE', '2026-01-01')).code).toBe('FEE_RULE_MISSING');
  });

  it('refuses a business date that is not YYYY-MM-DD', () => {
    expect(refusal(() => findFeeRule(DEFAULT_FEE_RULES, 'HW_TOKEN_ISSUE', '2026/11/25')).code).toBe('BUSINESS_DATE');
    expect(refusal(() => findFeeRule(DEFAULT_FEE_RULES, 'HW_TOKEN_ISSUE', '2026-13-01')).code).toBe('BUSINESS_DATE');
  });
});
