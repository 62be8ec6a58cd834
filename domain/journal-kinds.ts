/**
 * Every kind of journal entry, with the word the screens and reports use for it. A kind is
 * stored in the hash-chained ledger, so a kind is never renamed once entries carry it.
 */

/** What an entry is about, for filters and the day's figures. */
export const JOURNAL_GROUPS = ['counter', 'refusal', 'reprint', 'approval', 'close', 'stock', 'access', 'admin'] as const;
export type JournalGroup = (typeof JOURNAL_GROUPS)[number];

export const JOURNAL_GROUP_LABELS: Record<JournalGroup, string> = {
  counter: '窓口の取引',
  refusal: '受付できなかった操作',
  reprint: '再発行',
  approval: '検印',
  close: '日計・締め',
  stock: '在庫',
  access: 'ログイン・閲覧',
  admin: '設定・オペレーター',
};

export const JOURNAL_KINDS = {
  BRANCH_SETUP: { label: '初期設定', group: 'admin' },
  BRANCH_SETTINGS_CHANGED: { label: '店舗設定変更', group: 'admin' },
  PRINTER_SETTINGS_CHANGED: { label: 'プリンター設定変更', group: 'admin' },
  BRANCH_CORRECTED: { label: '店舗情報の訂正', group: 'admin' },
  RECOVERY_PASSPHRASE_SET: { label: '復元用パスフレーズの設定', group: 'admin' },
  RECOVERY_PASSPHRASE_CHANGED: { label: '復元用パスフレーズの変更', group: 'admin' },
  DATA_KEY_RESTORED: { label: 'データ鍵の復元', group: 'admin' },
  DATA_KEY_RESTORE_FAILED: { label: 'データ鍵の復元失敗', group: 'refusal' },
  LOGIN: { label: 'ログイン', group: 'access' },
  LOGIN_FAILED: { label: 'ログイン失敗', group: 'refusal' },
  LOGOUT: { label: 'ログアウト', group: 'access' },
  OPERATOR_LOCKED: { label: 'オペレーターロック', group: 'access' },
  OPERATOR_CREATED: { label: 'オペレーター登録', group: 'admin' },
  OPERATOR_UNLOCKED: { label: 'ロック解除', group: 'admin' },
  OPERATOR_PASSWORD_CHANGED: { label: 'パスワード変更', group: 'admin' },
  OPERATOR_PASSWORD_RESET: { label: 'パスワード再設定', group: 'admin' },
  OPERATOR_ROLE_CHANGED: { label: '役割変更', group: 'admin' },
  OPERATOR_RETIRED: { label: '退職登録', group: 'admin' },
  MANAGER_RECOVERED: { label: '役席者の復旧（端末のコマンド）', group: 'admin' },
  MANAGER_RECOVERY_REFUSED: { label: '役席者の復旧できず（端末のコマンド）', group: 'refusal' },
  SEED_IMPORTED: { label: 'シード取込', group: 'stock' },
  SEED_IMPORT_REFUSED: { label: 'シード取込できず', group: 'refusal' },
  TOKEN_ISSUED: { label: 'ハードウェアトークン発行', group: 'counter' },
  TOKEN_EXCHANGED: { label: 'トークン交換', group: 'counter' },
  TOKEN_REISSUED_LOST: { label: '紛失・盗難の再発行', group: 'counter' },
  TOKEN_SUSPENDED: { label: '利用中止（届出）', group: 'counter' },
  OTP_REFUSED: { label: 'ワンタイムパスワード不一致', group: 'refusal' },
  COUNTER_REFUSED: { label: '受付できず', group: 'refusal' },
  RECEIPT_REPRINTED: { label: '領収書再発行', group: 'reprint' },
  RECEIPT_PRINT_FAILED: { label: '印刷できず', group: 'refusal' },
  TOKENS_RETURNED: { label: '回収返却', group: 'stock' },
  TOKEN_DAMAGED: { label: '在庫破損登録', group: 'stock' },
  TOKEN_DISPOSED: { label: '廃棄', group: 'stock' },
  TOKEN_RESYNCED: { label: 'トークン同期', group: 'stock' },
  TOKEN_FAILCOUNT_RESET: { label: '失敗回数リセット', group: 'stock' },
  STOCK_ALLOTTED: { label: '本部割当の受入', group: 'stock' },
  TERMINAL_ENROLLED: { label: '本部への端末登録', group: 'admin' },
  SYNC_REJECTION_RESOLVED: { label: '本部の差戻しを処理', group: 'admin' },
  TRANSACTION_VOIDED: { label: '取引の取消', group: 'counter' },
  APPROVAL_REQUESTED: { label: '検印依頼', group: 'approval' },
  APPROVAL_GRANTED: { label: '検印（承認）', group: 'approval' },
  APPROVAL_REFUSED: { label: '検印（否認）', group: 'approval' },
  DAY_CLOSED: { label: '日計・締め', group: 'close' },
  DAY_REOPENED: { label: '営業日の再開', group: 'close' },
  RECORD_VIEWED: { label: '記録の詳細表示', group: 'access' },
} as const satisfies Record<string, { label: string; group: JournalGroup }>;

export type JournalKind = keyof typeof JOURNAL_KINDS;

export function isJournalKind(kind: string): kind is JournalKind {
  return Object.hasOwn(JOURNAL_KINDS, kind);
}

/** The label of a stored kind; a kind this version does not know is shown as stored. */
export function journalKindLabel(kind: string): string {
  return isJournalKind(kind) ? JOURNAL_KINDS[kind].label : kind;
}

export function journalGroup(kind: string): JournalGroup | null {
  return isJournalKind(kind) ? JOURNAL_KINDS[kind].group : null;
}

/** A counter transaction: it has a 受付番号 and a printed receipt or slip. */
export type CounterKind = { [K in JournalKind]: (typeof JOURNAL_KINDS)[K]['group'] extends 'counter' ? K : never }[JournalKind];

export function isCounterKind(kind: string): kind is CounterKind {
  return journalGroup(kind) === 'counter';
}
