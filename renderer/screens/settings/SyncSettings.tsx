import { useState } from 'react';
import type { ApiError } from '../../../services/contract';
import { call } from '../../api';
import { ErrorSummary } from '../../components/ErrorSummary';
import { KeyboardForm } from '../../components/KeyboardForm';
import { TextField } from '../../components/Field';
import { SummaryList } from '../../components/SummaryList';
import { useStatus } from '../../hooks/useStatus';
import { useSyncStatus } from '../../hooks/useSyncStatus';
import { shortMoment, syncStateText } from '../../sync-text';

const LABELS = { coreUrl: '本部サービスのアドレス', code: '登録コード' };

/**
 * 店舗設定 → 本部との同期 (manager only): the terminal enrolled once with the core service's
 * address and the one-time code head office gave for this branch and terminal number; enrolled
 * again after head office revoked it or on a new PC.
 */
export function SyncSettings() {
  const say = useStatus();
  const { status, refresh } = useSyncStatus();
  const [form, setForm] = useState({ coreUrl: '', code: '' });
  const [again, setAgain] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!status) return null;

  async function enrol() {
    if (busy) return;
    setBusy(true);
    const r = await call('syncEnrol', form);
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setAgain(false);
    setForm({ coreUrl: '', code: '' });
    refresh();
    say(`本部に端末 ${r.value.terminalId} として登録しました。同期を始めます。`);
  }

  const showForm = !status.enrolled || again;
  return (
    <section className="panel panel--inset" aria-labelledby="sync-settings-title">
      <h2 id="sync-settings-title">本部との同期</h2>
      {status.enrolled ? (
        <SummaryList
          className="summary--compact"
          rows={[
            ['端末ID', status.terminalId, 'sync-terminal-id'],
            ['本部サービス', status.coreUrl],
            ['状態', syncStateText(status), 'sync-settings-state'],
            ['最終同期', status.lastSyncAt ? shortMoment(status.lastSyncAt) : 'まだありません'],
          ]}
        />
      ) : (
        <p className="field-hint">この端末はまだ本部に登録されていません。取引は端末に記録され、登録後に本部へ送られます。</p>
      )}
      {showForm ? (
        <KeyboardForm idPrefix="syncEnrol" onSubmit={() => void enrol()} submitOnLastField>
          <ErrorSummary message={error?.message} fieldErrors={error?.fieldErrors} labels={LABELS} />
          <TextField
            name="coreUrl"
            label={LABELS.coreUrl}
            value={form.coreUrl}
            inputMode="url"
            maxLength={200}
            error={error?.fieldErrors?.coreUrl}
            hint="本部から案内されたアドレス（https://… ）。"
            onChange={(e) => setForm((f) => ({ ...f, coreUrl: e.target.value }))}
            className="w-wide"
          />
          <TextField
            name="code"
            label={LABELS.code}
            value={form.code}
            maxLength={64}
            error={error?.fieldErrors?.code}
            hint="本部がこの店番・端末番号に発行した一回限りのコード（XXXX-XXXX-XXXX-XXXX）。"
            onChange={(e) => setForm((f) => ({ ...f, code: e.target.value }))}
            className="w-medium"
          />
          <div className="actions">
            {again ? (
              <button type="button" className="button" onClick={() => setAgain(false)}>
                やめる
              </button>
            ) : (
              <span />
            )}
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? '登録中…' : '本部に登録'}
            </button>
          </div>
        </KeyboardForm>
      ) : (
        <div className="actions">
          <span />
          <button type="button" className="button" onClick={() => setAgain(true)}>
            登録し直す
          </button>
        </div>
      )}
    </section>
  );
}
