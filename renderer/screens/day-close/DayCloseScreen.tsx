import { useCallback, useEffect, useRef, useState } from 'react';
import { formatYen, type RequestOf, type ResponseOf } from '../../../services/contract';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorSummary';
import { focusField } from '../../components/formScope';
import { PdfLink } from '../../components/ReceiptStatus';
import { formatBusinessDate, formatListDateTime } from '../../format';
import { useApiData } from '../../hooks/useApiData';
import { usePdfUrls } from '../../hooks/usePdfUrls';
import { useStatus } from '../../hooks/useStatus';
import { ClosedDay } from './ClosedDay';
import { ConfirmClose } from './ConfirmClose';
import { DAY_FORM_PREFIX, dayLabels, DayCount, NO_COUNT, readCount, signed, type Counted } from './DayCount';
import { DayFigures } from './DayFigures';

type Step = { step: 'count' } | { step: 'confirm'; request: RequestOf<'dayClose'> } | { step: 'done'; closed: ResponseOf<'dayClose'>; url: string };

/** Requests waiting for a 検印 hold the close: how many, and where to decide them. */
function PendingApprovals({ count }: { count: number }) {
  return (
    <div className="warning-box" role="note" data-testid="pending-approvals">
      <p className="warning-title">検印待ちの依頼が{count}件あります。</p>
      <p>
        承認または否認してから締めてください。 <a href="#/approvals">検印待ちを開く</a>
      </p>
    </div>
  );
}

/**
 * 日計・締め (manager): the business day's figures, the counted cash and tokens against the books,
 * a reason for each difference, then 締める: the 日計表 is printed and new work belongs to the
 * next business day.
 */
export function DayCloseScreen() {
  const status = useStatus();
  const fetchDay = useCallback(() => call('dayStatus', {}), []);
  const { data: day, error, reload } = useApiData(fetchDay);
  const [counted, setCounted] = useState<Counted>(NO_COUNT);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [step, setStep] = useState<Step>({ step: 'count' });
  const [busy, setBusy] = useState(false);
  const pdfs = usePdfUrls();

  // The first refused field, once the count form is on screen again.
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    if (!focusNext.current || !day) return;
    focusField(DAY_FORM_PREFIX, focusNext.current);
    focusNext.current = null;
  });

  function showErrors(fieldErrors: Record<string, string>) {
    setErrors(fieldErrors);
    setStep({ step: 'count' });
    if (day) focusNext.current = Object.keys(dayLabels(day)).find((name) => fieldErrors[name]) ?? null;
  }

  function confirm() {
    if (!day) return;
    const { request, errors: wrong } = readCount(day, counted);
    setRefusal(null);
    if (!request) {
      status('');
      showErrors(wrong);
      return;
    }
    setErrors({});
    setStep({ step: 'confirm', request });
  }

  async function close(request: RequestOf<'dayClose'>) {
    if (busy) return;
    setBusy(true);
    const r = await call('dayClose', request);
    setBusy(false);
    if (!r.ok) {
      setRefusal(r.error.fieldErrors ? null : r.error.message);
      showErrors(r.error.fieldErrors ?? {});
      reload();
      return;
    }
    setStep({ step: 'done', closed: r.value, url: pdfs.show(r.value.pdfBase64) });
    setCounted(NO_COUNT);
    status(`${formatBusinessDate(r.value.businessDate)}を締めました。日計表を印刷して保管してください。`);
    reload();
  }

  return (
    <section className="screen" aria-labelledby="day-title">
      <header className="screen-header">
        <h1 id="day-title">日計・締め</h1>
        {day ? <span className="screen-header-note" data-testid="business-date">営業日 {formatBusinessDate(day.businessDate)}</span> : null}
        <button type="button" className="button button--secondary button--small" onClick={reload}>
          最新の情報に更新
        </button>
      </header>
      <ErrorMessage message={error} />
      {!day && !error ? <p>読み込み中…</p> : null}
      {day && step.step === 'done' ? (
        <section className="done" aria-labelledby="day-done-title">
          <h2 id="day-done-title">{formatBusinessDate(step.closed.businessDate)}を締めました</h2>
          <p>
            現金の過不足：{step.closed.cashDifference === 0 ? 'なし' : signed(step.closed.cashDifference, formatYen)}
          </p>
          <p className="receipt-status" role="status">
            日計表を別ウィンドウで開きました。印刷して保管してください。 <PdfLink url={step.url} documentName="日計表" />
          </p>
          {/* Said once the status is read again: the server names the next business day. */}
          {day.businessDate !== step.closed.businessDate ? (
            <p className="lead" data-testid="next-business-day">
              この後の取引は、翌営業日 <strong>{formatBusinessDate(day.businessDate)}</strong> の扱いになります。
            </p>
          ) : null}
          <div className="actions">
            <span />
            <button type="button" className="button button--secondary" onClick={() => setStep({ step: 'count' })}>
              閉じる
            </button>
          </div>
        </section>
      ) : null}
      {day && step.step !== 'done' ? (
        <>
          {day.pendingApprovals > 0 ? <PendingApprovals count={day.pendingApprovals} /> : null}
          {refusal && day.pendingApprovals === 0 ? <ErrorMessage message={refusal} /> : null}
          <p className="lead">
            {day.from ? `${formatListDateTime(day.from)} からの記録を集計しています。` : 'この営業日の記録はまだありません。'}
            担当したオペレーター：{day.operators.join('、') || 'なし'}
          </p>
          <DayFigures figures={day.figures} />
          {step.step === 'confirm' ? (
            <ConfirmClose day={day} request={step.request} busy={busy} onBack={() => setStep({ step: 'count' })} onClose={() => void close(step.request)} />
          ) : (
            <DayCount day={day} counted={counted} errors={errors} onChange={setCounted} onConfirm={confirm} />
          )}
        </>
      ) : null}
      {day?.lastClosed ? <ClosedDay date={day.lastClosed} reopened={day.lastClosed === day.businessDate} onReopened={reload} /> : null}
    </section>
  );
}
