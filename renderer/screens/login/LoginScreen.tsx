import { useState } from 'react';
import type { Branch, ResponseOf } from '../../../services/contract';
import { call } from '../../api';
import { KeyboardForm } from '../../components/KeyboardForm';
import { TextField } from '../../components/Field';
import { ErrorSummary } from '../../components/ErrorSummary';

const LABELS = { operatorId: 'オペレーターID', password: 'パスワード' };

/** ログイン: the operator's own ID and password; the server's refusal is shown as worded. */
export function LoginScreen({
  branch,
  initialOperatorId = '',
  notice,
  onLogin,
}: {
  branch: Branch | null;
  initialOperatorId?: string;
  notice?: string | null;
  onLogin: (loggedIn: ResponseOf<'authLogin'>) => void;
}) {
  const [operatorId, setOperatorId] = useState(initialOperatorId);
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (busy) return;
    const errors: Record<string, string> = {};
    if (!operatorId.trim()) errors.operatorId = 'オペレーターIDを入力してください。';
    if (!password) errors.password = 'パスワードを入力してください。';
    if (Object.keys(errors).length > 0) {
      setFieldErrors(errors);
      setMessage(null);
      return;
    }
    setBusy(true);
    const result = await call('authLogin', { operatorId: operatorId.trim(), password });
    setBusy(false);
    if (result.ok) {
      onLogin(result.value);
      return;
    }
    setPassword('');
    setMessage(result.error.message);
    setFieldErrors(result.error.fieldErrors ?? {});
  }

  return (
    <main className="center-page">
      <section className="panel panel--login" aria-labelledby="login-title">
        {branch ? (
          <p className="login-branch">
            {branch.bankName} {branch.branchName}（店番 {branch.branchCode}） 端末 {branch.terminalNo}
          </p>
        ) : null}
        <h1 id="login-title">オペレーター認証</h1>
        {notice ? <p className="notice">{notice}</p> : null}
        <KeyboardForm idPrefix="login" onSubmit={submit} submitOnLastField>
          <ErrorSummary message={message} fieldErrors={fieldErrors} labels={LABELS} />
          <TextField
            name="operatorId"
            label={LABELS.operatorId}
            value={operatorId}
            autoFocus={!initialOperatorId}
            onChange={(e) => setOperatorId(e.target.value)}
            error={fieldErrors.operatorId}
          />
          <TextField
            name="password"
            label={LABELS.password}
            type="password"
            value={password}
            autoFocus={!!initialOperatorId}
            onChange={(e) => setPassword(e.target.value)}
            error={fieldErrors.password}
          />
          <div className="actions">
            <span />
            <button type="submit" className="button button--primary button--wide" disabled={busy}>
              ログイン
            </button>
          </div>
        </KeyboardForm>
      </section>
    </main>
  );
}
