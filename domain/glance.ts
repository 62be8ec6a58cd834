/** The managers' 概況: which acts the chart counts, over how many days, and when a battery is old. */
import { jstDate } from './format';
import { JOURNAL_KINDS, journalGroup, type JournalKind } from './journal-kinds';

/** How far the chart looks back, today included. */
export const GLANCE_DAYS = 30;

/** DOMAIN.md: a token's battery lasts about 5 years; a replacement is offered half a year before. */
export const BATTERY_OFFER_MONTHS = 54;
/** The same age in words: "4年6か月". */
export const BATTERY_OFFER_AGE = `${Math.floor(BATTERY_OFFER_MONTHS / 12)}年${BATTERY_OFFER_MONTHS % 12}か月`;

/** The low-stock threshold a branch starts with (店舗設定 changes it). */
export const DEFAULT_LOW_STOCK_THRESHOLD = 20;

/** The acts the chart shows, in the journal's order: counter transactions and reprints. */
export const GLANCE_ACTS = (Object.keys(JOURNAL_KINDS) as JournalKind[]).filter((k) => {
  const group = journalGroup(k);
  return group === 'counter' || group === 'reprint';
});

/** The last `n` days in Japan, oldest first, as the journal's day counts name them: ["2026-10-27", …, "2026-11-25"]. */
export function lastDays(now: Date, n: number = GLANCE_DAYS): string[] {
  const [y, m, d] = jstDate(now).split('-').map(Number) as [number, number, number];
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(y, m - 1, d - (n - 1 - i))).toISOString().slice(0, 10));
}

/** Tokens handed out before this moment are near the end of their battery. */
export function batteryOfferBefore(now: Date): Date {
  const t = new Date(now.getTime());
  t.setUTCMonth(t.getUTCMonth() - BATTERY_OFFER_MONTHS);
  return t;
}

/** The branch should order tokens: fewer in stock than the threshold it set. */
export function isLowStock(inStock: number, threshold: number): boolean {
  return inStock < threshold;
}

/** How long a token has been out, as a manager says it: "4年8か月". */
export function formatAge(issuedAt: Date, now: Date): string {
  const months = (now.getUTCFullYear() - issuedAt.getUTCFullYear()) * 12 + now.getUTCMonth() - issuedAt.getUTCMonth() - (now.getUTCDate() < issuedAt.getUTCDate() ? 1 : 0);
  return `${Math.floor(months / 12)}年${months % 12}か月`;
}
