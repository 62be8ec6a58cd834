import { useEffect, useState } from 'react';
import { IDLE, type CounterSession, type Lookup } from './session';
import type { Update } from './useCounterFlow';

const PREFIX = 'madoguchi.draft.';

/** As written by this hook; read back as a partial session, merged over the fresh one. */
interface Kept {
  operatorId: string;
  session: unknown;
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function sameDraft(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What is kept: the form as typed, minus the one-time codes (they expire and are never kept), back at 入力. */
function toKept<D, R, L>(s: CounterSession<D, R, L>, fresh: CounterSession<D, R, L>, volatile: ReadonlyArray<keyof D>): CounterSession<D, R, L> {
  const draft = { ...s.draft };
  for (const key of volatile) draft[key] = fresh.draft[key];
  const lookups = Object.fromEntries(
    Object.entries(s.lookups as Record<string, Lookup<unknown>>).map(([k, l]) => [k, l.status === 'loading' ? IDLE : l]),
  ) as CounterSession<D, R, L>['lookups'];
  return { ...s, step: 'input', message: null, result: null, draft, lookups };
}

function restore<D, R, L>(key: string, operatorId: string, fresh: CounterSession<D, R, L>): CounterSession<D, R, L> | null {
  try {
    const raw = storage()?.getItem(PREFIX + key);
    if (!raw) return null;
    const kept = JSON.parse(raw) as Kept;
    if (kept.operatorId !== operatorId) return null;
    const s = kept.session as Partial<CounterSession<D, R, L>>;
    return { ...fresh, ...s, draft: { ...fresh.draft, ...s.draft }, lookups: { ...fresh.lookups, ...s.lookups } };
  } catch {
    return null;
  }
}

/**
 * A counter form kept in this window's sessionStorage while it is being filled in, so that a
 * reload or a crashed renderer loses nothing typed. Only for the operator who typed it; gone at
 * 完了, at 次のお客さま and at logout (clearKeptSessions).
 */
export function useKeptSession<D, R, L>(
  key: string,
  fresh: CounterSession<D, R, L>,
  operatorId: string,
  volatile: ReadonlyArray<keyof D>,
): [CounterSession<D, R, L>, Update<CounterSession<D, R, L>>, boolean] {
  const [restored] = useState(() => restore(key, operatorId, fresh));
  const [session, setSession] = useState<CounterSession<D, R, L>>(restored ?? fresh);
  useEffect(() => {
    const store = storage();
    if (!store) return;
    try {
      if (session.step === 'done' || sameDraft(session.draft, fresh.draft)) store.removeItem(PREFIX + key);
      else store.setItem(PREFIX + key, JSON.stringify({ operatorId, session: toKept(session, fresh, volatile) } satisfies Kept));
    } catch {
      // Storage full or refused: the form still works, it is just not kept across a reload.
    }
  }, [key, operatorId, session, fresh, volatile]);
  return [session, setSession, restored !== null];
}

export function clearKeptSessions(): void {
  const store = storage();
  if (!store) return;
  for (const k of Object.keys(store)) if (k.startsWith(PREFIX)) store.removeItem(k);
}
