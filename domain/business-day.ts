/**
 * The bank's business days (営業日): not Saturday or Sunday, not a public holiday (the
 * @holiday-jp/holiday_jp calendar), not 12月31日〜1月3日, when banks are closed by law
 * (銀行法施行令 5条). Dates are JST calendar dates, "2026-11-25".
 */
import holidayJp from '@holiday-jp/holiday_jp';

function utcDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function addDays(date: string, days: number): string {
  const d = utcDay(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isBusinessDay(date: string): boolean {
  const weekday = utcDay(date).getUTCDay();
  const monthDay = date.slice(5);
  if (weekday === 0 || weekday === 6) return false;
  if (monthDay === '12-31' || monthDay <= '01-03') return false;
  return !Object.hasOwn(holidayJp.holidays, date);
}

/** The first business day after `date`. */
export function nextBusinessDay(date: string): string {
  let d = addDays(date, 1);
  while (!isBusinessDay(d)) d = addDays(d, 1);
  return d;
}

/** The business day work done on `date` belongs to: that day, or the next business day when the bank is closed. */
export function businessDayFor(date: string): string {
  return isBusinessDay(date) ? date : nextBusinessDay(date);
}
