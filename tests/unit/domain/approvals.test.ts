import { describe, expect, it } from 'vitest';
import { checkApprover, validateReason } from '../../../domain/approvals';
import { refusal } from '../../support/refusal';

describe('maker and checker', () => {
  it('need two different people, the checker a manager', () => {
    expect(() => checkApprover('tel01', { operatorId: 'mgr01', role: 'manager' })).not.toThrow();
    expect(refusal(() => checkApprover('mgr01', { operatorId: 'mgr01', role: 'manager' })).code).toBe('APPROVER_IS_MAKER');
    expect(refusal(() => checkApprover('tel01', { operatorId: 'tel02', role: 'teller' })).code).toBe('APPROVER_NOT_MANAGER');
  });

  it('record a reason as written, and refuse none', () => {
    expect(validateReason(' お客さまの申出（二重申込） ')).toBe('お客さまの申出（二重申込）');
    expect(refusal(() => validateReason(' ')).field).toBe('reason');
  });
});
