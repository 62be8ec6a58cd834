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

function jstParts(at: Date): Record<string, string> {
  const parts = new Intl.DateTimeFormat('ja-JP', {
    timeZone: JST,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  return Object.fromEntries(parts.map((p) => [p.type, p.value]));
}

/** The business date in Japan, whatever the machine's zone: "2026-11-25". */
export function jstDate(at: Date): string {
  const p = jstParts(at);
  return `${p.year}-${p.month}-${p.day}`;
}

/** As on the bank's screens: "2026年11月25日 10時35分25秒". */
export function formatJstDateTime(at: Date): string {
  const p = jstParts(at);
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}時${p.minute}分${p.second}秒`;
}

/** "2026年11月25日" */
export function formatJstDate(at: Date): string {
  const p = jstParts(at);
  return `${p.year}年${p.month}月${p.day}日`;
}

/** "10:35:25" for lists. */
export function formatJstTime(at: Date): string {
  const p = jstParts(at);
  return `${p.hour}:${p.minute}:${p.second}`;
}
