/**
 * The renderer's only door to the rest of madoguchi: `call(channel, request)` forwards to
 * `window.madoguchi[channel]`, turns a thrown exception or a missing host into an ordinary
 * refusal, tells the app when the session is gone and when a call was refused, and counts calls in
 * flight for the status line.
 */
import type { ApiError, Channel, RequestOf, ResponseOf, Result } from '../services/contract';

export type { ApiError, Result };

/** Error codes after which the operator must enter the password again. */
export const SESSION_LOST_CODES: ReadonlySet<string> = new Set(['SESSION_REQUIRED', 'SESSION_EXPIRED']);

type SessionListener = (error: ApiError) => void;
const sessionListeners = new Set<SessionListener>();

/** Subscribe to "the server no longer knows this operator"; returns the unsubscribe function. */
export function onSessionLost(listener: SessionListener): () => void {
  sessionListeners.add(listener);
  return () => {
    sessionListeners.delete(listener);
  };
}

type RefusalListener = (error: ApiError) => void;
const refusalListeners = new Set<RefusalListener>();

/**
 * Subscribe to every refusal a call brings back (the server's, or the host's failure); returns the
 * unsubscribe function. The status line clears on one, so that it never shows an older success
 * beside a fresh refusal.
 */
export function onRefusal(listener: RefusalListener): () => void {
  refusalListeners.add(listener);
  return () => {
    refusalListeners.delete(listener);
  };
}

let inFlight = 0;
const busyListeners = new Set<() => void>();

function setInFlight(delta: number): void {
  inFlight += delta;
  for (const listener of busyListeners) listener();
}

/** For useSyncExternalStore: number of API calls waiting for an answer. */
export const busyStore = {
  subscribe(listener: () => void): () => void {
    busyListeners.add(listener);
    return () => {
      busyListeners.delete(listener);
    };
  },
  get(): number {
    return inFlight;
  },
};

function failure(code: string, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}

type Method<C extends Channel> = (req: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;

export async function call<C extends Channel>(channel: C, req: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  const result = await send(channel, req);
  if (!result.ok) for (const listener of refusalListeners) listener(result.error);
  return result;
}

async function send<C extends Channel>(channel: C, req: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  const api = typeof window === 'undefined' ? undefined : window.madoguchi;
  const method = api?.[channel] as Method<C> | undefined;
  if (!api || typeof method !== 'function') {
    return failure('HOST_UNAVAILABLE', '窓口サーバーに接続できません。端末を再起動し、直らない場合は事務担当へ連絡してください。');
  }
  setInFlight(1);
  let result: Result<ResponseOf<C>>;
  try {
    result = await method.call(api, req);
  } catch {
    result = failure('HOST_ERROR', '通信中にエラーが発生しました。もう一度操作してください。');
  } finally {
    setInFlight(-1);
  }
  if (!result || typeof result !== 'object' || !('ok' in result)) {
    return failure('HOST_ERROR', '窓口サーバーの応答を読み取れませんでした。');
  }
  if (!result.ok && SESSION_LOST_CODES.has(result.error.code)) {
    for (const listener of sessionListeners) listener(result.error);
  }
  return result;
}
