import { useCallback } from 'react';
import { formatJstDate, formatJstTime, formatYen } from '../../domain/format';
import { call } from '../api';
import { ErrorMessage } from '../components/ErrorSummary';
import { DataTable } from '../components/DataTable';
import { ReceiptStatus } from '../components/ReceiptStatus';
import { useReceipts } from '../hooks/useReceipts';
import { useApiData } from '../hooks/useApiData';
import { useStatus } from '../status';

/** 本日の取引: today's journal, newest last, with 再発行 for receipts. */
export function JournalScreen() {
  const status = useStatus();
  const fetchToday = useCallback(() => call('journalToday', {}), []);
  const { data, error, reload } = useApiData(fetchToday);
  const entries = data?.entries ?? null;
  const receipts = useReceipts();

  async function reprint(receiptNo: string) {
    const view = await receipts.open(receiptNo, true);
    if (!view.error) status(`受付番号 ${receiptNo} の領収書を再発行しました（印刷回数 ${view.printCount ?? '—'}回）。`);
  }

  const total = (entries ?? []).reduce((sum, e) => sum + (e.amount ?? 0), 0);

  return (
    <section className="screen" aria-labelledby="journal-title">
      <header className="screen-header">
        <h1 id="journal-title">本日の取引</h1>
        <span className="screen-header-note">{formatJstDate(new Date())}</span>
        <button type="button" className="button button--secondary button--small" onClick={reload}>
          最新の情報に更新
        </button>
      </header>
      <ErrorMessage message={error} />
      {entries === null && !error ? <p>読み込み中…</p> : null}
      {entries !== null && entries.length === 0 ? <p className="empty">本日の取引はまだありません。</p> : null}
      {entries !== null && entries.length > 0 ? (
        <DataTable
          caption="本日の取引一覧"
          head={
            <>
              <th scope="col">時刻</th>
              <th scope="col">取引</th>
              <th scope="col">受付番号</th>
              <th scope="col">シリアル番号</th>
              <th scope="col">契約者ID</th>
              <th scope="col" className="num">
                金額
              </th>
              <th scope="col">担当</th>
              <th scope="col">領収書</th>
            </>
          }
          foot={
            <tr>
              <th scope="row" colSpan={5}>
                合計 {entries.length}件
              </th>
              <td className="num">{formatYen(total)}</td>
              <td colSpan={2} />
            </tr>
          }
        >
          {entries.map((e) => (
            <tr key={e.seq}>
              <td className="mono">{formatJstTime(new Date(e.occurredAt))}</td>
              <td>{e.kindLabel}</td>
              <td className="mono">{e.receiptNo ?? '—'}</td>
              <td className="mono">{e.serial ?? '—'}</td>
              <td className="mono">{e.contractId ?? '—'}</td>
              <td className="num">{e.amount === null ? '—' : formatYen(e.amount)}</td>
              <td className="mono">{e.operatorId || '（未登録のID）'}</td>
              <td>
                {e.receiptNo ? (
                  <ReprintCell
                    receiptNo={e.receiptNo}
                    view={receipts.views[e.receiptNo]}
                    onReprint={() => void reprint(e.receiptNo as string)}
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}

function ReprintCell({
  receiptNo,
  view,
  onReprint,
}: {
  receiptNo: string;
  view: ReturnType<typeof useReceipts>['views'][string] | undefined;
  onReprint: () => void;
}) {
  return (
    <div className="reprint">
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={onReprint}
        disabled={view?.busy}
        aria-describedby={view ? `reprint-${receiptNo}` : undefined}
      >
        再発行
      </button>
      {view ? (
        <div id={`reprint-${receiptNo}`}>
          <ReceiptStatus receipt={view} />
        </div>
      ) : null}
    </div>
  );
}
