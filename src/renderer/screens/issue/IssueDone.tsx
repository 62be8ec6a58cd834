import { useEffect, useRef } from 'react';
import { formatJstDateTime, formatYen } from '../../../domain/format';
import { PAYMENT_LABELS } from '../../labels';
import type { ReceiptView } from '../../hooks/useReceipts';
import { ReceiptStatus } from '../../components/ReceiptStatus';
import type { IssueResult } from './draft';

type Props = {
  result: IssueResult;
  receipt: ReceiptView | undefined;
  onReceipt: () => void;
  onNext: () => void;
};

/** Step 3: 受付番号 and 受付時刻, the receipt, and 次のお客さま. */
export function IssueDone({ result, receipt, onReceipt, onNext }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="done" aria-labelledby="done-title">
      <h2 id="done-title" ref={heading} tabIndex={-1}>
        受付が完了しました
      </h2>
      <dl className="summary summary--done">
        <div className="summary-row summary-row--key">
          <dt>受付番号</dt>
          <dd data-testid="receipt-no">{result.receiptNo}</dd>
        </div>
        <div className="summary-row">
          <dt>受付時刻</dt>
          <dd data-testid="accepted-at">{formatJstDateTime(new Date(result.acceptedAt))}</dd>
        </div>
        <div className="summary-row">
          <dt>シリアル番号</dt>
          <dd data-testid="issued-serial">{result.serial}</dd>
        </div>
        <div className="summary-row">
          <dt>手数料</dt>
          <dd>
            {formatYen(result.fee.totalInclTax)}（税込） うち消費税 {formatYen(result.fee.tax)}
          </dd>
        </div>
        <div className="summary-row">
          <dt>お支払方法</dt>
          <dd>{PAYMENT_LABELS[result.payment]}</dd>
        </div>
      </dl>
      <p className="lead">
        {result.payment === 'CASH' ? `${formatYen(result.fee.totalInclTax)}をお預かりし、` : ''}
        領収書をお渡しください。トークンの利用登録は、お客さまご自身でインターネットバンキングの「利用開始」から行っていただきます。
      </p>
      <ReceiptStatus receipt={receipt} />
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={onReceipt} disabled={receipt?.busy}>
          領収書を表示/印刷
        </button>
        <button type="button" className="button button--primary" onClick={onNext}>
          次のお客さま
        </button>
      </div>
    </section>
  );
}
