/** How the screens word the sync with the bank. */
import { formatJstTime, jstDate, type SyncStatus } from '../services/contract';

/** "10:35" today, "11/24 10:35" on another day (Japan time): when the sync last heard from the bank. */
export function shortMoment(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const time = formatJstTime(at).slice(0, 5);
  const day = jstDate(at);
  return day === jstDate(now) ? time : `${day.slice(5).replace('-', '/')} ${time}`;
}

/** The header's main state: 本部未登録 / オフライン（HH:MM から） / 未送信 N件 / 同期済み. */
export function syncStateText(s: SyncStatus): string {
  if (!s.enrolled) return '本部未登録';
  if (s.offlineSince) return `オフライン（${shortMoment(s.offlineSince)} から）`;
  return s.pending > 0 ? `未送信 ${s.pending}件` : '同期済み';
}

/** Rejections to resolve, and a sync that retrying will not cure (a revoked terminal): a manager's to look at. */
export function attentionCount(s: SyncStatus): number {
  return s.openRejections + (s.blocked ? 1 : 0);
}

/** As of when the contract's state is the bank's word; offline, the counter works from the last pull and says so. */
export function bankAsOfText(bank: { asOf: string | null; offline: boolean }): string {
  const asOf = bank.asOf ? `${shortMoment(bank.asOf)} 時点` : '本部からまだ受け取っていません';
  return bank.offline ? `${asOf}（本部に接続できないため、前回の同期の情報です）` : asOf;
}
