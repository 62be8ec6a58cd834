import { EXCHANGE_REASON_LABELS, MAX_OTP_DIGITS, otpDigitsText, REISSUE_REASON_LABELS, SERIAL_RULES, type ResponseOf } from '../../../services/contract';
import { SerialMatchBadge } from '../../counter/LookupBadge';
import { ContractSection } from '../../counter/ContractSection';
import { InputActions } from '../../counter/CounterSteps';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FeeBox } from '../../counter/FeeBox';
import { CheckboxGroup, RadioGroup, TextField } from '../../components/Field';
import { useFieldId } from '../../components/formScope';
import { IdentitySection } from '../../counter/IdentityDocumentField';
import { KeyboardForm } from '../../components/KeyboardForm';
import { useSerialFormat } from '../../hooks/useBranch';
import { PaymentField } from '../../counter/PaymentField';
import { TokenFromStock } from '../../counter/TokenFromStock';
import { serialInput, textInput, type Binder } from '../../counter/bind';
import { lookedUp, type ContractInfo } from '../../counter/session';
import { KIND_LABELS, oldTokenDigits, SYMPTOM_LABELS, type ExchangeDraft, type ExchangeKind, type ExchangeSession, type Symptoms } from './draft';

export const EXCHANGE_FORM_PREFIX = 'exchange';

const KIND_OPTIONS = Object.entries(KIND_LABELS) as Array<[ExchangeKind, string]>;
const SYMPTOM_OPTIONS = Object.entries(SYMPTOM_LABELS) as Array<[keyof Symptoms, string]>;
const REASONS = {
  EXCHANGE: {
    options: Object.entries(EXCHANGE_REASON_LABELS) as Array<[ExchangeDraft['reason'], string]>,
    hint: undefined,
  },
  REISSUE: {
    options: Object.entries(REISSUE_REASON_LABELS) as Array<[ExchangeDraft['reason'], string]>,
    hint: '確定すると、ご利用中のトークンは利用停止となり、見つかっても再度ご利用いただけません。',
  },
};

type Props = {
  session: ExchangeSession;
  bind: Binder<ExchangeDraft>;
  labels: Readonly<Record<string, string>>;
  reissueFee: ResponseOf<'feesQuote'> | null;
  exchangeFee: ResponseOf<'feesQuote'> | null;
  exchangeFeeError: string | null;
  reissueFeeError: string | null;
  onKind: (kind: ExchangeKind) => void;
  onContractCommit: () => void;
  onNewSerialCommit: () => void;
  onConfirm: () => void;
  onClear: () => void;
};

/** Step 1: the contract, what happened to the token, the old token (交換), the new token, the fee. */
export function ExchangeInputStep(props: Props) {
  const { session, bind } = props;
  const { draft, fieldErrors: errors } = session;
  const contract = lookedUp(session.lookups.contractId, draft.contractId);
  const symptoms = bind('symptoms');

  return (
    <KeyboardForm idPrefix={EXCHANGE_FORM_PREFIX} onSubmit={props.onConfirm} aria-labelledby="exchange-title">
      <ErrorSummary message={session.message} fieldErrors={errors} labels={props.labels} />

      <div className="issue-columns">
        <div className="issue-column">
          <ContractSection {...bind('contractId')} lookup={session.lookups.contractId} onCommit={props.onContractCommit} />

          <fieldset className="form-section">
            <legend>お申出の内容</legend>
            <RadioGroup
              {...bind('kind')}
              options={KIND_OPTIONS}
              onChange={props.onKind}
              hint="トークンをお持ちの場合は交換（無料）。お持ちでない場合は紛失・盗難（再発行手数料がかかります）。"
            />
            {draft.kind !== '' ? <RadioGroup {...bind('reason')} options={REASONS[draft.kind].options} hint={REASONS[draft.kind].hint} /> : null}
            {draft.kind === 'EXCHANGE' ? (
              <CheckboxGroup
                {...symptoms}
                options={SYMPTOM_OPTIONS}
                values={symptoms.value}
                onChange={(key, checked) => symptoms.onChange({ ...symptoms.value, [key]: checked })}
                hint="お預かりしたトークンで確認できたものをチェックしてください。電池切れのトークンは何も表示されないことがあります。"
              />
            ) : null}
          </fieldset>

          {draft.kind === 'EXCHANGE' ? <OldToken bind={bind} contract={contract} /> : null}
        </div>

        <div className="issue-column">
          <IdentitySection {...bind('identityDocument')} />

          <TokenFromStock
            legend="新しいトークン"
            serial={bind('newSerial')}
            otp={bind('newOtp')}
            lookup={session.lookups.newSerial}
            onSerialCommit={props.onNewSerialCommit}
          />

          <fieldset className="form-section">
            <legend>手数料</legend>
            {draft.kind === '' ? <p className="fee-box">受付区分を選択すると表示します。</p> : null}
            {draft.kind === 'EXCHANGE' ? (
              <FeeBox fee={props.exchangeFee} error={props.exchangeFeeError} />
            ) : null}
            {draft.kind === 'REISSUE' ? (
              <>
                <FeeBox fee={props.reissueFee} error={props.reissueFeeError} />
                <PaymentField {...bind('payment')} />
              </>
            ) : null}
          </fieldset>
        </div>
      </div>

      <InputActions onClear={props.onClear} />
    </KeyboardForm>
  );
}

/** お預かりしたトークン: its serial (checked against the contract at once) and, if it still shows one, its code. */
function OldToken({ bind, contract }: { bind: Binder<ExchangeDraft>; contract: ContractInfo | null }) {
  const matchId = `${useFieldId('oldSerial')}-match`;
  const oldSerial = bind('oldSerial');
  const serialFormat = useSerialFormat();
  const digits = oldTokenDigits(contract);
  return (
    <fieldset className="form-section">
      <legend>お預かりしたトークン</legend>
      <TextField
        {...serialInput(oldSerial, serialFormat)}
        className="w-serial"
        maxLength={40}
        hint={`お預かりしたトークン裏面の${SERIAL_RULES[serialFormat].onToken}。バーコードを読み取るか入力してください。`}
        afterId={matchId}
        after={<SerialMatchBadge id={matchId} typed={oldSerial.value} contract={contract} />}
      />
      <TextField
        {...textInput(bind('oldOtp'))}
        className="w-otp"
        inputMode="numeric"
        maxLength={digits ?? MAX_OTP_DIGITS}
        hint={`任意。表示が出る場合は、①ボタンを押して表示された${otpDigitsText(digits)}を入力してください。電池切れのトークンは何も表示されないことがあります。その場合は空欄のままで受け付けられます。`}
      />
    </fieldset>
  );
}
