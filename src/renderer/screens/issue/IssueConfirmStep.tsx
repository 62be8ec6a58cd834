import { useEffect, useRef } from 'react';
import type { ResponseOf } from '../../../services/contract';
import { ACCOUNT_SUBJECTS, IDENTITY_DOCUMENTS } from '../../../domain/types';
import { formatYen } from '../../../domain/format';
import { ErrorMessage } from '../../components/ErrorSummary';
import { PAYMENT_LABELS } from '../../labels';
import { normalizeInput, toFullWidthKatakana } from '../../../domain/validation';
import type { IssueDraft, SerialLookup } from './draft';

type Props = {
  draft: IssueDraft;
  lookup: SerialLookup;
  fee: ResponseOf<'feesQuote'> | null;
  message: string | null;
  busy: boolean;
  onBack: () => void;
  onIssue: () => void;
};

/** Step 2: read the summary with the customer, then 確定. Enter on 確定 confirms. */
export function IssueConfirmStep({ draft, lookup, fee, message, busy, onBack, onIssue }: Props) {
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    confirmButton.current?.focus();
  }, []);

  const rows: Array<[string, string]> = [
    ['契約者ID', draft.contractId],
    ['お名前（漢字）', draft.nameKanji],
    ['フリガナ', toFullWidthKatakana(draft.nameKana)],
    ['代表口座', `${normalizeInput(draft.accountBranch)}－${ACCOUNT_SUBJECTS[draft.accountSubject]}－${normalizeInput(draft.accountNumber).padStart(7, '0')}`],
    ['携帯電話（ガラケー）利用', draft.featurePhone ? 'あり' : 'なし'],
    ['本人確認書類', draft.identityDocument ? IDENTITY_DOCUMENTS[draft.identityDocument] : '—'],
    ['お届け印', draft.sealChecked ? '照合済' : '未照合'],
    [
      'シリアル番号',
      lookup.status === 'ok' && lookup.serial === draft.serial ? `${draft.serial}（${lookup.stateLabel}）` : draft.serial,
    ],
    ['ワンタイムパスワード', '入力済（確定時に照合します）'],
    ['手数料', fee ? `${formatYen(fee.totalInclTax)}（税込） うち消費税 ${formatYen(fee.tax)}` : '—'],
    ['お支払方法', draft.payment ? PAYMENT_LABELS[draft.payment] : '—'],
  ];

  return (
    <section className="confirm" aria-labelledby="confirm-title">
      <h2 id="confirm-title">入力内容の確認</h2>
      <p className="lead">お客さまと一緒に内容をご確認のうえ、「確定」を押してください。</p>
      <ErrorMessage message={message} />
      <dl className="summary">
        {rows.map(([term, value]) => (
          <div className="summary-row" key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={onBack} disabled={busy}>
          戻る
        </button>
        <button
          type="button"
          ref={confirmButton}
          className="button button--primary"
          onClick={onIssue}
          disabled={busy}
          aria-describedby="confirm-title"
        >
          {busy ? '処理中…' : '確定'}
        </button>
      </div>
    </section>
  );
}
