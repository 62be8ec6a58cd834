import { jstDate } from '../domain/format';
import type { JournalRow } from '../db/journal';
import type { JournalLine } from './contract';
import type { Ports } from './ports';

export const JOURNAL_KIND_LABELS: Record<string, string> = {
  BRANCH_SETUP: '初期設定',
  BRANCH_SETTINGS_CHANGED: '店舗設定変更',
  LOGIN: 'ログイン',
  LOGIN_FAILED: 'ログイン失敗',
  LOGOUT: 'ログアウト',
  OPERATOR_LOCKED: 'オペレーターロック',
  OPERATOR_CREATED: 'オペレーター登録',
  OPERATOR_UNLOCKED: 'ロック解除',
  SEED_IMPORTED: 'シード取込',
  TOKEN_ISSUED: 'ハードウェアトークン発行',
  RECEIPT_REPRINTED: '領収書再発行',
  TOKEN_EXCHANGED: 'トークン交換',
  TOKEN_REISSUED_LOST: '紛失・盗難再発行',
  TOKEN_SUSPENDED: '利用中止（届出）',
  TOKENS_RETURNED: 'ベンダー返却',
  TOKEN_DAMAGED: '在庫破損登録',
  TOKEN_DISPOSED: '廃棄',
  TOKEN_RESYNCED: 'トークン同期',
  TOKEN_FAILCOUNT_RESET: '失敗回数リセット',
};

function paymentOf(r: JournalRow): JournalLine['payment'] {
  if (r.amount === null) return null;
  const payment: unknown = (JSON.parse(r.payload) as { payment?: unknown }).payment;
  return payment === 'CASH' || payment === 'ACCOUNT_DEBIT' ? payment : null;
}

/** Today's entries (the JST business day), newest first. */
export function today(p: Ports): { entries: JournalLine[] } {
  const day = jstDate(p.now());
  const from = new Date(`${day}T00:00:00+09:00`).toISOString();
  const to = new Date(new Date(from).getTime() + 86_400_000).toISOString();
  const rows = p.db
    .prepare('SELECT * FROM journal WHERE occurred_at >= ? AND occurred_at < ? ORDER BY seq DESC')
    .all(from, to) as JournalRow[];
  return {
    entries: rows.map((r) => ({
      seq: r.seq,
      occurredAt: r.occurred_at,
      kind: r.kind,
      kindLabel: JOURNAL_KIND_LABELS[r.kind] ?? r.kind,
      operatorId: r.operator_id,
      receiptNo: r.receipt_no,
      serial: r.serial,
      contractId: r.contract_id,
      amount: r.amount,
      payment: paymentOf(r),
    })),
  };
}
