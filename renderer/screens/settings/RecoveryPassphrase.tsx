import { useCallback, useState } from 'react';
import { formatJstDateTime, RECOVERY_PASSPHRASE_POLICY, validateRecoveryPassphrase } from '../../../services/contract';
import { call } from '../../api';
import { ErrorSummary } from '../../components/ErrorSummary';
import { KeyboardForm } from '../../components/KeyboardForm';
import { TextField } from '../../components/Field';
import { SummaryList } from '../../components/SummaryList';
import { useApiData } from '../../hooks/useApiData';
import { useStatus } from '../../hooks/useStatus';

const LABELS = { passphrase: '新しい復元用パスフレーズ', confirm: '新しい復元用パスフレーズ（確認）' };

/** The same rule the server applies, and the confirmation. */
function precheck(passphrase: string, confirm: string): Record<string, string> {
  const errors: Record<string, string> = {};
  try {
    validateRecoveryPassphrase(passphrase);
  } catch (e) {
    errors.passphrase = (e as Error).message;
  }
  if (!confirm) errors.confirm = '確認のため、もう一度入力してください';
  else if (passphrase !== confirm) errors.confirm = '確認用の復元用パスフレーズが一致しません';
  return errors;
}

/** 店舗設定 → データ鍵の復元用パスフレーズ (manager only): whether a new PC can open this ledger, and a new passphrase. */
export function RecoveryPassphrase() {
  const status = useStatus();
  const { data, error: loadError, reload } = useApiData(useCallback(() => call('recoveryStatus', {}), []));
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    if (busy) return;
    const errors = precheck(passphrase, confirm);
    setFieldErrors(errors);
    setMessage(null);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    const r = await call('recoverySetPassphrase', { passphrase });
    setBusy(false);
    if (!r.ok) {
      setMessage(r.error.message);
      setFieldErrors(r.error.fieldErrors ?? {});
      return;
    }
    setPassphrase('');
    setConfirm('');
    reload();
    status('復元用パスフレーズを変更しました。新しいパスフレーズを書き留め、古いものは処分してください。');
  }

  return (
    <section className="panel panel--inset" aria-labelledby="recovery-title">
      <h2 id="recovery-title">データ鍵の復元用パスフレーズ</h2>
      {data ? (
        <SummaryList
          className="summary--compact"
          rows={[
            ['状態', data.set ? '設定済み' : '未設定（PC を入れ替えると記録を開けません）', 'recovery-state'],
            ...(data.setAt ? ([['最終変更', `${formatJstDateTime(new Date(data.setAt))}（${data.setBy ?? ''}）`]] as const) : []),
          ]}
        />
      ) : null}
      <p className="field-hint">
        PC の入れ替えや Windows のユーザー設定のやり直しのあと、この端末の記録を開くために使います。変更すると古いパスフレーズでは開けなくなります（変更前に取ったバックアップは古いパスフレーズで開きます）。
      </p>
      <KeyboardForm idPrefix="recovery" onSubmit={() => void save()} submitOnLastField>
        <ErrorSummary message={message ?? loadError} fieldErrors={fieldErrors} labels={LABELS} />
        <div className="field-row">
          <TextField
            name="passphrase"
            label={LABELS.passphrase}
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            error={fieldErrors.passphrase}
            hint={RECOVERY_PASSPHRASE_POLICY}
            className="w-wide"
          />
          <TextField name="confirm" label={LABELS.confirm} type="password" value={confirm} onChange={(e) => setConfirm(e.target.value)} error={fieldErrors.confirm} className="w-wide" />
        </div>
        <div className="actions">
          <span />
          <button type="submit" className="button button--primary" disabled={busy}>
            {data?.set ? '復元用パスフレーズを変更' : '復元用パスフレーズを設定'}
          </button>
        </div>
      </KeyboardForm>
    </section>
  );
}
