import { useEffect, useRef, type ReactNode } from 'react';
import { formatJstDateTime } from '../../services/contract';
import { viewKey, type Receipts } from '../hooks/useReceipts';
import { useBranch } from '../hooks/useBranch';
import { ErrorMessage } from '../components/ErrorSummary';
import { ReceiptStatus } from '../components/ReceiptStatus';
import { SummaryList, type SummaryRow } from '../components/SummaryList';
import type { Step } from './session';

const STEP_LABELS: Record<Step, string> = { input: '入力', confirm: '確認', done: '完了' };

/** The screen's title and where the teller is: 1. 入力 2. 確認 3. 完了. */
export function StepsHeader({ titleId, title, step }: { titleId: string; title: string; step: Step }) {
  return (
    <header className="screen-header">
      <h1 id={titleId}>{title}</h1>
      <ol className="steps" aria-label="手順">
        {(Object.keys(STEP_LABELS) as Step[]).map((s, i) => (
          <li key={s} aria-current={step === s ? 'step' : undefined}>
            {i + 1}. {STEP_LABELS[s]}
          </li>
        ))}
      </ol>
    </header>
  );
}

/** Under a counter form: 入力をクリア, and 確認 (the submit button, so Enter on the last field leads to it). */
export function InputActions({ onClear }: { onClear: () => void }) {
  return (
    <div className="actions">
      <button type="button" className="button button--secondary" onClick={onClear}>
        入力をクリア
      </button>
      <button type="submit" className="button button--primary">
        確認
      </button>
    </div>
  );
}

type ConfirmProps = {
  rows: ReadonlyArray<SummaryRow>;
  message: string | null;
  busy: boolean;
  onBack: () => void;
  onCommit: () => void;
  /** Said before 確定 (e.g. what the customer gives up). */
  children?: ReactNode;
};

/** Step 2: read the summary with the customer, then 確定. The focus starts on 確定. */
export function ConfirmPanel({ rows, message, busy, onBack, onCommit, children }: ConfirmProps) {
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    confirmButton.current?.focus();
  }, []);

  return (
    <section className="confirm" aria-labelledby="confirm-title">
      <h2 id="confirm-title">入力内容の確認</h2>
      <p className="lead">お客さまと一緒に内容をご確認のうえ、「確定」を押してください。</p>
      <ErrorMessage message={message} />
      <SummaryList rows={rows} />
      {children}
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={onBack} disabled={busy}>
          戻る
        </button>
        <button
          type="button"
          ref={confirmButton}
          className="button button--primary"
          onClick={onCommit}
          disabled={busy}
          aria-describedby="confirm-title"
        >
          {busy ? '処理中…' : '確定'}
        </button>
      </div>
    </section>
  );
}

type DoneProps = {
  receiptNo: string;
  acceptedAt: string;
  rows: ReadonlyArray<SummaryRow>;
  /** What the customer is handed: 領収書, 交換受付票, 利用中止受付票. */
  documentName: string;
  receipts: Receipts;
  onNext: () => void;
  /** What to tell the customer. */
  children: ReactNode;
};

/** Step 3: 受付番号 and 受付時刻, what was done, the receipt or slip, and 次のお客さま. */
export function DonePanel({ receiptNo, acceptedAt, rows, documentName, receipts, onNext, children }: DoneProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const branchSettings = useBranch();
  const branchCopy = branchSettings?.printBranchCopy ?? false;
  const customer = receipts.views[viewKey(receiptNo)];
  const branch = receipts.views[viewKey(receiptNo, 'branch')];
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="done" aria-labelledby="done-title">
      <h2 id="done-title" ref={heading} tabIndex={-1}>
        受付が完了しました
      </h2>
      <SummaryList rows={[['受付時刻', formatJstDateTime(new Date(acceptedAt), { era: branchSettings?.japaneseEra ?? false }), 'accepted-at'], ...rows]} className="summary--done">
        <div className="summary-row summary-row--key">
          <dt>受付番号</dt>
          <dd data-testid="receipt-no">{receiptNo}</dd>
        </div>
      </SummaryList>
      <div className="lead">{children}</div>
      <ReceiptStatus receipt={customer} documentName={documentName} />
      {branchCopy ? <ReceiptStatus receipt={branch} documentName={`${documentName}（店舗控）`} /> : null}
      <div className="actions">
        <div className="actions-group">
          <button type="button" className="button button--secondary" onClick={() => void receipts.open(receiptNo, false)} disabled={customer?.busy}>
            {documentName}を表示/印刷
          </button>
          {branchCopy ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void receipts.open(receiptNo, false, 'branch')}
              disabled={branch?.busy}
            >
              店舗控を表示/印刷
            </button>
          ) : null}
        </div>
        <button type="button" className="button button--primary" onClick={onNext}>
          次のお客さま
        </button>
      </div>
    </section>
  );
}
