import { DonePanel } from '../../counter/CounterSteps';
import { feeText } from '../../counter/FeeBox';
import { WAIVED_FEE_TEXT } from '../../counter/FeeWaiver';
import type { Receipts } from '../../hooks/useReceipts';
import { formatYen, PAYMENT_LABELS } from '../../../services/contract';
import type { IssueResult } from './draft';

type Props = {
  result: IssueResult;
  receipts: Receipts;
  onNext: () => void;
};

/** Step 3: 受付番号 and 受付時刻, the receipt, and 次のお客さま. */
export function IssueDone({ result, receipts, onNext }: Props) {
  return (
    <DonePanel
      receiptNo={result.receiptNo}
      acceptedAt={result.acceptedAt}
      rows={[
        ['シリアル番号', result.serial, 'issued-serial'],
        ['手数料', result.waived ? WAIVED_FEE_TEXT : feeText(result.fee)],
        ['お支払方法', PAYMENT_LABELS[result.payment]],
      ]}
      documentName="領収書"
      receipts={receipts}
      onNext={onNext}
    >
      <p>
        {result.payment === 'CASH' && result.fee.totalInclTax > 0 ? `${formatYen(result.fee.totalInclTax)}をお預かりし、` : ''}
        領収書をお渡しください。トークンの利用登録は、お客さまご自身でインターネットバンキングの「利用開始」から行っていただきます。
      </p>
    </DonePanel>
  );
}
