import { formatJstTime, jstDate } from '../services/contract';

/** For lists: "2026-11-25 10:35:25" (Japan time); the text as given if it is not a time. */
export function formatListDateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${jstDate(at)} ${formatJstTime(at)}`;
}
