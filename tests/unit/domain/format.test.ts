import { describe, expect, it } from 'vitest';
import { formatJstDate, formatJstDateTime, formatYen, japaneseEraYear, jstDate } from '../../../domain/format';

describe('dates in Japan time, whatever the machine’s zone', () => {
  it('takes the business date and the time in JST', () => {
    const lateUtc = new Date('2026-11-25T16:30:05Z');
    expect(jstDate(lateUtc)).toBe('2026-11-26');
    expect(formatJstDateTime(lateUtc)).toBe('2026年11月26日 01時30分05秒');
    expect(formatJstDate(lateUtc)).toBe('2026年11月26日');
  });

  it('takes the same business date as the time-zone database for Asia/Tokyo, every 37 minutes of two years', () => {
    const tokyo = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });
    const from = Date.parse('2025-12-31T00:00:00Z');
    for (let t = from; t < from + 2 * 366 * 86_400_000; t += 37 * 60_000) {
      expect(jstDate(new Date(t))).toBe(tokyo.format(t));
    }
  });

  it('gives the 和暦 year, 元年 included, changing era on the JST date', () => {
    expect(japaneseEraYear(new Date('2026-11-25T01:00:00Z'))).toBe('令和8年');
    expect(japaneseEraYear(new Date('2019-04-30T14:59:59Z'))).toBe('平成31年');
    expect(japaneseEraYear(new Date('2019-04-30T15:00:00Z'))).toBe('令和元年');
  });

  it('puts the 和暦 year beside the 西暦 one only where asked', () => {
    const at = new Date('2026-11-25T01:35:25Z');
    expect(formatJstDate(at, { era: true })).toBe('2026年（令和8年）11月25日');
    expect(formatJstDateTime(at, { era: true })).toBe('2026年（令和8年）11月25日 10時35分25秒');
    expect(formatJstDateTime(at, { era: false })).toBe('2026年11月25日 10時35分25秒');
  });
});

describe('formatYen', () => {
  it('groups thousands and adds 円', () => {
    expect(formatYen(2200)).toBe('2,200円');
    expect(formatYen(0)).toBe('0円');
    expect(formatYen(1234567)).toBe('1,234,567円');
  });
});
