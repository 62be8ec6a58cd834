import { useState } from 'react';
import type { Branch, RequestOf } from '../../../services/contract';
import { call } from '../../api';
import { useStatus } from '../../hooks/useStatus';

/**
 * One 店舗設定 section's save: sends the changed settings, hands the branch the server kept to the
 * screen, and says in the status line what changed (worded from the kept branch).
 */
export function useSaveSettings(onChanged: (branch: Branch) => void) {
  const status = useStatus();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(changes: RequestOf<'branchUpdateSettings'>, said: (branch: Branch) => string) {
    if (busy) return;
    setBusy(true);
    const r = await call('branchUpdateSettings', changes);
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setError(null);
    onChanged(r.value.branch);
    status(said(r.value.branch));
  }

  return { error, busy, save };
}
