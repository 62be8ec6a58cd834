import { useState } from 'react';
import type { Branch } from '../../../services/contract';
import { call } from '../../api';
import { KeyboardForm } from '../../components/KeyboardForm';
import { TextField } from '../../components/Field';
import { ErrorSummary } from '../../components/ErrorSummary';

const LABELS = { passphrase: '復元用パスフレーズ' };

/**
 * データ鍵の復元: the ledger is on this PC but the key that opens it is not (a new PC, a reset
 * Windows profile). A manager types the recovery passphrase set at first run; nothing else opens.
 */
export function RestoreScreen({ branch, onRestored }: { branch: Branch | null; onRestored: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (busy) return;
    if (!passphrase) {
      setFieldErrors({ passphrase: '復元用パスフレーズを入力してください。' });
      setMessage(null);
      return;
    }
    setBusy(true);
    const result = await call('keyRestore', { passphrase });
    setBusy(false);
    if (result.ok) {
      onRestored();
      return;
    }
    setPassphrase('');
    setMessage(result.error.message);
    setFieldErrors(result.error.fieldErrors ?? {});
  }

  return (
    <main className="center-page">
      <section className="panel panel--narrow" aria-labelledby="restore-title">
        {branch ? (
          <p className="login-branch">
            {branch.bankName} {branch.branchName}（店番 {branch.branchCode}） 端末 {branch.terminalNo}
          </p>
        ) : null}
        <h1 id="restore-title">データ鍵の復元</h1>
        <p className="lead">
          この端末の記録はありますが、それを開くデータ鍵がこの PC にありません。PC を入れ替えたときや、Windows のユーザー設定をやり直したときに起こります。
        </p>
        <p>役席者が、初期設定のとき（または店舗設定で変更したとき）に決めた復元用パスフレーズを入力してください。データ鍵をこの PC に戻します。復元は記録に残ります。</p>
        <KeyboardForm idPrefix="restore" onSubmit={submit} submitOnLastField>
          <ErrorSummary message={message} fieldErrors={fieldErrors} labels={LABELS} />
          <TextField
            name="passphrase"
            label={LABELS.passphrase}
            type="password"
            value={passphrase}
            autoFocus
            onChange={(e) => setPassphrase(e.target.value)}
            error={fieldErrors.passphrase}
            className="w-wide"
          />
          <div className="actions">
            <span />
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? '復元しています…' : 'データ鍵を復元'}
            </button>
          </div>
        </KeyboardForm>
      </section>
    </main>
  );
}
