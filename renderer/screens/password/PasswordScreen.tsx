import { useState } from 'react';
import { DomainError, PASSWORD_POLICY, validatePassword, type ApiError, type Operator } from '../../../services/contract';
import { call } from '../../api';
import { ErrorSummary } from '../../components/ErrorSummary';
import { KeyboardForm } from '../../components/KeyboardForm';
import { TextField } from '../../components/Field';
import { useStatus } from '../../hooks/useStatus';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

const EMPTY: Values = { currentPassword: '', newPassword: '', confirmPassword: '' };
const LABELS: Record<keyof Values, string> = {
  currentPassword: '現在のパスワード',
  newPassword: '新しいパスワード',
  confirmPassword: '新しいパスワード（確認）',
};

/** The same rule the server applies, so that a weak or mistyped password is named before it is sent. */
function check(values: Values): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.currentPassword) errors.currentPassword = '現在のパスワードを入力してください。';
  try {
    validatePassword(values.newPassword);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    errors.newPassword = error.message;
  }
  if (!errors.newPassword && values.confirmPassword !== values.newPassword) {
    errors.confirmPassword = '確認のため、新しいパスワードをもう一度同じように入力してください。';
  }
  return errors;
}

type Props = {
  operator: Operator;
  /** At the first login (or after a manager's reset): nothing else can be done until it is changed. */
  required: boolean;
  onChanged: () => void;
  /** A refusal after which the operator must log in again (session gone, locked). */
  onLoggedOut?: (error: ApiError) => void;
  /** Leave without changing it (required only): back to the login screen. */
  onCancel?: () => void;
};

/** パスワード変更: the operator's own password, with the rule stated as the server checks it. */
export function PasswordScreen({ operator, required, onChanged, onLoggedOut, onCancel }: Props) {
  const status = useStatus();
  const [values, setValues] = useState<Values>(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (busy) return;
    const errors = check(values);
    setFieldErrors(errors);
    setMessage(null);
    if (Object.keys(errors).length > 0) {
      status('');
      return;
    }
    setBusy(true);
    const r = await call('authChangePassword', { currentPassword: values.currentPassword, newPassword: values.newPassword });
    setBusy(false);
    if (r.ok) {
      setValues(EMPTY);
      onChanged();
      return;
    }
    if (onLoggedOut && ['SESSION_REQUIRED', 'SESSION_EXPIRED', 'OPERATOR_LOCKED'].includes(r.error.code)) {
      onLoggedOut(r.error);
      return;
    }
    setValues({ ...values, currentPassword: '' });
    setFieldErrors(r.error.fieldErrors ?? {});
    setMessage(r.error.message);
  }

  const field = (name: keyof Values, autoComplete: string) => (
    <TextField
      name={name}
      label={LABELS[name]}
      type="password"
      autoComplete={autoComplete}
      autoFocus={name === 'currentPassword'}
      value={values[name]}
      error={fieldErrors[name]}
      hint={name === 'newPassword' ? `${PASSWORD_POLICY}。現在のパスワードとは別のものにしてください。` : undefined}
      onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      className="w-medium"
    />
  );

  return (
    <section className={required ? 'panel panel--login' : 'screen'} aria-labelledby="password-title">
      <header className={required ? undefined : 'screen-header'}>
        <h1 id="password-title">パスワードの変更</h1>
      </header>
      <p className="lead">
        {operator.name}（{operator.operatorId}）
      </p>
      {required ? (
        <p className="notice" data-testid="password-required">
          役席者が設定したパスワードでログインしました。ほかの操作の前に、ご自身だけが知るパスワードに変更してください。
        </p>
      ) : null}
      <div className={required ? undefined : 'panel panel--inset'}>
        <KeyboardForm idPrefix="password" onSubmit={() => void submit()} submitOnLastField>
          <ErrorSummary message={message} fieldErrors={fieldErrors} labels={LABELS} />
          {field('currentPassword', 'current-password')}
          {field('newPassword', 'new-password')}
          {field('confirmPassword', 'new-password')}
          <div className="actions">
            {onCancel ? (
              <button type="button" className="button button--secondary" onClick={onCancel}>
                ログイン画面に戻る
              </button>
            ) : (
              <span />
            )}
            <button type="submit" className="button button--primary" disabled={busy}>
              パスワードを変更
            </button>
          </div>
        </KeyboardForm>
      </div>
    </section>
  );
}
