/**
 * Correcting the branch after setup (店名, 登録番号, 端末番号): a request a second manager approves
 * (検印, kind BRANCH_CORRECTION). The request names each field's value before and after, so that an
 * approval applies only to the branch it was asked for; documents already printed keep theirs.
 */
import { FieldCheck, refuse, refuseForm } from './errors';
import { validateBranchName, validateInvoiceRegNo, validateTerminalNo, type Branch } from './validation';

export const CORRECTABLE_FIELDS = ['branchName', 'invoiceRegNo', 'terminalNo'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const CORRECTABLE_FIELD_LABELS: Record<CorrectableField, string> = { branchName: '店名', invoiceRegNo: '登録番号', terminalNo: '端末番号' };

const RULES: Record<CorrectableField, (raw: string) => string> = {
  branchName: validateBranchName,
  invoiceRegNo: validateInvoiceRegNo,
  terminalNo: validateTerminalNo,
};

export type BranchCorrection = Partial<Record<CorrectableField, { from: string; to: string }>>;
export type CorrectionInput = Partial<Record<CorrectableField, string>>;

/** The fields that change, each checked by the rule setup applied; refused when nothing would change. Field errors by field name. */
export function branchCorrection(branch: Pick<Branch, CorrectableField>, input: CorrectionInput): BranchCorrection {
  const f = new FieldCheck();
  const changes: BranchCorrection = {};
  for (const field of CORRECTABLE_FIELDS) {
    const raw = input[field];
    if (raw === undefined) continue;
    const to = f.take(field, () => RULES[field](raw));
    if (to !== undefined && to !== branch[field]) changes[field] = { from: branch[field], to };
  }
  if (!f.ok) return refuseForm(f.errors);
  if (Object.keys(changes).length === 0) refuse('CORRECTION_EMPTY', '訂正する内容がありません。いまの店舗情報と同じです。');
  return changes;
}

/** The request's subject, as the approval keeps it: the fields in a fixed order. */
export function correctionSubject(c: BranchCorrection): string {
  return JSON.stringify(Object.fromEntries(CORRECTABLE_FIELDS.filter((k) => c[k]).map((k) => [k, c[k]])));
}

/** A subject written by correctionSubject, or a refusal (e.g. a subject typed by hand). */
export function parseCorrectionSubject(subject: string): BranchCorrection {
  let parsed: unknown;
  try {
    parsed = JSON.parse(subject);
  } catch {
    parsed = null;
  }
  const ok =
    parsed !== null &&
    typeof parsed === 'object' &&
    Object.keys(parsed).length > 0 &&
    Object.entries(parsed).every(
      ([k, v]) => (CORRECTABLE_FIELDS as readonly string[]).includes(k) && typeof v?.from === 'string' && typeof v?.to === 'string' && Object.keys(v).length === 2,
    );
  if (!ok) refuse('CORRECTION_SUBJECT', '店舗情報の訂正の内容を読み取れません。店舗設定から訂正を依頼し直してください。', 'subject');
  return parsed as BranchCorrection;
}

/** 「店名 本店営業部 → 駅前支店、端末番号 01 → 02」, for the request list and the log. */
export function describeCorrection(c: BranchCorrection): string {
  return CORRECTABLE_FIELDS.filter((k) => c[k])
    .map((k) => `${CORRECTABLE_FIELD_LABELS[k]} ${c[k]!.from} → ${c[k]!.to}`)
    .join('、');
}
