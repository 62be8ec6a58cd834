import { describe, expect, it } from 'vitest';
import { businessDayFor, isBusinessDay, nextBusinessDay } from '../../../domain/business-day';

describe('bank business days', () => {
  it('are weekdays that are neither public holidays nor 12/31–1/3', () => {
    expect(isBusinessDay('2026-11-25')).toBe(true); // Wednesday
    expect(isBusinessDay('2026-11-28')).toBe(false); // Saturday
    expect(isBusinessDay('2026-11-23')).toBe(false); // 勤労感謝の日, a Monday
    expect(isBusinessDay('2026-12-31')).toBe(false); // Thursday, banks closed
    expect(isBusinessDay('2027-01-04')).toBe(true); // Monday after the new-year closing
  });

  it('move on past weekends, holidays and the year end', () => {
    expect(nextBusinessDay('2026-11-20')).toBe('2026-11-24'); // Friday → Tuesday after 勤労感謝の日
    expect(nextBusinessDay('2026-12-30')).toBe('2027-01-04');
    expect(nextBusinessDay('2027-04-28')).toBe('2027-04-30'); // 昭和の日 on the 29th
    expect(businessDayFor('2026-11-28')).toBe('2026-11-30');
    expect(businessDayFor('2026-11-25')).toBe('2026-11-25');
  });
});
