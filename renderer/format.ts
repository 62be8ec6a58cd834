import { formatJstDate, formatJstTime, jstDate } from '../services/contract';

/** For lists: "2026-11-25 10:35:25" (Japan time); the text as given if it is not a time. */
export function formatListDateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${jstDate(at)} ${formatJstTime(at)}`;
}

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];

/** A business date ("2026-11-25") as the screens say it: "2026年11月25日（水）". */
export function formatBusinessDate(date: string, era = false): string {
  const at = new Date(`${date}T00:00:00+09:00`);
  if (Number.isNaN(at.getTime())) return date;
  return `${formatJstDate(at, { era })}（${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]}）`;
}
