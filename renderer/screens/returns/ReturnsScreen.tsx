import { useCallback, useState } from 'react';
import { call } from '../../api';
import { formatListDateTime } from '../../format';
import { SummaryList } from '../../components/SummaryList';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorSummary';
import { PdfLink } from '../../components/ReceiptStatus';
import { useApiData } from '../../hooks/useApiData';
import { usePdfUrls } from '../../hooks/usePdfUrls';
import { useStatus } from '../../hooks/useStatus';
import { ListStatus } from '../../components/ListStatus';

type Batch = { batchId: number; count: number; url: string };

/**
 * 回収トークン (manager): the tokens handed in at exchanges, waiting in the box; the chosen ones
 * (all, unless unticked) go back to the vendor in one return batch with its printed list.
 */
export function ReturnsScreen() {
  const status = useStatus();
  const fetchCollected = useCallback(() => call('returnsCollected', {}), []);
  const { data, error, reload } = useApiData(fetchCollected);
  const tokens = error ? null : (data?.tokens ?? null);
  // Everything is chosen unless the manager unticks it.
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [batchError, setBatchError] = useState<string | null>(null);
  const [batch, setBatch] = useState<Batch | null>(null);
  const pdfs = usePdfUrls();

  const chosen = (tokens ?? []).filter((t) => !unticked.has(t.serial)).map((t) => t.serial);
  const allChosen = tokens !== null && tokens.length > 0 && chosen.length === tokens.length;

  function tick(serial: string, on: boolean) {
    setUnticked((u) => {
      const next = new Set(u);
      if (on) next.delete(serial);
      else next.add(serial);
      return next;
    });
  }

  async function createBatch() {
    if (busy || chosen.length === 0) return;
    setBusy(true);
    setBatchError(null);
    const r = await call('returnsCreateBatch', { serials: chosen });
    setBusy(false);
    if (!r.ok) {
      setBatchError(r.error.message);
      return;
    }
    setBatch({ batchId: r.value.batchId, count: r.value.count, url: pdfs.show(r.value.pdfBase64) });
    setUnticked(new Set());
    status(`返却一覧（返却番号 ${r.value.batchId}、${r.value.count}個）を作成しました。一覧を印刷して同封してください。`);
    reload();
  }

  return (
    <section className="screen" aria-labelledby="returns-title">
      <header className="screen-header">
        <h1 id="returns-title">回収トークン</h1>
        <span className="screen-header-note">交換でお預かりしたトークン（ベンダーへ返却するもの）</span>
      </header>
      <ErrorMessage message={error} />
      {batch ? (
        <section className="done done--compact" aria-labelledby="batch-title" data-testid="return-batch">
          <h2 id="batch-title">返却一覧を作成しました</h2>
          <SummaryList
            className="summary--compact"
            rows={[
              ['返却番号', String(batch.batchId), 'batch-id'],
              ['件数', `${batch.count}個`, 'batch-count'],
            ]}
          />
          <p className="receipt-status" role="status">
            返却一覧を別ウィンドウで開きました。印刷してトークンと一緒にベンダーへ送ってください。{' '}
            <PdfLink url={batch.url} documentName="返却一覧" />
          </p>
        </section>
      ) : null}
      <ListStatus rows={tokens} error={error} empty="返却を待っている回収トークンはありません。" />
      {tokens !== null && tokens.length > 0 ? (
        <>
          <ErrorMessage message={batchError} />
          <DataTable
            caption="回収トークン一覧"
            head={
              <>
                <th scope="col" className="check">
                  <input
                    type="checkbox"
                    aria-label="すべて選択"
                    checked={allChosen}
                    onChange={(e) => setUnticked(e.target.checked ? new Set() : new Set(tokens.map((t) => t.serial)))}
                  />
                </th>
                <th scope="col">シリアル番号</th>
                <th scope="col">契約者ID</th>
                <th scope="col">回収日時</th>
              </>
            }
          >
            {tokens.map((t) => (
              <tr key={t.serial}>
                <td className="check">
                  <input
                    type="checkbox"
                    aria-label={`${t.serial} を返却する`}
                    checked={!unticked.has(t.serial)}
                    onChange={(e) => tick(t.serial, e.target.checked)}
                  />
                </td>
                <td className="mono">{t.serial}</td>
                <td className="mono">{t.contractId ?? '—'}</td>
                <td className="mono">{formatListDateTime(t.collectedAt)}</td>
              </tr>
            ))}
          </DataTable>
          <div className="actions">
            <p className="table-note" role="status">
              {tokens.length}個中 {chosen.length}個を選択
            </p>
            <button type="button" className="button button--primary" onClick={() => void createBatch()} disabled={busy || chosen.length === 0}>
              {busy ? '作成中…' : '返却一覧を作成'}
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
