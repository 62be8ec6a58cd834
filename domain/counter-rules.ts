/**
 * Which fee a replacement owes, and who may hand in which form. Free replacement needs the
 * old token in the teller's hand; without it the customer pays as for a lost token.
 */
import { refuse } from './errors';
import type { FeeKind } from './types';

/** 交換: the old token is handed in, free. */
export const EXCHANGE_REASONS = ['FAULT', 'DAMAGE', 'BATTERY'] as const;
export type ExchangeReason = (typeof EXCHANGE_REASONS)[number];
export const EXCHANGE_REASON_LABELS: Record<ExchangeReason, string> = { FAULT: '故障', DAMAGE: '破損', BATTERY: '電池切れ' };
/** 紛失・盗難の再発行: nothing handed in, the old serial is stopped, paid. */
export const REISSUE_REASONS = ['LOST', 'STOLEN'] as const;
export type ReissueReason = (typeof REISSUE_REASONS)[number];
export const REISSUE_REASON_LABELS: Record<ReissueReason, string> = { LOST: '紛失', STOLEN: '盗難' };

export function isExchangeReason(reason: string): reason is ExchangeReason {
  return (EXCHANGE_REASONS as readonly string[]).includes(reason);
}

export function feeKindFor(reason: ExchangeReason | ReissueReason, oldTokenHandedIn: boolean): FeeKind {
  const free = isExchangeReason(reason);
  if (free && oldTokenHandedIn) return 'HW_TOKEN_EXCHANGE';
  if (!free && oldTokenHandedIn) {
    refuse('REASON_MISMATCH', 'トークンをお持ちの場合は紛失・盗難ではなく交換（故障・破損・電池切れ）で受け付けてください。', 'reason');
  }
  return 'HW_TOKEN_REISSUE';
}

/**
 * The symptoms the teller ticks must fit the reason: a fault shows the fault mark, damage is
 * visible. A dead battery may show the battery mark or nothing at all, so it needs no tick.
 */
export function checkSymptoms(
  reason: ExchangeReason,
  s: { faultMark: boolean; batteryLowMark: boolean; physicalDamage: boolean },
): void {
  const fits = { FAULT: s.faultMark, DAMAGE: s.physicalDamage, BATTERY: true }[reason];
  if (!fits) {
    const need = reason === 'FAULT' ? '故障表示' : '外観の破損';
    refuse('SYMPTOM_MISMATCH', `交換理由「${EXCHANGE_REASON_LABELS[reason]}」の場合は、${need}を確認してチェックしてください。`, 'symptoms');
  }
}

/** Only feature-phone customers hand in the paper 利用中止届; the others stop the token online. */
export function checkSuspensionByForm(featurePhone: boolean): void {
  if (!featurePhone) {
    refuse(
      'SUSPEND_ONLINE',
      'この契約はスマートフォン・パソコンのご利用です。利用中止はWEBバンキングの「利用中止」からお客さまご自身で行っていただくようご案内ください。',
      'contractId',
    );
  }
}
