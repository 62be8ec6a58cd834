/**
 * What each kind of 検印 checks when it is asked for, and does when it is granted. A fee waiver
 * and a reprint are used later by the act they allow; see useApproval.
 */
import { onField } from '../domain/errors';
import { validateContractId } from '../domain/validation';
import type { ApprovalRules } from './approvals';
import { applyBranchCorrection, checkBranchCorrection } from './branch-correction';
import { checkReopenable, reopenDay } from './day-close';
import { checkReprintable } from './receipts';
import { checkFailedToken, resetFailCount } from './stock-admin';
import { checkVoidable, voidTransaction } from './void';

export const APPROVAL_RULES: ApprovalRules = {
  subject: {
    VOID: checkVoidable,
    FEE_WAIVER: (_p, raw) => onField('subject', () => validateContractId(raw)),
    REPRINT: checkReprintable,
    LOCK_OVERRIDE: checkFailedToken,
    DAY_REOPEN: checkReopenable,
    BRANCH_CORRECTION: checkBranchCorrection,
  },
  effect: {
    VOID: (p, a, maker, checker) => voidTransaction(p, maker, checker, a.subject, a.reason, a.id),
    LOCK_OVERRIDE: (p, a, maker, checker) => resetFailCount(p, checker, { serial: a.subject }, { approvalId: a.id, maker: maker.operatorId, checker: checker.operatorId }),
    DAY_REOPEN: (p, a, maker, checker) => reopenDay(p, maker, checker, a.subject, a.id),
    BRANCH_CORRECTION: (p, a, maker, checker) => applyBranchCorrection(p, a.subject, maker, checker, a.id),
  },
};
