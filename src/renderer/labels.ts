/** Screen wording for codes that come from the API. (Move to src/domain when it has labels.) */
import type { Role, TokenState } from '../domain/types';

export const TOKEN_STATE_LABELS: Record<TokenState, string> = {
  IN_STOCK: '在庫',
  ISSUED: '発行済',
  ACTIVE: '利用中',
  EXCHANGED: '交換回収',
  RETURNED_TO_VENDOR: '返却済',
  LOST: '紛失・盗難',
  SUSPENDED: '利用中止',
  DAMAGED_IN_STOCK: '在庫破損',
  DISPOSED: '廃棄',
};

export const ROLE_LABELS: Record<Role, string> = {
  teller: '係',
  manager: '役席',
};

export type Payment = 'CASH' | 'ACCOUNT_DEBIT';

export const PAYMENT_LABELS: Record<Payment, string> = {
  CASH: '現金',
  ACCOUNT_DEBIT: '口座振替',
};

export const ALGORITHM_LABELS: Record<string, string> = {
  TOTP: 'TOTP（時刻同期）',
  HOTP: 'HOTP（イベント同期）',
};

export function tokenStateLabel(state: string): string {
  return (TOKEN_STATE_LABELS as Record<string, string>)[state] ?? state;
}
