import { describe, expect, it } from 'vitest';
import { branchCorrection, correctionSubject, describeCorrection, parseCorrectionSubject } from '../../../domain/branch-correction';
import { DomainError } from '../../../domain/errors';

const BRANCH = { branchName: '本店営業部', invoiceRegNo: 'T7000012050002', terminalNo: '01' };

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('a branch correction', () => {
  it('names each changed field before and after, normalised by the setup rules, in a subject that reads back the same', () => {
    const c = branchCorrection(BRANCH, { branchName: ' 駅前支店 ', invoiceRegNo: BRANCH.invoiceRegNo, terminalNo: '３' });
    expect(c).toEqual({ branchName: { from: '本店営業部', to: '駅前支店' }, terminalNo: { from: '01', to: '03' } });
    const subject = correctionSubject(c);
    expect(subject).toBe('{"branchName":{"from":"本店営業部","to":"駅前支店"},"terminalNo":{"from":"01","to":"03"}}');
    expect(parseCorrectionSubject(subject)).toEqual(c);
    expect(describeCorrection(c)).toBe('店名 本店営業部 → 駅前支店、端末番号 01 → 03');
  });

  it('refuses every wrong field at once, and a correction that changes nothing', () => {
    expect(refusal(() => branchCorrection(BRANCH, { branchName: '', invoiceRegNo: 'T7000012050003', terminalNo: '123' })).fieldErrors).toEqual({
      branchName: '店舗名を入力してください',
      invoiceRegNo: '登録番号の数字に誤りがあります。登録通知書の番号をもう一度確認して入力してください',
      terminalNo: '端末番号は数字2桁以内で入力してください',
    });
    expect(refusal(() => branchCorrection(BRANCH, { terminalNo: '1' })).code).toBe('CORRECTION_EMPTY');
  });

  it('reads only a subject it wrote', () => {
    for (const s of ['駅前支店', '{}', '{"bankName":{"from":"a","to":"b"}}', '{"branchName":{"from":"a"}}', '{"branchName":{"from":"a","to":"b","x":1}}']) {
      expect(refusal(() => parseCorrectionSubject(s)).code).toBe('CORRECTION_SUBJECT');
    }
  });
});
