import { ACCOUNT_SUBJECTS, PAYMENT_LABELS, validateApplicationForm, type ResponseOf } from '../../../services/contract';
import type { SummaryRow } from '../../components/SummaryList';
import { ConfirmPanel } from '../../counter/CounterSteps';
import { feeText } from '../../counter/FeeBox';
import { appliedWaiver, FeeWaiverPanel, WAIVED_FEE_TEXT, type FeeWaiver } from '../../counter/FeeWaiver';
import { identityDocumentLabel } from '../../counter/IdentityDocumentField';
import type { Lookup, StockInfo } from '../../counter/session';
import { serialWithState } from '../../counter/TokenFromStock';
import { useSerialFormat } from '../../hooks/useBranch';
import type { IssueDraft } from './draft';

type Props = {
  draft: IssueDraft;
  lookup: Lookup<StockInfo>;
  fee: ResponseOf<'feesQuote'> | null;
  onFeeWaiver: (waiver: FeeWaiver | null) => void;
  message: string | null;
  busy: boolean;
  onBack: () => void;
  onIssue: () => void;
};

/** Step 2: read the summary with the customer, then 確定. Enter on 確定 confirms. */
export function IssueConfirmStep({ draft, lookup, fee, onFeeWaiver, message, busy, onBack, onIssue }: Props) {
  // What is printed and recorded, not what was typed: the form as the domain normalises it
  // (half-width digits, one full-width space in a name, kana as stored). 確認 is reached only with a valid form.
  const form = validateApplicationForm(draft);
  const serialFormat = useSerialFormat();
  const v = form.ok ? form.value : null;
  const rows: SummaryRow[] = [
    ['契約者ID', v?.contractId ?? draft.contractId],
    ['お名前（漢字）', v?.nameKanji ?? draft.nameKanji],
    ['フリガナ', v?.nameKana ?? draft.nameKana],
    ['代表口座', v ? `${v.account.branchCode}－${ACCOUNT_SUBJECTS[v.account.subject]}－${v.account.number}` : '—'],
    ['携帯電話（ガラケー）利用', draft.featurePhone ? 'あり' : 'なし'],
    ['本人確認書類', identityDocumentLabel(draft.identityDocument)],
    ['お届け印', draft.sealChecked ? '照合済' : '未照合'],
    ['シリアル番号', serialWithState(draft.serial, lookup, serialFormat)],
    ['ワンタイムパスワード', '入力済（確定時に照合します）'],
    ['手数料', appliedWaiver(draft.feeWaiver, draft.contractId) ? WAIVED_FEE_TEXT : feeText(fee), 'confirm-fee'],
    ['お支払方法', draft.payment ? PAYMENT_LABELS[draft.payment] : '—'],
  ];
  return (
    <ConfirmPanel rows={rows} message={message} busy={busy} onBack={onBack} onCommit={onIssue}>
      <FeeWaiverPanel contractId={draft.contractId} waiver={draft.feeWaiver} onChange={onFeeWaiver} />
    </ConfirmPanel>
  );
}
