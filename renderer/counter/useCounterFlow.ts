import { useCallback, useEffect, useRef, useState } from 'react';
import type { SerialFormat } from '../../services/contract';
import { call, type Result } from '../api';
import { fieldId, focusField } from '../components/formScope';
import { useReceipts } from '../hooks/useReceipts';
import { useSerialFormat } from '../hooks/useBranch';
import { useStatus } from '../hooks/useStatus';
import { binder } from './bind';
import { IDLE, type ContractInfo, type CounterSession, type Lookup, type StockInfo } from './session';

export type Update<S> = (change: (s: S) => S) => void;

/** What makes one counter screen: its empty form, its field labels and rules, and its 確定 call. */
export type FlowSpec<D, R, L> = {
  /** The empty form, for 次のお客さま. */
  fresh: CounterSession<D, R, L>;
  /** The form's id prefix. */
  formPrefix: string;
  /** Field name → label, in screen order (the first refused field gets the focus). */
  labels: (s: CounterSession<D, R, L>) => Readonly<Record<string, string>>;
  /** The rules the screen can check itself before the 確認 step, with the branch's serial rule. */
  precheck: (s: CounterSession<D, R, L>, serialFormat: SerialFormat) => Record<string, string>;
  /** 確定: the one call that records the transaction. */
  send: (s: CounterSession<D, R, L>) => Promise<Result<R>>;
  /** The status line once it went through. */
  doneMessage: (result: R) => string;
};

/**
 * The steps of a counter transaction: 入力 → 確認 → 確定 → 完了 (receipt or slip) → 次のお客さま.
 * A refusal goes back to the form with each message bound to its field and everything typed kept;
 * 確定 is never sent twice for one customer.
 */
export function useCounterFlow<D, R, L>(session: CounterSession<D, R, L>, update: Update<CounterSession<D, R, L>>, spec: FlowSpec<D, R, L>) {
  const status = useStatus();
  const serialFormat = useSerialFormat();
  const receipts = useReceipts();
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);
  const labels = spec.labels(session);
  const fieldOrder = Object.keys(labels);

  const setField = useCallback(
    <K extends keyof D>(key: K, value: D[K]) => update((s) => ({ ...s, draft: { ...s.draft, [key]: value } })),
    [update],
  );

  // The field to focus once the form is on screen again (after React has rendered it).
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const name = focusNext.current;
    if (name && document.getElementById(fieldId(spec.formPrefix, name))) {
      focusNext.current = null;
      focusField(spec.formPrefix, name);
    }
  });

  function focusSoon(name: string | undefined) {
    focusNext.current = name ?? null;
  }

  function showErrors(fieldErrors: Record<string, string>, message: string | null) {
    update((s) => ({ ...s, step: 'input', fieldErrors, message }));
    focusSoon(fieldOrder.find((name) => fieldErrors[name]));
  }

  function confirm() {
    const errors = spec.precheck(session, serialFormat);
    if (Object.keys(errors).length > 0) {
      status('');
      showErrors(errors, null);
    } else update((s) => ({ ...s, step: 'confirm', fieldErrors: {}, message: null }));
  }

  async function commit() {
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    const r = await spec.send(session);
    sending.current = false;
    setBusy(false);
    if (r.ok) {
      update((s) => ({ ...s, step: 'done', result: r.value, fieldErrors: {}, message: null }));
      status(spec.doneMessage(r.value));
      return;
    }
    const fieldErrors = r.error.fieldErrors ?? {};
    if (Object.keys(fieldErrors).length > 0) showErrors(fieldErrors, r.error.message);
    else update((s) => ({ ...s, message: r.error.message }));
  }

  function back() {
    update((s) => ({ ...s, step: 'input', message: null }));
  }

  function next() {
    receipts.reset();
    update(() => spec.fresh);
    focusSoon(fieldOrder[0]);
  }

  function clear() {
    if (window.confirm('入力中の内容をすべて消去します。よろしいですか？')) next();
  }

  /** `bind('contractId')`: a field of the draft with its label, value, error and setter. */
  const bind = binder(session.draft, session.fieldErrors, labels, setField);

  return { bind, labels, setField, confirm, commit, back, clear, next, busy, receipts };
}

/** How a field's look-up asks the server, and how the field then shows the value. */
export type LookupSource<V> = {
  fetch: (typed: string) => Promise<Result<V>>;
  /** The value as the server normalised it (full-width → half-width, upper case). */
  shownAs: (value: V) => string;
};

export const STOCK_LOOKUP: LookupSource<StockInfo> = {
  fetch: (serial) => call('stockLookup', { serial }),
  shownAs: (v) => v.serial,
};

export const CONTRACT_LOOKUP: LookupSource<ContractInfo> = {
  fetch: (contractId) => call('contractsLookup', { contractId }),
  shownAs: (v) => v.contractId,
};

/**
 * Looks up what was typed in `field` (a scanned serial, a 契約者ID) when the teller leaves it:
 * once per value, ignoring an answer that comes after the field was changed again.
 */
export function useLookup<D, R, L, K extends keyof L & keyof D & string>(
  session: CounterSession<D, R, L>,
  update: Update<CounterSession<D, R, L>>,
  field: K,
  source: LookupSource<L[K]>,
): () => Promise<void> {
  const raw = String(session.draft[field]);
  const lookup: Lookup<L[K]> = session.lookups[field];
  return useCallback(async () => {
    const put = (s: CounterSession<D, R, L>, l: Lookup<L[K]>, draft = s.draft) => ({ ...s, draft, lookups: { ...s.lookups, [field]: l } });
    const typed = raw.trim();
    if (!typed) {
      update((s) => put(s, IDLE));
      return;
    }
    if (lookup.status !== 'idle' && lookup.key === raw) return;
    update((s) => put(s, { status: 'loading', key: raw }));
    const r = await source.fetch(typed);
    update((s) => {
      if (String(s.draft[field]) !== raw) return s; // typed on meanwhile
      if (!r.ok) return put(s, { status: 'error', key: raw, message: r.error.message });
      const shown = source.shownAs(r.value);
      return put(s, { status: 'ok', key: shown, value: r.value }, { ...s.draft, [field]: shown });
    });
  }, [raw, lookup, update, field, source]);
}
