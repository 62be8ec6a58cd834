import { quoteFee } from '../domain/fees';
import { jstDate } from '../domain/format';
import type { FeeKind, FeeQuote, Operator } from '../domain/types';
import { readFeeRules } from '../db/branch-repo';
import { useApproval } from './approvals';
import type { Ports } from './ports';

/**
 * The fee an act charges: the fee table's for today, or nothing where a second person approved a
 * waiver (手数料の免除) for this contract; the waiver is used up with the act, and the fee it
 * waived is kept beside it.
 */
export function actFee(p: Ports, by: Operator, kind: FeeKind, now: Date, waiver: { approvalId: number | undefined; contractId: string }): { fee: FeeQuote; waived: { approvalId: number; fee: FeeQuote } | null } {
  const fee = quoteFee(readFeeRules(p.db), kind, jstDate(now));
  if (waiver.approvalId === undefined) return { fee, waived: null };
  const approval = useApproval(p, waiver.approvalId, 'FEE_WAIVER', waiver.contractId, by);
  return { fee: { ...fee, description: `${fee.description}（免除）`, totalInclTax: 0, net: 0, tax: 0 }, waived: { approvalId: approval.id, fee } };
}
