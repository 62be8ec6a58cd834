import { useCallback, useEffect, useRef, useState } from 'react';
import { APPROVAL_KIND_LABELS, APPROVAL_STATE_LABELS, COPY_LABELS, formatJstDateTime, formatYen, PAYMENT_LABELS, type LogEntry } from '../../../services/contract';
import { call } from '../../api';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorSummary';
import { PdfLink } from '../../components/ReceiptStatus';
import { SummaryList, type SummaryRow } from '../../components/SummaryList';
import { canOfferVoid, VoidTransaction } from '../../counter/VoidTransaction';
import { formatListDateTime } from '../../format';
import { useApiData } from '../../hooks/useApiData';
import { usePdfUrls } from '../../hooks/usePdfUrls';

const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;

/** The stored payload as a person reads it: indented JSON (as stored where it is not JSON). */
function readable(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

function entryRows(e: LogEntry): SummaryRow[] {
  const l = e.line;
  return [
    ['日時', formatJstDateTime(new Date(l.occurredAt))],
    ['取引', l.kindLabel, 'detail-kind'],
    ...(l.detail ? [['詳細', l.detail] as const] : []),
    ['担当', l.operatorId || '—'],
    ['受付番号', l.receiptNo ?? '—'],
    ['シリアル番号', l.serial ?? '—'],
    ['金額', l.amount === null ? '—' : formatYen(l.amount)],
    ['お支払方法', l.payment ? PAYMENT_LABELS[l.payment] : '—'],
  ];
}

/**
 * One entry of the log whole, for a manager: the contract unmasked, the hash link, the payload,
 * the stored receipt with its prints, the 検印 about it, and 取消 for a counter transaction.
 * Opening it is itself journalled (記録の詳細表示).
 */
export function LogDetail({ seq, onBack }: { seq: number; onBack: () => void }) {
  const fetchEntry = useCallback(() => call('logEntry', { seq }), [seq]);
  const { data: entry, error } = useApiData(fetchEntry);
  const pdfs = usePdfUrls();
  const [receiptUrl, setReceiptUrl] = useState<string | null>(null);
  const [voiding, setVoiding] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="log-detail" aria-labelledby="log-detail-title">
      <div className="log-detail-head">
        <h2 id="log-detail-title" ref={heading} tabIndex={-1}>
          記録 {seq} の詳細
        </h2>
        <button type="button" className="button button--secondary button--small" onClick={onBack}>
          一覧に戻る
        </button>
      </div>
      <ErrorMessage message={error} />
      {!entry && !error ? <p>読み込み中…</p> : null}
      {entry ? (
        <>
          <p className="lead">この詳細の表示は、表示したオペレーターとともに記録に残ります（記録の詳細表示）。</p>
          <div className="detail-grid">
            <section className="panel panel--inset" aria-labelledby="detail-entry">
              <h3 id="detail-entry">記録</h3>
              <SummaryList rows={entryRows(entry)} className="summary--compact" />
              {canOfferVoid(entry.line) && !voiding ? (
                <button type="button" className="button button--secondary button--small" onClick={() => setVoiding(true)}>
                  この取引を取り消す（検印）
                </button>
              ) : null}
              {voiding && entry.line.receiptNo ? (
                <VoidTransaction receiptNo={entry.line.receiptNo} kindLabel={entry.line.kindLabel} idPrefix="log-void" onClose={() => setVoiding(false)} />
              ) : null}
            </section>
            <section className="panel panel--inset" aria-labelledby="detail-contract">
              <h3 id="detail-contract">お客さま</h3>
              {entry.contract ? (
                <SummaryList
                  className="summary--compact"
                  rows={[
                    ['契約者ID', entry.contract.contractId, 'detail-contract-id'],
                    ['お名前', entry.contract.nameKanji],
                    ['フリガナ', entry.contract.nameKana],
                    ['代表口座', entry.contract.account],
                    ['携帯電話（ガラケー）', entry.contract.featurePhone ? 'あり' : 'なし'],
                  ]}
                />
              ) : (
                <p className="field-hint">この記録にはお客さまの情報がありません。</p>
              )}
            </section>
          </div>

          <section className="panel panel--inset" aria-labelledby="detail-chain">
            <h3 id="detail-chain">台帳のつながり</h3>
            <p className={entry.linkHolds ? 'link-ok' : 'warning-box'} data-testid="detail-link">
              {entry.linkHolds
                ? 'つながっています：この記録の内容はハッシュと一致し、前の記録のハッシュを引き継いでいます。'
                : 'つながっていません：この記録か前の記録が書き換えられたおそれがあります。台帳を直さずに、本部の事務担当へ連絡してください。'}
            </p>
            <SummaryList
              className="summary--compact"
              rows={[
                ['ハッシュ', <span className="mono hash">{entry.hash}</span>],
                ['前の記録のハッシュ', <span className="mono hash">{entry.prevHash}</span>],
                ['記録の形式', `第${entry.format}版`],
              ]}
            />
            <details className="payload">
              <summary>記録の内容（保存されたデータ）</summary>
              <pre className="payload-text">{readable(entry.payload)}</pre>
            </details>
          </section>

          {entry.receipt ? (
            <section className="panel panel--inset" aria-labelledby="detail-receipt">
              <h3 id="detail-receipt">保存された受付票・領収書</h3>
              <SummaryList
                className="summary--compact"
                rows={[
                  ['受付番号', entry.receipt.receiptNo],
                  ['SHA-256', <span className="mono hash">{entry.receipt.sha256}</span>],
                  ['お客さま控の印刷', `${entry.receipt.printCount}回`],
                ]}
              />
              <div className="row-actions">
                <button type="button" className="button button--secondary button--small" onClick={() => setReceiptUrl(pdfs.show(entry.receipt!.pdfBase64))}>
                  保存されたPDFを表示
                </button>
                {receiptUrl ? <PdfLink url={receiptUrl} documentName="保存された" /> : null}
              </div>
              {entry.receipt.prints.length > 0 ? (
                <DataTable
                  caption="印刷の記録"
                  head={
                    <>
                      <th scope="col">印刷日時</th>
                      <th scope="col">控</th>
                      <th scope="col">部数</th>
                      <th scope="col">区分</th>
                      <th scope="col">担当</th>
                    </>
                  }
                >
                  {entry.receipt.prints.map((p, i) => (
                    <tr key={i}>
                      <td className="mono">{formatListDateTime(p.printedAt)}</td>
                      <td>{label(COPY_LABELS, p.copy)}</td>
                      <td className="num">{p.copies}部</td>
                      <td>{p.reprint ? '再発行' : '初回'}</td>
                      <td className="mono">{p.operatorId}</td>
                    </tr>
                  ))}
                </DataTable>
              ) : (
                <p className="field-hint">まだ印刷されていません。</p>
              )}
            </section>
          ) : null}

          {entry.approvals.length > 0 ? (
            <section className="panel panel--inset" aria-labelledby="detail-approvals">
              <h3 id="detail-approvals">この取引についての検印</h3>
              <DataTable
                caption="この取引についての検印"
                head={
                  <>
                    <th scope="col">No.</th>
                    <th scope="col">内容</th>
                    <th scope="col">状態</th>
                    <th scope="col">理由</th>
                    <th scope="col">依頼者</th>
                    <th scope="col">検印者</th>
                  </>
                }
              >
                {entry.approvals.map((a) => (
                  <tr key={a.id}>
                    <td className="mono">{a.id}</td>
                    <td>{label(APPROVAL_KIND_LABELS, a.kind)}</td>
                    <td>{label(APPROVAL_STATE_LABELS, a.state)}</td>
                    <td>{a.reason}</td>
                    <td className="mono">{a.requestedBy}</td>
                    <td className="mono">{a.decidedBy ?? '—'}</td>
                  </tr>
                ))}
              </DataTable>
            </section>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
