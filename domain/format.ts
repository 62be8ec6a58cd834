/** Presentation rules shared by receipts and screens: yen amounts and Japan time. */

const yen = new Intl.NumberFormat('ja-JP');

/** 2200 → "2,200円" */
export function formatYen(amount: number): string {
  return `${yen.format(amount)}円`;
}

/** 2200 → "¥2,200" */
export function formatYenSign(amount: number): string {
  return `¥${yen.format(amount)}`;
}

const JST = 'Asia/Tokyo';
const JST_OFFSET_MS = 9 * 3_600_000;

// Made once: building an Intl.DateTimeFormat costs far more than formatting with one.
const JST_PARTS = new Intl.DateTimeFormat('ja-JP', {
  timeZone: JST,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function jstParts(at: Date): Record<string, string> {
  return Object.fromEntries(JST_PARTS.formatToParts(at).map((p) => [p.type, p.value]));
}

/** The business date in Japan, whatever the machine's zone: "2026-11-25". */
export function jstDate(at: Date): string {
  // Japan keeps UTC+9 all year (no summer time since 1951): the UTC date nine hours on, without Intl,
  // which took 10-20 µs of every counter act.
  return new Date(at.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

const ERA_YEAR = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { timeZone: JST, era: 'long', year: 'numeric' });

/** The 和暦 year in Japan time: "令和8年", "令和元年", "平成31年". */
export function japaneseEraYear(at: Date): string {
  return ERA_YEAR.format(at);
}

/** Dates in 西暦, with the 和暦 year beside it where the bank wants it (`era`). */
export interface DateStyle {
  era?: boolean;
}

function yearMonthDay(at: Date, p: Record<string, string>, style: DateStyle): string {
  return `${p.year}年${style.era ? `（${japaneseEraYear(at)}）` : ''}${p.month}月${p.day}日`;
}

/** As on the bank's screens: "2026年11月25日 10時35分25秒" (with era: "2026年（令和8年）11月25日 …"). */
export function formatJstDateTime(at: Date, style: DateStyle = {}): string {
  const p = jstParts(at);
  return `${yearMonthDay(at, p, style)} ${p.hour}時${p.minute}分${p.second}秒`;
}

/** "2026年11月25日" (with era: "2026年（令和8年）11月25日"). */
export function formatJstDate(at: Date, style: DateStyle = {}): string {
  return yearMonthDay(at, jstParts(at), style);
}

/** "10:35:25" for lists. */
export function formatJstTime(at: Date): string {
  const p = jstParts(at);
  return `${p.hour}:${p.minute}:${p.second}`;
}
