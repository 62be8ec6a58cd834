import { useState } from 'react';
import { call } from '../../api';
import { ApprovalRequest } from '../../components/ApprovalRequest';
import { isGranted } from '../../components/ApprovalDialog';
import { ErrorMessage } from '../../components/ErrorSummary';
import { PdfLink } from '../../components/ReceiptStatus';
import { formatBusinessDate } from '../../format';
import { usePdfUrls } from '../../hooks/usePdfUrls';
import { useStatus } from '../../hooks/useStatus';

type Props = {
  /** The last business day closed. */
  date: string;
  /** It was reopened and takes new work again until it is closed again. */
  reopened: boolean;
  onReopened: () => void;
};

/** 締めた営業日: its 日計表 again, and 営業日の再開 with a 検印 (DAY_REOPEN). */
export function ClosedDay({ date, reopened, onReopened }: Props) {
  const status = useStatus();
  const pdfs = usePdfUrls();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reopening, setReopening] = useState(false);
  const day = formatBusinessDate(date);

  async function showReport() {
    const r = await call('dayReport', { businessDate: date });
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setError(null);
    setUrl(pdfs.show(r.value.pdfBase64));
  }

  return (
    <section className="panel panel--inset" aria-labelledby="closed-day-title">
      <h2 id="closed-day-title">締めた営業日</h2>
      <p>
        最後に締めた営業日：<strong data-testid="last-closed">{day}</strong>
        {reopened ? '（再開中：締め直すまで、新しい取引はこの営業日の扱いになります）' : ''}
      </p>
      <ErrorMessage message={error} />
      <div className="row-actions">
        <button type="button" className="button button--secondary button--small" onClick={() => void showReport()}>
          {day}の日計表を表示/印刷
        </button>
        {!reopened && !reopening ? (
          <button type="button" className="button button--secondary button--small" onClick={() => setReopening(true)}>
            この営業日を再開する（検印）
          </button>
        ) : null}
      </div>
      {url ? (
        <p className="receipt-status">
          日計表を別ウィンドウで開きました。 <PdfLink url={url} documentName="日計表" />
        </p>
      ) : null}
      {reopening ? (
        <ApprovalRequest
          kind="DAY_REOPEN"
          subject={date}
          title={`${day}の再開`}
          idPrefix="day-reopen"
          reasonHint="例：取消漏れがあったため。再開すると、締め直すまで新しい取引はこの営業日の扱いになります。"
          canWait
          onDecided={(d) => {
            if (!isGranted(d)) return;
            status(`${day}を再開しました（検印 ${d.approverId}）。締め直すまで、新しい取引はこの営業日の扱いになります。`);
            setReopening(false);
            onReopened();
          }}
          onClose={() => setReopening(false)}
        />
      ) : null}
    </section>
  );
}
