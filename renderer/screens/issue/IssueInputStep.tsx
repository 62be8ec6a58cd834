import { ACCOUNT_SUBJECTS, toFullWidthKatakana, type ResponseOf } from '../../../services/contract';
import { KeyboardForm } from '../../components/KeyboardForm';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { ErrorSummary } from '../../components/ErrorSummary';
import { InputActions } from '../../counter/CounterSteps';
import { FeeBox } from '../../counter/FeeBox';
import { IdentitySection } from '../../counter/IdentityDocumentField';
import { PaymentField } from '../../counter/PaymentField';
import { TokenFromStock } from '../../counter/TokenFromStock';
import { textInput, type Binder } from '../../counter/bind';
import { ISSUE_LABELS, type IssueDraft, type IssueSession } from './draft';

export const ISSUE_FORM_PREFIX = 'issue';

type Fee = ResponseOf<'feesQuote'>;

type Props = {
  session: IssueSession;
  bind: Binder<IssueDraft>;
  fee: Fee | null;
  feeError: string | null;
  onChange: <K extends keyof IssueDraft>(key: K, value: IssueDraft[K]) => void;
  onSerialCommit: () => void;
  onConfirm: () => void;
  onClear: () => void;
};

const SUBJECT_OPTIONS = Object.entries(ACCOUNT_SUBJECTS) as Array<[keyof typeof ACCOUNT_SUBJECTS, string]>;

/** Step 1: the application form, the token and the fee. */
export function IssueInputStep(props: Props) {
  const { session, bind, fee, feeError, onChange } = props;
  const { draft, fieldErrors: errors } = session;
  const text = (key: 'contractId' | 'nameKanji' | 'nameKana' | 'accountBranch' | 'accountNumber') => textInput(bind(key));

  return (
    <KeyboardForm idPrefix={ISSUE_FORM_PREFIX} onSubmit={props.onConfirm} aria-labelledby="issue-title">
      <ErrorSummary message={session.message} fieldErrors={errors} labels={ISSUE_LABELS} />

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
          <IdentitySection {...bind('identityDocument')}>
            <CheckboxField
              name="sealChecked"
              label="お届け印 照合済"
              checked={draft.sealChecked}
              onChange={(v) => onChange('sealChecked', v)}
              error={errors.sealChecked}
            />
          </IdentitySection>

          <TokenFromStock
            legend="トークン"
            serial={bind('serial')}
            otp={bind('otp')}
            lookup={session.lookups.serial}
            onSerialCommit={props.onSerialCommit}
          />

          <fieldset className="form-section">
            <legend>手数料</legend>
            <FeeBox fee={fee} error={feeError} />
            <PaymentField {...bind('payment')} />
          </fieldset>
        </div>
      </div>

      <InputActions onClear={props.onClear} />
    </KeyboardForm>
  );
}
