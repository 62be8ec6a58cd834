import { useCallback, useEffect, useState } from 'react';
import type { SyncStatus } from '../../services/contract';
import { call } from '../api';

/** How often the header asks: often enough for 未送信 to count down, cheap for the host (syncStatus reads a few rows). */
export const SYNC_POLL_MS = 5_000;

/**
 * The sync's status, asked again every SYNC_POLL_MS and after `run` (今すぐ同期). Asking does not
 * keep an idle session open (syncStatus is a public channel).
 */
export function useSyncStatus(): { status: SyncStatus | null; syncing: boolean; syncNow: () => Promise<string | null>; refresh: () => void } {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [syncing, setSyncing] = useState(false);
  const refresh = useCallback(() => {
    void call('syncStatus', {}).then((r) => {
      if (r.ok) setStatus(r.value);
    });
  }, []);
  useEffect(() => {
    refresh();
    const timer = window.setInterval(refresh, SYNC_POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);
  /** Answers the refusal's message, or null once the cycle ran (its outcome is in the status). */
  const syncNow = useCallback(async () => {
    setSyncing(true);
    const r = await call('syncNow', {});
    setSyncing(false);
    if (!r.ok) return r.error.message;
    setStatus(r.value);
    return null;
  }, []);
  return { status, syncing, syncNow, refresh };
}
