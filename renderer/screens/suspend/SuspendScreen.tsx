import { SERIAL_RULES } from '../../../services/contract';
import { call } from '../../api';
import { SerialMatchBadge } from '../../counter/LookupBadge';
import { ContractSection, contractText } from '../../counter/ContractSection';
import { ConfirmPanel, DonePanel, InputActions, StepsHeader } from '../../counter/CounterSteps';
import { ErrorSummary } from '../../components/ErrorSummary';
import { feeText } from '../../counter/FeeBox';
import { CheckboxField, TextField } from '../../components/Field';
import { IdentitySection, identityDocumentLabel } from '../../counter/IdentityDocumentField';
import { KeyboardForm } from '../../components/KeyboardForm';
import { lookedUp } from '../../counter/session';
import { serialInput } from '../../counter/bind';
import { printedSerial } from '../../counter/TokenFromStock';
import { useSerialFormat } from '../../hooks/useBranch';
import { CONTRACT_LOOKUP, useCounterFlow, useLookup, type FlowSpec, type Update } from '../../counter/useCounterFlow';
import {
  NEW_SUSPEND_SESSION,
  onlineOnly,
  precheck,
  SUSPEND_LABELS,
  toRequest,
  type SuspendDraft,
  type SuspendLookups,
  type SuspendResult,
  type SuspendSession,
} from './draft';

const PREFIX = 'suspend';
const FREE = feeText({ totalInclTax: 0, tax: 0 });

const SUSPEND_FLOW: FlowSpec<SuspendDraft, SuspendResult, SuspendLookups> = {
  fresh: NEW_SUSPEND_SESSION,
  formPrefix: PREFIX,
  labels: () => SUSPEND_LABELS,
  precheck,
  send: (s) => call('suspend', toRequest(s.draft)),
  doneMessage: (r) => `受付番号 ${r.receiptNo} で利用中止を受け付けました（${r.serial}）。`,
};

type Props = {
  /** Kept by the app so that the form survives a visit to another menu. */
  session: SuspendSession;
  update: Update<SuspendSession>;
};

/** What the customer gives up; said on the form and again before 確定. */
function SuspensionWarning() {
  return (
    <div className="warning-box" role="note" aria-labelledby="suspend-warning-title">
      <p id="suspend-warning-title" className="warning-title">
        ご注意（お客さまにご説明ください）
      </p>
      <ul>
        <li>
          利用中止の後は、<strong>お振込等の資金移動のお取引が制限されます</strong>。
        </li>
        <li>
          利用中止したトークン（シリアル番号）は、<strong>二度とご利用・再登録いただけません</strong>。
        </li>
        <li>再開するには、窓口で新しいハードウェアトークンの発行をお申込みのうえ、WEBバンキングの「利用開始」から登録していただきます。</li>
      </ul>
    </div>
  );
}

/** 利用中止届（携帯電話のお客さま）: ガラケーでは利用中止をWEBでできないため、窓口で受け付けます. */
export function SuspendScreen({ session, update }: Props) {
  const lookupContract = useLookup(session, update, 'contractId', CONTRACT_LOOKUP);
  const flow = useCounterFlow(session, update, SUSPEND_FLOW);
  const serialFormat = useSerialFormat();
  const bind = flow.bind;
  const { draft, fieldErrors: errors, result } = session;
  const contract = lookedUp(session.lookups.contractId, draft.contractId);
  // A smartphone or PC contract stops its token online: the rest of the form does not apply.
  const refusal = onlineOnly(contract);
  const matchId = `${PREFIX}-serial-match`;

  return (
    <section className="screen" aria-labelledby="suspend-title">
      <StepsHeader titleId="suspend-title" title="利用中止届（携帯電話のお客さま）" step={session.step} />
      {session.step === 'input' ? (
        <KeyboardForm idPrefix={PREFIX} onSubmit={flow.confirm} aria-labelledby="suspend-title">
          <ErrorSummary message={session.message} fieldErrors={errors} labels={SUSPEND_LABELS} />
          <p className="lead">
            携帯電話（ガラケー）のお客さまは、WEBバンキングで利用中止の操作ができないため、当金庫所定の利用中止届を窓口で受け付けます。
          </p>
          <div className="issue-columns">
            <div className="issue-column">
              <ContractSection {...bind('contractId')} lookup={session.lookups.contractId} onCommit={() => void lookupContract()} refusal={refusal} />
              <IdentitySection {...bind('identityDocument')} disabled={refusal !== null} />
            </div>
            <div className="issue-column">
              <fieldset className="form-section" disabled={refusal !== null}>
                <legend>利用中止するトークン</legend>
                <TextField
                  {...serialInput(bind('serial'), serialFormat)}
                  className="w-serial"
                  maxLength={40}
                  hint={`利用中止届に記入されたシリアル番号（トークン裏面の${SERIAL_RULES[serialFormat].onToken}）`}
                  afterId={matchId}
                  after={<SerialMatchBadge id={matchId} typed={draft.serial} contract={contract} />}
                />
                <SuspensionWarning />
                <CheckboxField
                  name="explained"
                  label="上記をお客さまにご説明し、ご了承いただきました"
                  checked={draft.explained}
                  onChange={bind('explained').onChange}
                  error={errors.explained}
                />
                <p className="fee-line">手数料：{FREE}</p>
              </fieldset>
            </div>
          </div>
          <InputActions onClear={flow.clear} />
        </KeyboardForm>
      ) : null}
      {session.step === 'confirm' ? (
        <ConfirmPanel
          rows={[
            ['契約者ID', contractText(draft.contractId, contract)],
            ['お取引', '利用中止届（携帯電話のお客さま）'],
            ['利用中止するトークン', printedSerial(draft.serial, serialFormat)],
            ['本人確認書類', identityDocumentLabel(draft.identityDocument)],
            ['手数料', FREE],
          ]}
          message={session.message}
          busy={flow.busy}
          onBack={flow.back}
          onCommit={() => void flow.commit()}
        >
          <SuspensionWarning />
        </ConfirmPanel>
      ) : null}
      {session.step === 'done' && result ? (
        <DonePanel
          receiptNo={result.receiptNo}
          acceptedAt={result.acceptedAt}
          rows={[
            ['利用中止したシリアル番号', result.serial, 'suspended-serial'],
            ['手数料', FREE],
          ]}
          documentName="利用中止受付票"
          receipts={flow.receipts}
          onNext={flow.next}
        >
          <p>
            利用中止受付票をお渡しください。<strong>本日ただいまより、お振込等の資金移動のお取引は制限されます。</strong>
          </p>
          <p>再開をご希望の際は、新しいハードウェアトークンの発行を窓口でお申込みいただきます。</p>
        </DonePanel>
      ) : null}
    </section>
  );
}
