import { useState } from 'react';
import { APPROVAL_KIND_LABELS, validateReason, type ApprovalKind } from '../../services/contract';
import { call } from '../api';
import { domainMessage } from '../rule-message';
import { useStatus } from '../hooks/useStatus';
import { ApprovalDialog, isGranted, type Decision } from './ApprovalDialog';
import { ErrorSummary } from './ErrorSummary';
import { TextField } from './Field';
import { KeyboardForm } from './KeyboardForm';

type Props = {
  kind: ApprovalKind;
  /** What the request names: a 受付番号, a 契約者ID, a serial, a business date. */
  subject: string;
  /** What is asked, as the form is named: 「受付番号 101-01-0000001（ハードウェアトークン発行）の取消」. */
  title: string;
  idPrefix: string;
  reasonHint?: string;
  /** Why a 検印 is asked for, where the server said it (e.g. a reprint after the first). */
  note?: string | undefined;
  /** The act takes effect once approved, so the request may also wait for a manager in 検印待ち. */
  canWait?: boolean;
  /** A request already made (the screen kept it), to be decided now. */
  pending?: { id: number; reason: string } | null;
  onRequested?: (id: number, reason: string) => void;
  /** Approved or refused by the manager in the dialog. */
  onDecided: (d: Decision) => void;
  /** Left in 検印待ち, or closed. */
  onClose: () => void;
};

type Phase = { step: 'reason' } | { step: 'requested'; id: number; reason: string; dialog: boolean } | { step: 'refused'; id: number; by: string };

/**
 * An exception asked of the second person (検印): the reason, then the request, then the dialog
 * for a manager on this terminal now, or (where the act waits well) 「検印待ちに回す」.
 */
export function ApprovalRequest({ kind, subject, title, idPrefix, reasonHint, note, canWait = false, pending, onRequested, onDecided, onClose }: Props) {
  const status = useStatus();
  const [phase, setPhase] = useState<Phase>(pending ? { step: 'requested', id: pending.id, reason: pending.reason, dialog: false } : { step: 'reason' });
  const [reason, setReason] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function request() {
    if (busy) return;
    const wrong = domainMessage(() => validateReason(reason));
    if (wrong) {
      status('');
      setFieldErrors({ reason: wrong });
      setMessage(null);
      return;
    }
    setBusy(true);
    const r = await call('approvalsRequest', { kind, subject, reason: reason.trim() });
    setBusy(false);
    if (!r.ok) {
      // A refused subject (e.g. a suspension cannot be voided) is about the act, not a field here.
      const { subject: aboutSubject, ...fields } = r.error.fieldErrors ?? {};
      setFieldErrors(fields);
      setMessage(aboutSubject ?? r.error.message);
      return;
    }
    setFieldErrors({});
    setMessage(null);
    onRequested?.(r.value.id, reason.trim());
    // Where nothing can wait (the customer is at the counter), the dialog opens at once.
    setPhase({ step: 'requested', id: r.value.id, reason: reason.trim(), dialog: !canWait });
  }

  function decided(d: Decision) {
    if (phase.step !== 'requested') return;
    if (!isGranted(d)) {
      status(`検印依頼（No.${d.id}）は否認されました。`);
      setPhase({ step: 'refused', id: d.id, by: d.approverId });
    }
    onDecided(d);
  }

  if (phase.step === 'refused') {
    return (
      <div className="approval-request" role="group" aria-label={title}>
        <p className="row-form-title">{title}</p>
        <p className="field-error" role="alert">
          検印依頼（No.{phase.id}）は {phase.by} により否認されました。この操作は行われません。
        </p>
        <div className="row-form-actions">
          <button type="button" className="button button--secondary button--small" onClick={onClose}>
            閉じる
          </button>
        </div>
      </div>
    );
  }

  if (phase.step === 'requested') {
    return (
      <div className="approval-request" role="group" aria-label={title}>
        <p className="row-form-title">{title}</p>
        <p role="status">
          検印依頼（No.{phase.id}）を受け付けました。
          {canWait ? '役席者がこの端末で今すぐ検印するか、検印待ちに回してください。' : '役席者がこの端末で検印してください。閉じても依頼は「検印待ち」に残ります。'}
        </p>
        <div className="row-form-actions">
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              if (canWait) status(`検印依頼（No.${phase.id}）を検印待ちに回しました。役席者が「検印待ち」から検印します。`);
              onClose();
            }}
          >
            {canWait ? '検印待ちに回す' : '閉じる'}
          </button>
          <button type="button" className="button button--primary button--small" onClick={() => setPhase({ ...phase, dialog: true })}>
            今すぐ検印
          </button>
        </div>
        {phase.dialog ? (
          <ApprovalDialog
            request={{ id: phase.id, kind, kindLabel: APPROVAL_KIND_LABELS[kind], subject, reason: phase.reason }}
            onDecided={decided}
            onClose={() => setPhase({ ...phase, dialog: false })}
          />
        ) : null}
      </div>
    );
  }

  return (
    <KeyboardForm idPrefix={idPrefix} className="approval-request" onSubmit={() => void request()} aria-label={title}>
      <p className="row-form-title">{title}</p>
      {note ? <p>{note}</p> : null}
      <ErrorSummary message={message} fieldErrors={fieldErrors} labels={{ reason: '理由' }} />
      <div className="field-row">
        <TextField
          name="reason"
          label="理由"
          value={reason}
          error={fieldErrors.reason}
          onChange={(e) => setReason(e.target.value)}
          className="w-wide"
          maxLength={200}
          autoFocus
          hint={reasonHint ?? '検印する役席者が読み、記録に残ります。'}
        />
        <div className="filter-actions row-form-actions">
          <button type="button" className="button button--secondary button--small" onClick={onClose}>
            キャンセル
          </button>
          <button type="submit" className="button button--primary button--small" disabled={busy}>
            検印を依頼
          </button>
        </div>
      </div>
    </KeyboardForm>
  );
}
