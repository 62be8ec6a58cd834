import { useCallback, useState } from 'react';
import { journalKindLabel, type SyncRejection } from '../../../services/contract';
import { call } from '../../api';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { SummaryList } from '../../components/SummaryList';
import { formatListDateTime } from '../../format';
import { useApiData } from '../../hooks/useApiData';
import { useStatus } from '../../hooks/useStatus';
import { useSyncStatus } from '../../hooks/useSyncStatus';
import { shortMoment, syncStateText } from '../../sync-text';

const key = (r: SyncRejection) => `${r.seq}:${r.serial ?? ''}`;

/** One open rejection's 対応内容, recorded by the manager (journalled). */
function Resolve({ rejection, onDone }: { rejection: SyncRejection; onDone: () => void }) {
  const say = useStatus();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  async function resolve() {
    if (busy) return;
    setBusy(true);
    const r = await call('syncResolveRejection', { seq: rejection.seq, serial: rejection.serial, resolution: text });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.fieldErrors?.resolution ?? r.error.message);
      return;
    }
    say(`連番 ${rejection.seq} の差戻しを処理済みにしました。`);
    onDone();
  }
  return (
    <form
      className="sync-resolve"
      onSubmit={(e) => {
        e.preventDefault();
        void resolve();
      }}
    >
      <TextField name={`resolution-${key(rejection)}`} label="対応内容" value={text} maxLength={200} error={error} onChange={(e) => setText(e.target.value)} className="w-wide" />
      <button type="submit" className="button" disabled={busy}>
        処理済みにする
      </button>
    </form>
  );
}

/**
 * 本部同期 (manager): where the sync stands, 今すぐ同期, and the business conflicts the bank
 * recorded against this terminal's entries (a serial issued elsewhere, a contract holding another
 * token), each with what to do about it and, once done, who did what.
 */
export function SyncScreen() {
  const say = useStatus();
  const { status, syncing, syncNow, refresh } = useSyncStatus();
  const fetchRejections = useCallback(() => call('syncRejections', {}), []);
  const { data, error, reload } = useApiData(fetchRejections);
  const rejections = data?.rejections ?? [];

  async function now() {
    const refused = await syncNow();
    if (refused) say(refused);
    reload();
  }

  return (
    <section className="screen" aria-labelledby="sync-title">
      <header className="screen-header">
        <h1 id="sync-title">本部同期</h1>
      </header>
      <ErrorMessage message={error} />
      {status ? (
        <section className="panel panel--inset" aria-labelledby="sync-status-title">
          <h2 id="sync-status-title">同期の状態</h2>
          <SummaryList
            className="summary--compact"
            rows={[
              ['状態', syncStateText(status), 'sync-screen-state'],
              ['未送信', `${status.pending}件`],
              ['最終同期', status.lastSyncAt ? shortMoment(status.lastSyncAt) : 'まだありません'],
              ...(status.clockWarning ? [['端末の時計', status.clockWarning] as const] : []),
            ]}
          />
          {status.blocked ? (
            <div className="error-summary" role="alert">
              <p className="error-summary-title">本部が同期を受け付けていません: {status.blocked.message}</p>
              <p>再試行では解消しません。事務センターに連絡し、必要なら本部に登録コードを依頼して店舗設定で登録し直してください。</p>
            </div>
          ) : null}
          {status.enrolled ? (
            <div className="actions">
              <span />
              <button type="button" className="button button--primary" onClick={() => void now()} disabled={syncing}>
                {syncing ? '同期中…' : '今すぐ同期'}
              </button>
            </div>
          ) : (
            <p className="field-hint">店舗設定の「本部との同期」で、この端末を本部に登録してください。</p>
          )}
        </section>
      ) : null}
      <section className="panel" aria-labelledby="rejections-title">
        <h2 id="rejections-title">本部からの差戻し</h2>
        {rejections.length === 0 ? (
          <p data-testid="no-rejections">本部からの差戻しはありません。</p>
        ) : (
          <DataTable
            caption="本部からの差戻し（未処理が先）"
            head={
              <>
                <th scope="col">取引</th>
                <th scope="col">シリアル番号</th>
                <th scope="col">本部の記録</th>
                <th scope="col">対応</th>
              </>
            }
          >
            {rejections.map((r) => (
              <tr key={key(r)} data-testid="rejection">
                <td>
                  {journalKindLabel(r.kind)}
                  <br />
                  <span className="mono">{formatListDateTime(r.occurredAt)}</span>
                  {r.receiptNo ? (
                    <>
                      <br />
                      <span className="mono">{r.receiptNo}</span>
                    </>
                  ) : null}
                </td>
                <td className="mono">{r.serial ?? '—'}</td>
                <td>{r.message}</td>
                <td>
                  <p>{r.advice}</p>
                  {r.resolvedAt ? (
                    <p data-testid="rejection-resolved">
                      処理済み（{formatListDateTime(r.resolvedAt)}、{r.resolvedBy}）: {r.resolution}
                    </p>
                  ) : (
                    <Resolve
                      rejection={r}
                      onDone={() => {
                        reload();
                        refresh();
                      }}
                    />
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </section>
  );
}
