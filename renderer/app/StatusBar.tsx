import { useSyncExternalStore } from 'react';
import { busyStore } from '../api';
import { formatJstDateTime } from '../../services/contract';
import { useNow } from '../hooks/useNow';

/** The status line: last message, 通信中, and the time in Japan. */
export function StatusBar({ message }: { message: string }) {
  const busy = useSyncExternalStore(busyStore.subscribe, busyStore.get, busyStore.get) > 0;
  const now = useNow();
  return (
    <footer className="status-bar">
      <span className="status-message" role="status" aria-live="polite">
        {message || '準備完了'}
      </span>
      <span className={`status-busy ${busy ? 'is-busy' : ''}`} aria-hidden={!busy}>
        {busy ? '通信中…' : ''}
      </span>
      <span className="status-clock">{formatJstDateTime(now)}</span>
    </footer>
  );
}
