import type { ChangeEvent, ReactNode } from 'react';
import type { ResponseOf } from '../../../services/contract';
import { ACCOUNT_SUBJECTS, IDENTITY_DOCUMENTS } from '../../../domain/types';
import { formatYen } from '../../../domain/format';
import { KeyboardForm } from '../../components/KeyboardForm';
import { CheckboxField, RadioGroup, SelectField, TextField } from '../../components/Field';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PAYMENT_LABELS, type Payment } from '../../labels';
import { toFullWidthKatakana } from '../../../domain/validation';
import { ISSUE_LABELS, type IssueDraft, type SerialLookup } from './draft';

export const ISSUE_FORM_PREFIX = 'issue';

type Fee = ResponseOf<'feesQuote'>;

type Props = {
  draft: IssueDraft;
  fieldErrors: Record<string, string>;
  message: string | null;
  lookup: SerialLookup;
  fee: Fee | null;
  feeError: string | null;
  onChange: <K extends keyof IssueDraft>(key: K, value: IssueDraft[K]) => void;
  onSerialCommit: () => void;
  onConfirm: () => void;
  onClear: () => void;
};

const SUBJECT_OPTIONS = Object.entries(ACCOUNT_SUBJECTS) as Array<[keyof typeof ACCOUNT_SUBJECTS, string]>;
const DOCUMENT_OPTIONS = Object.entries(IDENTITY_DOCUMENTS) as Array<[keyof typeof IDENTITY_DOCUMENTS, string]>;
const PAYMENT_OPTIONS = Object.entries(PAYMENT_LABELS) as Array<[Payment, string]>;

const OTP_INSTRUCTION = 'お客さまにトークンの①ボタンを押していただき、表示された6桁を入力してください';

/** Step 1: the application form, the token and the fee. */
export function IssueInputStep(props: Props) {
  const { draft, fieldErrors: errors, message, lookup, fee, feeError, onChange } = props;
  const text = (key: 'contractId' | 'nameKanji' | 'nameKana' | 'accountBranch' | 'accountNumber' | 'serial' | 'otp') => ({
    name: key,
    label: ISSUE_LABELS[key],
    value: draft[key],
    error: errors[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => onChange(key, e.target.value),
  });

  return (
    <KeyboardForm idPrefix={ISSUE_FORM_PREFIX} onSubmit={props.onConfirm} aria-labelledby="issue-title">
      <ErrorSummary message={message} fieldErrors={errors} labels={ISSUE_LABELS} />

      <div className="issue-columns">
        <div className="issue-column">
          <fieldset className="form-section">
            <legend>お客さま</legend>
            <TextField {...text('contractId')} className="w-medium" maxLength={40} hint="インターネットバンキングの利用者番号" />
            <TextField {...text('nameKanji')} className="w-wide" maxLength={60} />
            <TextField
              {...text('nameKana')}
              className="w-wide"
              maxLength={80}
              hint="全角カタカナ（ひらがな・半角カナは自動で全角カタカナにします）"
              onBlur={() => {
                const kana = toFullWidthKatakana(draft.nameKana);
                if (kana !== draft.nameKana) onChange('nameKana', kana);
              }}
            />
            <fieldset className="subgroup">
              <legend className="field-label">代表口座</legend>
              <div className="field-row field-row--account">
                <TextField
                  {...text('accountBranch')}
                  label="店番"
                  aria-label="代表口座 店番"
                  inputMode="numeric"
                  maxLength={3}
                  className="w-3"
                />
                <span className="account-sep" aria-hidden="true">
                  －
                </span>
                <SelectField
                  name="accountSubject"
                  label="科目"
                  options={SUBJECT_OPTIONS}
                  value={draft.accountSubject}
                  error={errors.accountSubject}
                  onChange={(e) => onChange('accountSubject', e.target.value as IssueDraft['accountSubject'])}
                  className="w-subject"
                />
                <span className="account-sep" aria-hidden="true">
                  －
                </span>
                <TextField {...text('accountNumber')} inputMode="numeric" maxLength={7} className="w-7" />
              </div>
            </fieldset>
            <CheckboxField
              name="featurePhone"
              label="携帯電話（ガラケー）利用"
              checked={draft.featurePhone}
              onChange={(v) => onChange('featurePhone', v)}
              error={errors.featurePhone}
              hint="ガラケーのお客さまはハードウェアトークンのみご利用いただけます。利用中止はインターネットではできず、窓口への届出になります。"
            />
          </fieldset>
        </div>

        <div className="issue-column">
          <fieldset className="form-section">
            <legend>ご本人確認</legend>
            <SelectField
              name="identityDocument"
              label="本人確認書類"
              placeholder="選択してください"
              options={DOCUMENT_OPTIONS}
              value={draft.identityDocument}
              error={errors.identityDocument}
              onChange={(e) => onChange('identityDocument', e.target.value as IssueDraft['identityDocument'])}
              className="w-medium"
              hint="書類の種類のみ記録します。マイナンバーカードの場合も、個人番号（マイナンバー）は記録しません。"
            />
            <CheckboxField
              name="sealChecked"
              label="お届け印 照合済"
              checked={draft.sealChecked}
              onChange={(v) => onChange('sealChecked', v)}
              error={errors.sealChecked}
            />
          </fieldset>

          <fieldset className="form-section">
            <legend>トークン</legend>
            <TextField
              {...text('serial')}
              className="w-serial"
              maxLength={40}
              hint="トークン裏面の12桁の英数字。バーコードを読み取るか入力してください。"
              afterId="issue-serial-state"
              after={<SerialState lookup={lookup} serial={draft.serial} />}
              onBlur={props.onSerialCommit}
            />
            <TextField
              {...text('otp')}
              className="w-otp"
              inputMode="numeric"
              maxLength={6}
              hint={OTP_INSTRUCTION}
            />
          </fieldset>

          <fieldset className="form-section">
            <legend>手数料</legend>
            <FeeBox fee={fee} error={feeError} />
            <RadioGroup
              name="payment"
              label="お支払方法"
              options={PAYMENT_OPTIONS}
              value={draft.payment}
              onChange={(v) => onChange('payment', v)}
              error={errors.payment}
              hint={draft.payment === 'ACCOUNT_DEBIT' ? '代表口座から引き落とします。' : undefined}
            />
          </fieldset>
        </div>
      </div>

      <div className="actions">
        <button type="button" className="button button--secondary" onClick={props.onClear}>
          入力をクリア
        </button>
        <button type="submit" className="button button--primary">
          確認
        </button>
      </div>
    </KeyboardForm>
  );
}

function SerialState({ lookup, serial }: { lookup: SerialLookup; serial: string }) {
  let content: ReactNode = null;
  let tone = '';
  if (lookup.status !== 'idle' && lookup.serial === serial) {
    if (lookup.status === 'loading') content = '確認中…';
    else if (lookup.status === 'ok') {
      content = lookup.stateLabel;
      tone = lookup.state === 'IN_STOCK' ? 'badge--ok' : 'badge--warn';
    } else {
      content = lookup.message;
      tone = 'badge--error';
    }
  }
  return (
    <span id="issue-serial-state" className={`badge ${tone}`} aria-live="polite" data-testid="serial-state">
      {content}
    </span>
  );
}

function FeeBox({ fee, error }: { fee: Fee | null; error: string | null }) {
  if (error) {
    return (
      <p className="field-error" role="alert">
        手数料を取得できません：{error}
      </p>
    );
  }
  if (!fee) return <p className="fee-box">手数料を確認しています…</p>;
  return (
    <div className="fee-box" data-testid="fee">
      <span className="fee-description">{fee.description}</span>
      <span className="fee-amount">
        {formatYen(fee.totalInclTax)}
        <span className="fee-tax-note">（税込）</span>
      </span>
      <span className="fee-tax">
        うち消費税 {formatYen(fee.tax)}（{fee.taxRatePercent}%対象）
      </span>
    </div>
  );
}
