import { describe, expect, it } from 'vitest';
import { checkSuspensionByForm, checkSymptoms, feeKindFor } from '../../../domain/counter-rules';

describe('fee per reason', () => {
  it.each(['FAULT', 'DAMAGE', 'BATTERY'] as const)('%s with the old token handed in is a free replacement', (reason) => {
    expect(feeKindFor(reason, true)).toBe('HW_TOKEN_EXCHANGE');
  });
  it.each(['FAULT', 'DAMAGE', 'BATTERY', 'LOST', 'STOLEN'] as const)('%s without the old token is a paid reissue', (reason) => {
    expect(feeKindFor(reason, false)).toBe('HW_TOKEN_REISSUE');
  });
  it.each(['LOST', 'STOLEN'] as const)('%s cannot come with the token in hand', (reason) => {
    expect(() => feeKindFor(reason, true)).toThrow(/交換/);
  });
});

describe('symptoms must fit the replacement reason', () => {
  const none = { faultMark: false, batteryLowMark: false, physicalDamage: false };
  it('a fault needs the fault mark, damage needs visible damage', () => {
    expect(() => checkSymptoms('FAULT', none)).toThrow(/故障表示/);
    expect(() => checkSymptoms('DAMAGE', none)).toThrow(/破損/);
    expect(() => checkSymptoms('FAULT', { ...none, faultMark: true })).not.toThrow();
    expect(() => checkSymptoms('DAMAGE', { ...none, physicalDamage: true })).not.toThrow();
  });
  it('a dead battery may show nothing at all', () => {
    expect(() => checkSymptoms('BATTERY', none)).not.toThrow();
  });
});

describe('suspension by paper form', () => {
  it('is for feature-phone contracts only', () => {
    expect(() => checkSuspensionByForm(true)).not.toThrow();
    expect(() => checkSuspensionByForm(false)).toThrow(/WEBバンキングの「利用中止」/);
  });
});
