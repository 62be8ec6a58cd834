import { useCallback, useState } from 'react';
import { DomainError, ROLE_LABELS, ROLES, validateOperatorId, validatePassword, type ResponseOf, type Role } from '../../../services/contract';
import { call } from '../../api';
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

/** オペレーター (manager only; the server refuses anyone else and the refusal is shown). */
export function OperatorsScreen() {
  const status = useStatus();
  const fetchList = useCallback(() => call('operatorsList', {}), []);
  const { data, error, reload } = useApiData(fetchList);
  // A refusal (e.g. a teller on this screen) shows the server's message and nothing else.
  const operators: Listed[] | null = error ? null : (data?.operators ?? null);
  const [unlockError, setUnlockError] = useState<string | null>(null);

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
          {operators.filter((o) => o.role === 'manager' && !o.locked).length < 2 ? (
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
              <tr key={o.operatorId}>
                <td className="mono">{o.operatorId}</td>
                <td>{o.name}</td>
                <td>{ROLE_LABELS[o.role]}</td>
                <td>
                  {o.locked ? (
                    <span className="state state--locked">ロック中（失敗 {o.failedAttempts}回）</span>
                  ) : (
                    <span className="state state--ok">利用可</span>
                  )}
                </td>
                <td>
                  {o.locked ? (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => void unlock(o.operatorId)}
                    >
                      解除
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
          <CreateOperator onCreated={reload} />
        </>
      ) : null}
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
    const errors: Record<string, string> = {};
    for (const [field, check] of [
      ['operatorId', () => validateOperatorId(values.operatorId)],
      ['password', () => validatePassword(values.password)],
    ] as const) {
      try {
        check();
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        errors[field] = error.message;
      }
    }
    if (!values.name.trim()) errors.name = '氏名を入力してください';
    if (Object.keys(errors).length > 0) {
      setFieldErrors(errors);
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
      status(`オペレーター ${r.value.operator.operatorId}（${r.value.operator.name}）を登録しました。`);
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
