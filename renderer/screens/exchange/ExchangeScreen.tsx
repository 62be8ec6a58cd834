import { formatYen, PAYMENT_LABELS, type ResponseOf, type SerialFormat } from '../../../services/contract';
import { call, type Result } from '../../api';
import { contractText } from '../../counter/ContractSection';
import type { SummaryRow } from '../../components/SummaryList';
import { ConfirmPanel, DonePanel, StepsHeader } from '../../counter/CounterSteps';
import { feeText } from '../../counter/FeeBox';
import { appliedWaiver, FeeWaiverPanel, WAIVED_FEE_TEXT } from '../../counter/FeeWaiver';
import { printedSerial, serialWithState } from '../../counter/TokenFromStock';
import { identityDocumentLabel } from '../../counter/IdentityDocumentField';
import { lookedUp } from '../../counter/session';
import { CONTRACT_LOOKUP, STOCK_LOOKUP, useCounterFlow, useLookup, type FlowSpec, type Update } from '../../counter/useCounterFlow';
import { useSerialFormat } from '../../hooks/useBranch';
import { useFeeQuote } from '../../hooks/useFeeQuote';
import type { Receipts } from '../../hooks/useReceipts';
import { ExchangeInputStep, EXCHANGE_FORM_PREFIX } from './ExchangeInputStep';
import {
  exchangeLabels,
  NEW_EXCHANGE_SESSION,
  precheck,
  reasonLabel,
  SYMPTOM_LABELS,
  toExchangeRequest,
  toReissueRequest,
  transactionLabel,
  type ExchangeDraft,
  type ExchangeLookups,
  type ExchangeResult,
  type ExchangeSession,
  type Symptoms,
} from './draft';

const EXCHANGE_FLOW: FlowSpec<ExchangeDraft, ExchangeResult, ExchangeLookups> = {
  fresh: NEW_EXCHANGE_SESSION,
  formPrefix: EXCHANGE_FORM_PREFIX,
  labels: (s) => exchangeLabels(s.draft.kind),
  precheck,
  send: async ({ draft }): Promise<Result<ExchangeResult>> => {
    const label = reasonLabel(draft);
    if (draft.kind === 'EXCHANGE') {
      const r = await call('exchange', toExchangeRequest(draft));
      return r.ok ? { ok: true, value: { ...r.value, kind: 'EXCHANGE', reasonLabel: label } } : r;
    }
    const request = toReissueRequest(draft);
    const r = await call('reissue', request);
    return r.ok ? { ok: true, value: { ...r.value, kind: 'REISSUE', reasonLabel: label, payment: request.payment, waived: request.feeWaiverApprovalId !== undefined } } : r;
  },
  doneMessage: (r) => `受付番号 ${r.receiptNo} で${r.kind === 'EXCHANGE' ? '交換' : '再発行'}を受け付けました。`,
};

type Props = {
  /** Kept by the app so that the form survives a visit to another menu. */
  session: ExchangeSession;
  update: Update<ExchangeSession>;
};

/** 交換・再発行: 交換（故障・破損・電池切れ、引換で無料） or 紛失・盗難（有料の再発行）. */
export function ExchangeScreen({ session, update }: Props) {
  const { fee: reissueFee, error: reissueFeeError } = useFeeQuote('HW_TOKEN_REISSUE');
  const { fee: exchangeFee, error: exchangeFeeError } = useFeeQuote('HW_TOKEN_EXCHANGE');
  const lookupContract = useLookup(session, update, 'contractId', CONTRACT_LOOKUP);
  const lookupNewSerial = useLookup(session, update, 'newSerial', STOCK_LOOKUP);
  const flow = useCounterFlow(session, update, EXCHANGE_FLOW);
  const serialFormat = useSerialFormat();
  const draft = session.draft;

  return (
    <section className="screen" aria-labelledby="exchange-title">
      <StepsHeader titleId="exchange-title" title="ハードウェアトークン 交換・再発行" step={session.step} />
      {session.step === 'input' ? (
        <ExchangeInputStep
          session={session}
          bind={flow.bind}
          labels={flow.labels}
          reissueFee={reissueFee}
          reissueFeeError={reissueFeeError}
          exchangeFee={exchangeFee}
          exchangeFeeError={exchangeFeeError}
          // Another kind asks for another reason.
          onKind={(kind) => update((s) => ({ ...s, draft: { ...s.draft, kind, reason: s.draft.kind === kind ? s.draft.reason : '' } }))}
          onContractCommit={() => void lookupContract()}
          onNewSerialCommit={() => void lookupNewSerial()}
          onConfirm={flow.confirm}
          onClear={flow.clear}
        />
      ) : null}
      {session.step === 'confirm' ? (
        <ConfirmPanel
          rows={confirmRows(session, reissueFee, serialFormat)}
          message={session.message}
          busy={flow.busy}
          onBack={flow.back}
          onCommit={() => void flow.commit()}
        >
          {draft.kind === 'REISSUE' ? (
            <>
              <FeeWaiverPanel contractId={draft.contractId} waiver={draft.feeWaiver} onChange={(waiver) => flow.setField('feeWaiver', waiver)} />
              <p className="warning-box" role="note">
                確定すると、ご利用中のトークン（{lookedUp(session.lookups.contractId, draft.contractId)?.currentSerial ?? '—'}
                ）は利用停止となり、見つかっても再度ご利用いただけません。
              </p>
            </>
          ) : null}
        </ConfirmPanel>
      ) : null}
      {session.step === 'done' && session.result ? (
        <ExchangeDone
          result={session.result}
          receipts={flow.receipts}
          onNext={flow.next}
        />
      ) : null}
    </section>
  );
}

function symptomsText(s: Symptoms): string {
  const ticked = (Object.keys(SYMPTOM_LABELS) as Array<keyof Symptoms>).filter((k) => s[k]).map((k) => SYMPTOM_LABELS[k]);
  return ticked.length > 0 ? ticked.join('、') : 'なし';
}

function confirmRows(session: ExchangeSession, reissueFee: ResponseOf<'feesQuote'> | null, serialFormat: SerialFormat): SummaryRow[] {
  const d = session.draft;
  const contract = lookedUp(session.lookups.contractId, d.contractId);
  const rows: SummaryRow[] = [
    ['契約者ID', contractText(d.contractId, contract)],
    ['受付内容', transactionLabel(d)],
  ];
  if (d.kind === 'EXCHANGE') {
    rows.push(
      ['症状', symptomsText(d.symptoms)],
      ['お預かりしたトークン', printedSerial(d.oldSerial, serialFormat)],
      ['現在のトークンのワンタイムパスワード', d.oldOtp.trim() ? '入力済（確定時に照合します）' : '入力なし'],
    );
  } else {
    rows.push(['利用停止するトークン', contract?.currentSerial ? printedSerial(contract.currentSerial, serialFormat) : '—']);
  }
  rows.push(
    ['本人確認書類', identityDocumentLabel(d.identityDocument)],
    ['新しいトークン', serialWithState(d.newSerial, session.lookups.newSerial, serialFormat)],
    ['新しいトークンのワンタイムパスワード', '入力済（確定時に照合します）'],
  );
  if (d.kind === 'EXCHANGE') rows.push(['手数料', feeText({ totalInclTax: 0, tax: 0 })]);
  else rows.push(['手数料', appliedWaiver(d.feeWaiver, d.contractId) ? WAIVED_FEE_TEXT : feeText(reissueFee), 'confirm-fee'], ['お支払方法', d.payment ? PAYMENT_LABELS[d.payment] : '—']);
  return rows;
}

function ExchangeDone({ result, receipts, onNext }: { result: ExchangeResult; receipts: Receipts; onNext: () => void }) {
  const exchange = result.kind === 'EXCHANGE';
  const before = exchange ? result.oldSerial : result.lostSerial;
  const rows: SummaryRow[] = [
    ['受付内容', `${exchange ? '交換' : '再発行'}（${result.reasonLabel}）`],
    ['シリアル番号（変更前）', before, 'old-serial'],
    ['シリアル番号（変更後）', result.newSerial, 'new-serial'],
    ['手数料', !exchange && result.waived ? WAIVED_FEE_TEXT : feeText(result.fee), 'fee-charged'],
  ];
  if (!exchange) rows.push(['お支払方法', PAYMENT_LABELS[result.payment]]);
  return (
    <DonePanel
      receiptNo={result.receiptNo}
      acceptedAt={result.acceptedAt}
      rows={rows}
      documentName={exchange ? '交換受付票' : '領収書'}
      receipts={receipts}
      onNext={onNext}
    >
      {exchange ? (
        <p>
          交換受付票をお渡しください。お預かりしたトークン（{before}）は回収トークンとして保管し、ベンダーへ返却します。
        </p>
      ) : (
        <p>
          {result.payment === 'CASH' && result.fee.totalInclTax > 0 ? `${formatYen(result.fee.totalInclTax)}をお預かりし、` : ''}
          領収書をお渡しください。紛失・盗難のトークン（{before}）は利用を停止しました。
        </p>
      )}
      <p>新しいトークンは、お客さまご自身でWEBバンキングの「利用開始」から登録していただきます。</p>
    </DonePanel>
  );
}
