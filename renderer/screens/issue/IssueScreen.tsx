import { call } from '../../api';
import { StepsHeader } from '../../counter/CounterSteps';
import type { StockInfo } from '../../counter/session';
import { STOCK_LOOKUP, useCounterFlow, useLookup, type FlowSpec, type Update } from '../../counter/useCounterFlow';
import { useFeeQuote } from '../../hooks/useFeeQuote';
import { IssueInputStep, ISSUE_FORM_PREFIX } from './IssueInputStep';
import { IssueConfirmStep } from './IssueConfirmStep';
import { IssueDone } from './IssueDone';
import { ISSUE_LABELS, NEW_SESSION, precheck, toRequest, type IssueDraft, type IssueResult, type IssueSession } from './draft';

const ISSUE_FLOW: FlowSpec<IssueDraft, IssueResult, { serial: StockInfo }> = {
  fresh: NEW_SESSION,
  formPrefix: ISSUE_FORM_PREFIX,
  labels: () => ISSUE_LABELS,
  precheck,
  send: async (s) => {
    const request = toRequest(s.draft);
    const r = await call('issue', request);
    return r.ok ? { ok: true, value: { ...r.value, payment: request.payment, waived: request.feeWaiverApprovalId !== undefined } } : r;
  },
  doneMessage: (r) => `受付番号 ${r.receiptNo} で発行を受け付けました。`,
};

type Props = {
  /** Kept by the app so that the form survives a visit to another menu. */
  session: IssueSession;
  update: Update<IssueSession>;
};

/** 発行受付: ハードウェアトークン発行申込書 → 確認 → 確定 → 領収書. */
export function IssueScreen({ session, update }: Props) {
  const { fee, error: feeError } = useFeeQuote('HW_TOKEN_ISSUE');
  const lookupSerial = useLookup(session, update, 'serial', STOCK_LOOKUP);
  const flow = useCounterFlow(session, update, ISSUE_FLOW);

  const result = session.result;
  return (
    <section className="screen" aria-labelledby="issue-title">
      <StepsHeader titleId="issue-title" title="ハードウェアトークン発行申込書" step={session.step} />
      {session.step === 'input' ? (
        <IssueInputStep
          session={session}
          bind={flow.bind}
          fee={fee}
          feeError={feeError}
          onChange={flow.setField}
          onSerialCommit={() => void lookupSerial()}
          onConfirm={flow.confirm}
          onClear={flow.clear}
        />
      ) : null}
      {session.step === 'confirm' ? (
        <IssueConfirmStep
          draft={session.draft}
          lookup={session.lookups.serial}
          fee={fee}
          onFeeWaiver={(waiver) => flow.setField('feeWaiver', waiver)}
          message={session.message}
          busy={flow.busy}
          onBack={flow.back}
          onIssue={() => void flow.commit()}
        />
      ) : null}
      {session.step === 'done' && result ? (
        <IssueDone
          result={result}
          receipts={flow.receipts}
          onNext={flow.next}
        />
      ) : null}
    </section>
  );
}
