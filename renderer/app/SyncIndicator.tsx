import { useSyncStatus } from '../hooks/useSyncStatus';
import { useStatus } from '../hooks/useStatus';
import { attentionCount, shortMoment, syncStateText } from '../sync-text';
import { useHashRoute } from './useHashRoute';

/**
 * The header's sync state: 同期済み / 未送信 N件 / オフライン（HH:MM から）, 要対応 N件 (a link to
 * 本部同期 for a manager), a clock warning, and 今すぐ同期.
 */
export function SyncIndicator({ manager }: { manager: boolean }) {
  const { status, syncing, syncNow } = useSyncStatus();
  const say = useStatus();
  const [, go] = useHashRoute();
  if (!status) return null;
  const attention = attentionCount(status);
  const tone = !status.enrolled ? '' : status.offlineSince || status.blocked ? 'sync-state--warn' : status.pending > 0 ? '' : 'sync-state--ok';
  async function now() {
    const refused = await syncNow();
    if (refused) say(refused);
  }
  return (
    <span className="sync-indicator" role="group" aria-label="本部との同期">
      <span className={`sync-state ${tone}`} data-testid="sync-state" title={status.lastSyncAt ? `最終同期 ${shortMoment(status.lastSyncAt)}` : undefined}>
        {syncStateText(status)}
      </span>
      {status.offlineSince && status.pending > 0 ? <span className="sync-state">未送信 {status.pending}件</span> : null}
      {attention > 0 ? (
        manager ? (
          <button type="button" className="sync-attention" data-testid="sync-attention" onClick={() => go('sync')} title={status.blocked?.message}>
            要対応 {attention}件
          </button>
        ) : (
          <span className="sync-attention" data-testid="sync-attention" title="役席者に連絡してください">
            要対応 {attention}件
          </span>
        )
      ) : null}
      {status.clockWarning ? (
        <span className="sync-state sync-state--warn" title={status.clockWarning}>
          時計のずれ
        </span>
      ) : null}
      {status.enrolled ? (
        <button type="button" className="button button--header" onClick={() => void now()} disabled={syncing}>
          {syncing ? '同期中…' : '今すぐ同期'}
        </button>
      ) : null}
    </span>
  );
}
