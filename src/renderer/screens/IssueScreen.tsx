import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../services/contract';
import { call } from '../api';
import { focusField } from '../components/formScope';
import { useReceipts } from '../hooks/useReceipts';
import { useStatus } from '../status';
import { IssueInputStep, ISSUE_FORM_PREFIX } from './issue/IssueInputStep';
import { IssueConfirmStep } from './issue/IssueConfirmStep';
import { IssueDone } from './issue/IssueDone';
import {
  NEW_SESSION,
  firstErrorField,
  precheck,
  toRequest,
  type IssueDraft,
  type IssueSession,
} from './issue/draft';

type Props = {
  /** Kept by the app so that the form survives a visit to another menu. */
  session: IssueSession;
  update: (change: (s: IssueSession) => IssueSession) => void;
};

/** 発行受付: ハードウェアトークン発行申込書 → 確認 → 確定 → 領収書. */
export function IssueScreen({ session, update }: Props) {
  const status = useStatus();
  const [fee, setFee] = useState<ResponseOf<'feesQuote'> | null>(null);
  const [feeError, setFeeError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const issuing = useRef(false);
  const receipts = useReceipts();

  useEffect(() => {
    let live = true;
    void call('feesQuote', { kind: 'HW_TOKEN_ISSUE' }).then((r) => {
      if (!live) return;
      if (r.ok) setFee(r.value);
      else setFeeError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, []);

  const onChange = useCallback(
    <K extends keyof IssueDraft>(key: K, value: IssueDraft[K]) => {
      update((s) => ({ ...s, draft: { ...s.draft, [key]: value } }));
    },
    [update],
  );

  const serial = session.draft.serial;
  const lookup = session.lookup;
  const lookupSerial = useCallback(async () => {
    const typed = serial.trim();
    if (!typed) {
      update((s) => ({ ...s, lookup: { status: 'idle' } }));
      return;
    }
    if (lookup.status !== 'idle' && lookup.serial === serial) return;
    update((s) => ({ ...s, lookup: { status: 'loading', serial } }));
    const r = await call('stockLookup', { serial: typed });
    update((s) => {
      if (s.draft.serial !== serial) return s; // typed on meanwhile
      if (!r.ok) return { ...s, lookup: { status: 'error', serial, message: r.error.message } };
      // Show the serial as the server normalised it (full-width → half-width, upper case).
      const shown = r.value.serial;
      return {
        ...s,
        draft: { ...s.draft, serial: shown },
        lookup: { status: 'ok', serial: shown, state: r.value.state, stateLabel: r.value.stateLabel },
      };
    });
  }, [serial, lookup, update]);

  function showErrors(fieldErrors: Record<string, string>, message: string | null) {
    update((s) => ({ ...s, step: 'input', fieldErrors, message }));
    const first = firstErrorField(fieldErrors);
    window.setTimeout(() => {
      if (first) focusField(ISSUE_FORM_PREFIX, first);
    }, 0);
  }

  function confirm() {
    const errors = precheck(session.draft, session.lookup);
    if (Object.keys(errors).length > 0) {
      showErrors(errors, null);
      return;
    }
    update((s) => ({ ...s, step: 'confirm', fieldErrors: {}, message: null }));
  }

  async function issue() {
    if (issuing.current) return; // never twice for one customer
    issuing.current = true;
    setBusy(true);
    const payment = session.draft.payment;
    const r = await call('issuanceIssue', toRequest(session.draft));
    issuing.current = false;
    setBusy(false);
    if (r.ok && payment) {
      update((s) => ({ ...s, step: 'done', result: { ...r.value, payment }, fieldErrors: {}, message: null }));
      status(`受付番号 ${r.value.receiptNo} で発行を受け付けました。`);
      return;
    }
    if (!r.ok) {
      const fieldErrors = r.error.fieldErrors ?? {};
      if (Object.keys(fieldErrors).length > 0) showErrors(fieldErrors, r.error.message);
      else update((s) => ({ ...s, message: r.error.message }));
    }
  }

  function clear() {
    if (window.confirm('入力中の内容をすべて消去します。よろしいですか？')) next();
  }

  function next() {
    receipts.reset();
    update(() => NEW_SESSION);
    window.setTimeout(() => focusField(ISSUE_FORM_PREFIX, 'contractId'), 0);
  }

  const result = session.result;
  return (
    <section className="screen" aria-labelledby="issue-title">
      <header className="screen-header">
        <h1 id="issue-title">ハードウェアトークン発行申込書</h1>
        <ol className="steps" aria-label="手順">
          {(['input', 'confirm', 'done'] as const).map((step, i) => (
            <li key={step} aria-current={session.step === step ? 'step' : undefined}>
              {i + 1}. {step === 'input' ? '入力' : step === 'confirm' ? '確認' : '完了'}
            </li>
          ))}
        </ol>
      </header>
      {session.step === 'input' ? (
        <IssueInputStep
          draft={session.draft}
          fieldErrors={session.fieldErrors}
          message={session.message}
          lookup={session.lookup}
          fee={fee}
          feeError={feeError}
          onChange={onChange}
          onSerialCommit={() => void lookupSerial()}
          onConfirm={confirm}
          onClear={clear}
        />
      ) : null}
      {session.step === 'confirm' ? (
        <IssueConfirmStep
          draft={session.draft}
          lookup={session.lookup}
          fee={fee}
          message={session.message}
          busy={busy}
          onBack={() => update((s) => ({ ...s, step: 'input', message: null }))}
          onIssue={() => void issue()}
        />
      ) : null}
      {session.step === 'done' && result ? (
        <IssueDone
          result={result}
          receipt={receipts.views[result.receiptNo]}
          onReceipt={() => void receipts.open(result.receiptNo, false)}
          onNext={next}
        />
      ) : null}
    </section>
  );
}
