import type { ReactNode } from 'react';
import { IDENTITY_DOCUMENTS, type IdentityDocument } from '../../services/contract';
import type { Bound } from './bind';
import { SelectField } from '../components/Field';

const DOCUMENT_OPTIONS = Object.entries(IDENTITY_DOCUMENTS) as Array<[IdentityDocument, string]>;

/** 本人確認書類: the type of document only, never its number. Field name identityDocument. */
export function IdentityDocumentField({ value, error, onChange }: Bound<IdentityDocument | ''>) {
  return (
    <SelectField
      name="identityDocument"
      label="本人確認書類"
      placeholder="選択してください"
      options={DOCUMENT_OPTIONS}
      value={value}
      error={error}
      onChange={(e) => onChange(e.target.value as IdentityDocument | '')}
      className="w-medium"
      hint="書類の種類のみ記録します。マイナンバーカードの場合も、個人番号（マイナンバー）は記録しません。"
    />
  );
}

/** ご本人確認: the document checked, and whatever else the form checks (e.g. the registered seal). */
export function IdentitySection({ children, disabled, ...field }: Bound<IdentityDocument | ''> & { children?: ReactNode; disabled?: boolean }) {
  return (
    <fieldset className="form-section" disabled={disabled}>
      <legend>ご本人確認</legend>
      <IdentityDocumentField {...field} />
      {children}
    </fieldset>
  );
}

/** For summaries: the document's name, or a dash. */
export function identityDocumentLabel(value: IdentityDocument | ''): string {
  return value ? IDENTITY_DOCUMENTS[value] : '—';
}
