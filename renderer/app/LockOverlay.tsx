import { useState } from 'react';
import type { Operator, ResponseOf } from '../../services/contract';
import { call } from '../api';
import { KeyboardForm } from '../components/KeyboardForm';
import { TextField } from '../components/Field';

type Props = {
  operator: Operator;
  reason: 'idle' | 'session';
  /** With what the login answered: a password a manager reset meanwhile is changed before the screen comes back. */
  onUnlocked: (loggedIn: ResponseOf<'authLogin'>) => void;
  onLogout: () => void;
};

/**
 * 画面ロック中: drawn over the screen (which stays mounted, so a half-filled form survives);
 * the same operator enters the password again.
 */
export function LockOverlay({ operator, reason, onUnlocked, onLogout }: Props) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function unlock() {
    if (busy) return;
    if (!password) {
      setFieldError('パスワードを入力してください。');
      return;
    }
    setBusy(true);
    const result = await call('authLogin', { operatorId: operator.operatorId, password });
    setBusy(false);
    if (result.ok) {
      setPassword('');
      onUnlocked(result.value);
    } else {
      setPassword('');
      setError(result.error.message);
      setFieldError(result.error.fieldErrors?.password);
    }
  }

  return (
    <div className="lock-backdrop">
      <div className="lock-dialog" role="dialog" aria-modal="true" aria-labelledby="lock-title" aria-describedby="lock-reason">
        <h2 id="lock-title">画面ロック中</h2>
        <p id="lock-reason">
          {reason === 'idle'
            ? '一定時間操作がなかったため、画面をロックしました。'
            : 'ログインの有効期限が切れました。続けるにはパスワードを入力してください。入力中の内容はそのまま残っています。'}
        </p>
        <p className="lock-operator">
          オペレーター：{operator.name}（{operator.operatorId}）
        </p>
        <KeyboardForm idPrefix="lock" onSubmit={unlock} submitOnLastField>
          {error ? (
            <div className="error-summary" role="alert">
              <p className="error-summary-title">{error}</p>
            </div>
          ) : null}
          <TextField
            name="password"
            label="パスワード"
            type="password"
            autoFocus
            value={password}
            error={fieldError}
            onChange={(e) => setPassword(e.target.value)}
          />
          <div className="actions">
            <button type="button" className="button button--secondary" onClick={onLogout}>
              ログイン画面に戻る
            </button>
            <button type="submit" className="button button--primary" disabled={busy}>
              ロック解除
            </button>
          </div>
        </KeyboardForm>
      </div>
    </div>
  );
}
