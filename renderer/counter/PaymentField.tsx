import { PAYMENT_LABELS, type PaymentMethod } from '../../services/contract';
import type { Bound } from './bind';
import { RadioGroup } from '../components/Field';

const PAYMENT_OPTIONS = Object.entries(PAYMENT_LABELS) as Array<[PaymentMethod, string]>;

/** お支払方法 of a fee: 現金 or 口座振替 (from the representative account). Field name payment. */
export function PaymentField({ value, error, onChange }: Bound<PaymentMethod | ''>) {
  return (
    <RadioGroup
      name="payment"
      label="お支払方法"
      options={PAYMENT_OPTIONS}
      value={value}
      onChange={onChange}
      error={error}
      hint={value === 'ACCOUNT_DEBIT' ? '代表口座から引き落とします。' : undefined}
    />
  );
}
