import { useCallback, useState } from 'react';
import {
  DomainError,
  FieldCheck,
  formatJstDate,
  PASSWORD_POLICY,
  ROLE_LABELS,
  ROLES,
  validateOperatorId,
  validateOperatorName,
  validatePassword,
  type ResponseOf,
  type Role,
} from '../../../services/contract';
import { call, type Result } from '../../api';
import { ErrorMessage, ErrorSummary } from '../../components/ErrorSummary';
import { DataTable } from '../../components/DataTable';
import { KeyboardForm } from '../../components/KeyboardForm';
import { SelectField, TextField } from '../../components/Field';
import { focusField } from '../../components/formScope';
import { useStatus } from '../../hooks/useStatus';
import { useApiData } from '../../hooks/useApiData';

type Listed = ResponseOf<'operatorsList'>['operators'][number];
type NewOperator = { operatorId: string; name: string; role: Role; password: string };

const EMPTY: NewOperator = { operatorId: '', name: '', role: 'teller', password: '' };
const LABELS: Record<keyof NewOperator, string> = {
  operatorId: 'オペレーターID',
  name: '氏名',
  role: '役割',
  password: '初期パスワード',
};
const ROLE_OPTIONS = ROLES.map((r) => [r, ROLE_LABELS[r]] as const);
const PREFIX = 'operator';
const POLICY_HINT = `${PASSWORD_POLICY}。本人が最初のログインで自分のパスワードに変更します。`;

/** The refusal of the shared password rule, or undefined. */
function passwordError(password: string): string | undefined {
  try {
    validatePassword(password);
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.message;
  }
}

function StateBadge({ o }: { o: Listed }) {
  if (o.retiredAt) return <span className="state state--retired">退職（{formatJstDate(new Date(o.retiredAt))}）</span>;
  if (o.locked) return <span className="state state--locked">ロック中（失敗 {o.failedAttempts}回）</span>;
  if (o.mustChangePassword) return <span className="state state--issued">パスワード変更待ち</span>;
  return <span className="state state--ok">利用可</span>;
}

/** オペレーター (manager only; the server refuses anyone else and the refusal is shown). */
export function OperatorsScreen({ me }: { me: string }) {
  const status = useStatus();
  const fetchList = useCallback(() => call('operatorsList', {}), []);
  const { data, error, reload } = useApiData(fetchList);
  // A refusal (e.g. a teller on this screen) shows the server's message and nothing else.
  const operators: Listed[] | null = error ? null : (data?.operators ?? null);
  const [unlockError, setUnlockError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = operators?.find((o) => o.operatorId === selectedId && !o.retiredAt) ?? null;

  async function unlock(operatorId: string) {
    const r = await call('operatorsUnlock', { operatorId });
    if (r.ok) {
      setUnlockError(null);
      status(`オペレーター ${operatorId} のロックを解除しました。`);
      reload();
    } else {
      setUnlockError(r.error.message);
    }
  }

  function select(operatorId: string) {
    setSelectedId(operatorId);
    window.setTimeout(() => document.getElementById('operator-edit-title')?.focus(), 0);
  }

  return (
    <section className="screen" aria-labelledby="operators-title">
      <header className="screen-header">
        <h1 id="operators-title">オペレーター</h1>
      </header>
      <ErrorMessage message={error} />
      {operators === null && !error ? <p>読み込み中…</p> : null}
      {operators !== null ? (
        <>
          <ErrorMessage message={unlockError} />
          {operators.filter((o) => o.role === 'manager' && !o.locked && !o.retiredAt).length < 2 ? (
            <p className="warning-box" role="note" data-testid="single-manager">
              ロックを解除できる役席者が1名しかいません。その方がロックされると、この端末では誰も解除できなくなります。役席者をもう1名登録してください。
            </p>
          ) : null}
          <DataTable
            caption="オペレーター一覧"
            head={
              <>
                <th scope="col">オペレーターID</th>
                <th scope="col">氏名</th>
                <th scope="col">役割</th>
                <th scope="col">状態</th>
                <th scope="col">操作</th>
              </>
            }
          >
            {operators.map((o) => (
              <tr key={o.operatorId} className={o.retiredAt ? 'row--retired' : undefined}>
                <td className="mono">{o.operatorId}</td>
                <td>{o.name}</td>
                <td>{ROLE_LABELS[o.role]}</td>
                <td>
                  <StateBadge o={o} />
                </td>
                <td>
                  <div className="row-actions">
                  {o.locked && !o.retiredAt ? (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => void unlock(o.operatorId)}
                    >
                      解除
                    </button>
                  ) : null}
                  {o.operatorId === me ? (
                    <span className="field-hint">ご本人（パスワードは「パスワード変更」から）</span>
                  ) : !o.retiredAt ? (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={`${o.name}（${o.operatorId}）を変更`}
                      aria-pressed={selectedId === o.operatorId}
                      onClick={() => select(o.operatorId)}
                    >
                      変更
                    </button>
                  ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
          {selected && selected.operatorId !== me ? (
            <EditOperator
              key={selected.operatorId}
              operator={selected}
              onDone={(message) => {
                status(message);
                reload();
              }}
              onClose={() => setSelectedId(null)}
            />
          ) : null}
          <CreateOperator onCreated={reload} />
        </>
      ) : null}
    </section>
  );
}

/** What a manager changes for another operator: a forgotten password, the role, retirement. Each is journalled with both IDs. */
function EditOperator({ operator, onDone, onClose }: { operator: Listed; onDone: (message: string) => void; onClose: () => void }) {
  const who = `${operator.name}（${operator.operatorId}）`;
  const status = useStatus();
  const [password, setPassword] = useState('');
  const [passwordFieldError, setPasswordFieldError] = useState<string | undefined>();
  const [role, setRole] = useState<Role>(operator.role);
  const [confirmRetire, setConfirmRetire] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Runs one change; its refusal is shown here, its success on the status line. */
  async function act(run: () => Promise<Result<unknown>>, done: string): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    const r = await run();
    setBusy(false);
    if (!r.ok) {
      setMessage(r.error.message);
      setPasswordFieldError(r.error.fieldErrors?.password);
      return false;
    }
    setMessage(null);
    onDone(done);
    return true;
  }

  async function reset() {
    const weak = passwordError(password);
    setPasswordFieldError(weak);
    if (weak) {
      status('');
      return;
    }
    if (await act(() => call('operatorsResetPassword', { operatorId: operator.operatorId, password }), `${who} のパスワードを再設定しました。次のログインで本人が変更します。`)) {
      setPassword('');
    }
  }

  return (
    <section className="panel panel--inset" aria-labelledby="operator-edit-title" data-testid="operator-edit">
      <h2 id="operator-edit-title" tabIndex={-1}>
        オペレーターの変更：{who}
      </h2>
      <ErrorMessage message={message} />
      <div className="operator-edit">
        <KeyboardForm idPrefix="reset" onSubmit={() => void reset()} submitOnLastField aria-labelledby="reset-title">
          <h3 id="reset-title">パスワードの再設定</h3>
          <TextField
            name="password"
            label="仮パスワード"
            type="password"
            autoComplete="new-password"
            value={password}
            error={passwordFieldError}
            hint={POLICY_HINT}
            onChange={(e) => setPassword(e.target.value)}
            className="w-medium"
          />
          <button type="submit" className="button button--secondary" disabled={busy}>
            パスワードを再設定
          </button>
        </KeyboardForm>
        <KeyboardForm
          idPrefix="role"
          onSubmit={() => void act(() => call('operatorsChangeRole', { operatorId: operator.operatorId, role }), `${who} の役割を${ROLE_LABELS[role]}に変更しました。`)}
          aria-labelledby="role-title"
        >
          <h3 id="role-title">役割の変更</h3>
          <SelectField name="role" label="役割" options={ROLE_OPTIONS} value={role} onChange={(e) => setRole(e.target.value as Role)} className="w-short" />
          <button type="submit" className="button button--secondary" disabled={busy || role === operator.role}>
            役割を変更
          </button>
        </KeyboardForm>
        <div role="group" aria-labelledby="retire-title">
          <h3 id="retire-title">退職の登録</h3>
          <p className="field-hint">退職した方のIDはログインできなくなります。記録には残り、削除や再利用はできません。</p>
          {confirmRetire ? (
            <div className="warning-box" role="alert">
              <p className="warning-title">{who} を退職として登録します。取り消せません。よろしいですか。</p>
              <div className="actions-group">
                <button type="button" className="button button--secondary" onClick={() => setConfirmRetire(false)}>
                  やめる
                </button>
                <button
                  type="button"
                  className="button button--danger"
                  disabled={busy}
                  onClick={() => void act(() => call('operatorsRetire', { operatorId: operator.operatorId }), `${who} を退職として登録しました。`).then((ok) => ok && onClose())}
                >
                  退職として登録
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button button--secondary" onClick={() => setConfirmRetire(true)}>
              退職を登録
            </button>
          )}
        </div>
      </div>
      <div className="actions">
        <span />
        <button type="button" className="button button--secondary" onClick={onClose}>
          閉じる
        </button>
      </div>
    </section>
  );
}

function CreateOperator({ onCreated }: { onCreated: () => void }) {
  const status = useStatus();
  const [values, setValues] = useState<NewOperator>(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    if (busy) return;
    const f = new FieldCheck();
    f.take('operatorId', () => validateOperatorId(values.operatorId));
    f.add('password', passwordError(values.password));
    f.take('name', () => validateOperatorName(values.name));
    if (!f.ok) {
      status('');
      setFieldErrors(f.errors);
      setMessage(null);
      return;
    }
    setBusy(true);
    const r = await call('operatorsCreate', { ...values, operatorId: values.operatorId.trim(), name: values.name.trim() });
    setBusy(false);
    if (r.ok) {
      setValues(EMPTY);
      setFieldErrors({});
      setMessage(null);
      status(`オペレーター ${r.value.operator.operatorId}（${r.value.operator.name}）を登録しました。最初のログインでパスワードの変更を求めます。`);
      onCreated();
      window.setTimeout(() => focusField(PREFIX, 'operatorId'), 0);
    } else {
      setFieldErrors(r.error.fieldErrors ?? {});
      setMessage(r.error.message);
    }
  }

  return (
    <section className="panel panel--inset" aria-labelledby="create-operator-title">
      <h2 id="create-operator-title">オペレーターの登録</h2>
      <KeyboardForm idPrefix={PREFIX} onSubmit={() => void submit()}>
        <ErrorSummary message={message} fieldErrors={fieldErrors} labels={LABELS} />
        <div className="field-row">
          <TextField
            name="operatorId"
            label={LABELS.operatorId}
            value={values.operatorId}
            maxLength={40}
            error={fieldErrors.operatorId}
            onChange={(e) => setValues({ ...values, operatorId: e.target.value })}
            className="w-medium"
          />
          <TextField
            name="name"
            label={LABELS.name}
            value={values.name}
            maxLength={40}
            error={fieldErrors.name}
            onChange={(e) => setValues({ ...values, name: e.target.value })}
            className="w-medium"
          />
          <SelectField
            name="role"
            label={LABELS.role}
            options={ROLE_OPTIONS}
            value={values.role}
            error={fieldErrors.role}
            onChange={(e) => setValues({ ...values, role: e.target.value as Role })}
            className="w-short"
          />
          <TextField
            name="password"
            label={LABELS.password}
            type="password"
            autoComplete="new-password"
            value={values.password}
            error={fieldErrors.password}
            hint={POLICY_HINT}
            onChange={(e) => setValues({ ...values, password: e.target.value })}
            className="w-medium"
          />
        </div>
        <div className="actions">
          <span />
          <button type="submit" className="button button--primary" disabled={busy}>
            登録
          </button>
        </div>
      </KeyboardForm>
    </section>
  );
}
