import { useCallback, useEffect, useState } from 'react';
import type { Result } from '../api';

/**
 * Loads data through the API when mounted and whenever `fetcher` changes (keep it stable
 * with useCallback) or reload() is called. On failure the server's message is kept in `error`.
 */
export function useApiData<T>(fetcher: () => Promise<Result<T>>): {
  data: T | null;
  error: string | null;
  reload: () => void;
} {
  const [state, setState] = useState<{ data: T | null; error: string | null }>({ data: null, error: null });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    void fetcher().then((r) => {
      if (!live) return;
      setState((s) => (r.ok ? { data: r.value, error: null } : { data: s.data, error: r.error.message }));
    });
    return () => {
      live = false;
    };
  }, [fetcher, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
