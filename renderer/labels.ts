/** Screen wording for codes that come from the API. Token states are worded by the domain. */
import { TOKEN_STATE_LABELS } from '../domain/token-lifecycle';
import type { Role } from '../domain/types';

export { TOKEN_STATE_LABELS };

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
