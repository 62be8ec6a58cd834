import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ApprovalKind, ResponseOf } from '../../services/contract';
import { call } from '../api';
import { useStatus } from '../hooks/useStatus';
import { ErrorSummary } from './ErrorSummary';
import { TextField } from './Field';
import { focusField } from './formScope';
import { KeyboardForm } from './KeyboardForm';
import { SummaryList, type SummaryRow } from './SummaryList';

/** A request for the second person, as the dialog shows it to the manager who decides. */
export type ApprovalAsked = {
  id: number;
  kind: ApprovalKind;
  kindLabel: string;
  subject: string;
  reason: string;
  /** Who asked, where the screen knows it (the list does; the maker's own screen need not say). */
  requestedBy?: string;
};

/** What the manager decided, and who they are. */
export type Decision = ResponseOf<'approvalsDecide'> & { approverId: string };

/** What the request's subject is, per kind: the word in front of it. */
export const SUBJECT_TERMS: Record<ApprovalKind, string> = {
  VOID: '受付番号',
  FEE_WAIVER: '契約者ID',
  REPRINT: '受付番号',
  LOCK_OVERRIDE: 'シリアル番号',
  DAY_REOPEN: '営業日',
  BRANCH_CORRECTION: '訂正する項目',
};

export const isGranted = (d: Pick<Decision, 'state'>) => d.state === 'APPROVED' || d.state === 'USED';

type Values = { approverId: string; password: string; note: string };
const EMPTY: Values = { approverId: '', password: '', note: '' };
const LABELS: Record<keyof Values, string> = { approverId: '役席者のオペレーターID', password: 'パスワード', note: 'メモ（任意）' };

/** Where the server's refusals of the person belong: the ID, or the password typed for it. */
function refusalFields(code: string, message: string, fieldErrors: Record<string, string> | undefined): Record<string, string> {
  if (fieldErrors && Object.keys(fieldErrors).length > 0) return fieldErrors;
  if (code === 'LOGIN_FAILED') return { password: message };
  if (code === 'OPERATOR_LOCKED' || code === 'OPERATOR_RETIRED') return { approverId: message };
  return {};
}

/** The dialog's controls that take the focus, for keeping Tab inside it. */
function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('input, select, textarea, button, a[href]')).filter((el) => !el.matches(':disabled'));
}

/**
 * 検印: a manager other than the one who asked types their own ID and password on this terminal,
 * whoever is logged in, and approves or refuses with an optional note. Drawn over the screen;
 * Tab stays inside, Esc closes, and the focus goes back where it was.
 */
export function ApprovalDialog({ request, onDecided, onClose }: { request: ApprovalAsked; onDecided: (d: Decision) => void; onClose: () => void }) {
  const status = useStatus();
  const prefix = `approval-${request.id}`;
  const [values, setValues] = useState<Values>(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const focusNext = useRef<keyof Values | null>(null);

  useEffect(() => {
    const before = document.activeElement;
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);

  useEffect(() => {
    if (focusNext.current) focusField(prefix, focusNext.current);
    focusNext.current = null;
  });

  async function decide(approve: boolean) {
    if (busy) return;
    const missing = {
      ...(values.approverId.trim() ? {} : { approverId: '役席者のオペレーターIDを入力してください。' }),
      ...(values.password ? {} : { password: 'パスワードを入力してください。' }),
    };
    if (Object.keys(missing).length > 0) {
      status('');
      setFieldErrors(missing);
      setMessage(null);
      focusNext.current = missing.approverId ? 'approverId' : 'password';
      return;
    }
    setBusy(true);
    const note = values.note.trim();
    const r = await call('approvalsDecide', { id: request.id, approverId: values.approverId.trim(), password: values.password, approve, ...(note ? { note } : {}) });
    setBusy(false);
    if (r.ok) {
      onDecided({ ...r.value, approverId: values.approverId.trim() });
      return;
    }
    const errors = refusalFields(r.error.code, r.error.message, r.error.fieldErrors);
    setFieldErrors(errors);
    setMessage(r.error.message);
    setValues((v) => ({ ...v, password: '' }));
    focusNext.current = errors.approverId ? 'approverId' : 'password';
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape' && !busy) {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    const all = focusables(dialog.current);
    const first = all[0];
    const last = all.at(-1);
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first?.focus();
    }
  }

  const rows: SummaryRow[] = [
    ['依頼', `${request.kindLabel}（No.${request.id}）`],
    [SUBJECT_TERMS[request.kind], request.subject, 'approval-subject'],
    ['理由', request.reason],
    ...(request.requestedBy ? [['依頼者', request.requestedBy] as const] : []),
  ];
  const field = (name: keyof Values) => ({
    name,
    label: LABELS[name],
    value: values[name],
    error: fieldErrors[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });

  return (
    <div className="lock-backdrop dialog-backdrop">
      <div className="lock-dialog dialog" role="dialog" aria-modal="true" aria-labelledby={`${prefix}-title`} aria-describedby={`${prefix}-lead`} ref={dialog} onKeyDown={onKeyDown}>
        <h2 id={`${prefix}-title`}>検印</h2>
        <p id={`${prefix}-lead`} className="lead">
          依頼した本人以外の役席者が、ご自身のオペレーターIDとパスワードを入力してください。
        </p>
        <SummaryList rows={rows} className="summary--compact" />
        <KeyboardForm idPrefix={prefix} onSubmit={() => void decide(true)} aria-label="検印する役席者">
          <ErrorSummary message={message} fieldErrors={fieldErrors} labels={LABELS} />
          <TextField {...field('approverId')} className="w-medium" maxLength={40} autoFocus />
          <TextField {...field('password')} type="password" className="w-medium" maxLength={200} />
          <TextField {...field('note')} className="w-wide" maxLength={200} hint="否認するときは、その理由を書いてください。記録に残ります。" />
          <div className="actions">
            <button type="button" className="button button--secondary" onClick={onClose} disabled={busy}>
              キャンセル
            </button>
            <div className="actions-group">
              <button type="button" className="button button--secondary button--refuse" onClick={() => void decide(false)} disabled={busy}>
                否認
              </button>
              <button type="submit" className="button button--primary" disabled={busy}>
                {busy ? '処理中…' : '承認'}
              </button>
            </div>
          </div>
        </KeyboardForm>
      </div>
    </div>
  );
}
