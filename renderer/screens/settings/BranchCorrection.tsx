import { useCallback, useEffect, useState } from 'react';
import {
  branchCorrection,
  CORRECTABLE_FIELD_LABELS,
  describeCorrection,
  DomainError,
  parseCorrectionSubject,
  type Approval,
  type Branch,
} from '../../../services/contract';
import { call } from '../../api';
import { ErrorSummary } from '../../components/ErrorSummary';
import { KeyboardForm } from '../../components/KeyboardForm';
import { TextField } from '../../components/Field';
import { formatListDateTime } from '../../format';
import { useApiData } from '../../hooks/useApiData';
import { useStatus } from '../../hooks/useStatus';

type Values = { branchName: string; invoiceRegNo: string; terminalNo: string; reason: string };
const LABELS: Record<keyof Values, string> = { ...CORRECTABLE_FIELD_LABELS, reason: '訂正の理由' };
const PREFIX = 'correction';

const initial = (b: Branch): Values => ({ branchName: b.branchName, invoiceRegNo: b.invoiceRegNo, terminalNo: b.terminalNo, reason: '' });

/** A request's subject in words; one the screen cannot read is shown as kept. */
function described(a: Approval): string {
  try {
    return describeCorrection(parseCorrectionSubject(a.subject));
  } catch {
    return a.subject;
  }
}

/**
 * 店舗 → 訂正 (manager only): 店名, 登録番号 and 端末番号 are corrected through a second manager's
 * 検印; what waits is listed here, and decided in 検印待ち. Printed documents keep what they printed.
 */
export function BranchCorrection({ branch, onChanged }: { branch: Branch; onChanged: (branch: Branch) => void }) {
  const status = useStatus();
  const [values, setValues] = useState<Values>(() => initial(branch));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fetchApprovals = useCallback(() => call('approvalsList', {}), []);
  const { data, reload } = useApiData(fetchApprovals);
  const waiting = (data?.approvals ?? []).filter((a) => a.kind === 'BRANCH_CORRECTION' && a.state === 'PENDING');

  // A correction approved since the app started is the branch now: the header and this screen show it.
  useEffect(() => {
    let live = true;
    void call('setupStatus', {}).then((r) => {
      const now = r.ok ? r.value.branch : null;
      if (live && now && (now.branchName !== branch.branchName || now.invoiceRegNo !== branch.invoiceRegNo || now.terminalNo !== branch.terminalNo)) {
        onChanged(now);
        setValues(initial(now));
      }
    });
    return () => {
      live = false;
    };
  }, [branch, onChanged]);

  async function submit() {
    if (busy) return;
    const asked = Object.fromEntries((['branchName', 'invoiceRegNo', 'terminalNo'] as const).filter((k) => values[k] !== branch[k]).map((k) => [k, values[k]]));
    try {
      branchCorrection(branch, asked);
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      setFieldErrors(e.fieldErrors);
      setMessage(e.message);
      return;
    }
    setBusy(true);
    const r = await call('approvalsRequest', { kind: 'BRANCH_CORRECTION', subject: JSON.stringify(asked), reason: values.reason.trim() });
    setBusy(false);
    if (!r.ok) {
      const { subject, ...fields } = r.error.fieldErrors ?? {};
      setFieldErrors(fields);
      setMessage(subject ?? r.error.message);
      return;
    }
    setFieldErrors({});
    setMessage(null);
    setValues(initial(branch));
    status(`店舗情報の訂正を検印に回しました（検印依頼 No.${r.value.id}）。別の役席者が「検印待ち」で承認すると反映されます。`);
    reload();
  }

  const field = (name: keyof Values, className: string, hint?: string) => (
    <TextField
      name={name}
      label={LABELS[name]}
      value={values[name]}
      error={fieldErrors[name]}
      hint={hint}
      maxLength={name === 'reason' ? 200 : 40}
      onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      className={className}
    />
  );

  return (
    <section aria-labelledby="correction-title" className="branch-correction">
      <h3 id="correction-title">店舗情報の訂正</h3>
      <p className="field-hint">
        店名・登録番号・端末番号の訂正は、別の役席者の検印（承認）で反映されます。印刷済みの領収書・受付票は印刷したときの内容のままです。端末番号を変えると、次の受付番号から新しい端末番号になります。
      </p>
      {waiting.length > 0 ? (
        <div className="warning-box" role="note" data-testid="correction-waiting">
          <p className="warning-title">検印待ちの訂正があります</p>
          <ul>
            {waiting.map((a) => (
              <li key={a.id}>
                No.{a.id}{'\u3000'}{described(a)}（依頼 {a.requestedBy}、{formatListDateTime(a.requestedAt)}）
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <KeyboardForm idPrefix={PREFIX} onSubmit={() => void submit()}>
        <ErrorSummary message={message} fieldErrors={fieldErrors} labels={LABELS} />
        <div className="field-row">
          {field('branchName', 'w-medium')}
          {field('invoiceRegNo', 'w-medium', 'T＋数字13桁')}
          {field('terminalNo', 'w-short', '数字2桁')}
        </div>
        {field('reason', 'w-wide', '監査のため記録されます。例：店舗名の変更（令和8年12月1日付）')}
        <div className="actions">
          <span />
          <button type="submit" className="button button--secondary" disabled={busy}>
            訂正の検印を依頼
          </button>
        </div>
      </KeyboardForm>
    </section>
  );
}
