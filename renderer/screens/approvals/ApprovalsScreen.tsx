import { useCallback, useState } from 'react';
import type { Approval } from '../../../services/contract';
import { call } from '../../api';
import { ApprovalDialog, isGranted, SUBJECT_TERMS, type Decision } from '../../components/ApprovalDialog';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorSummary';
import { VoidDone, voidReceiptNo } from '../../counter/VoidTransaction';
import { formatListDateTime } from '../../format';
import { useApiData } from '../../hooks/useApiData';
import { useStatus } from '../../hooks/useStatus';
import { ListStatus } from '../../components/ListStatus';

/** What a decision did, on the status line. */
function outcomeText(a: Approval, d: Decision): string {
  const what = `検印依頼（No.${a.id}、${a.kindLabel}）`;
  if (!isGranted(d)) return `${what}を否認しました。`;
  switch (a.kind) {
    case 'VOID':
      return `${what}を承認しました（取消の受付番号 ${voidReceiptNo(d) ?? '—'}）。`;
    case 'LOCK_OVERRIDE':
      return `${what}を承認しました。シリアル番号 ${a.subject} の失敗回数を0回に戻しました。`;
    case 'DAY_REOPEN':
      return `${what}を承認しました。${a.subject} を再開しました。新しい取引はこの営業日の扱いになります。`;
    default:
      return `${what}を承認しました。依頼した担当者が窓口で使えます。`;
  }
}

/**
 * 検印待ち (manager): every request waiting for a second person, and approvals granted but not
 * used yet; 検印 opens the dialog, where a manager other than the maker approves or refuses.
 */
export function ApprovalsScreen() {
  const status = useStatus();
  const fetchList = useCallback(() => call('approvalsList', {}), []);
  const { data, error, reload } = useApiData(fetchList);
  const approvals = error ? null : (data?.approvals ?? null);
  const [deciding, setDeciding] = useState<Approval | null>(null);
  const [voided, setVoided] = useState<{ approval: Approval; voidNo: string; approverId: string } | null>(null);

  function decided(a: Approval, d: Decision) {
    setDeciding(null);
    status(outcomeText(a, d));
    const voidNo = isGranted(d) && a.kind === 'VOID' ? voidReceiptNo(d) : null;
    setVoided(voidNo ? { approval: a, voidNo, approverId: d.approverId } : null);
    reload();
  }

  return (
    <section className="screen" aria-labelledby="approvals-title">
      <header className="screen-header">
        <h1 id="approvals-title">検印待ち</h1>
        <button type="button" className="button button--secondary button--small" onClick={reload}>
          最新の情報に更新
        </button>
      </header>
      <p className="lead">依頼した本人以外の役席者が、この端末でご自身のオペレーターIDとパスワードを入力して承認または否認します。検印待ちの依頼がある間は、日計・締めができません。</p>
      <ErrorMessage message={error} />
      {voided ? <VoidDone voidNo={voided.voidNo} voidedNo={voided.approval.subject} approverId={voided.approverId} onClose={() => setVoided(null)} /> : null}
      <ListStatus rows={approvals} error={error} empty="検印待ちの依頼はありません。" />
      {approvals !== null && approvals.length > 0 ? (
        <DataTable
          caption="検印待ちの一覧"
          head={
            <>
              <th scope="col">No.</th>
              <th scope="col">依頼日時</th>
              <th scope="col">内容</th>
              <th scope="col">対象</th>
              <th scope="col">理由</th>
              <th scope="col">依頼者</th>
              <th scope="col">状態</th>
            </>
          }
        >
          {approvals.map((a) => (
            <tr key={a.id} data-testid={`approval-${a.id}`}>
              <td className="mono">{a.id}</td>
              <td className="mono">{formatListDateTime(a.requestedAt)}</td>
              <td>
                <span className="journal-kind-label">{a.kindLabel}</span>
              </td>
              <td>
                <span className="subject-term">{SUBJECT_TERMS[a.kind]}</span>
                <span className="mono">{a.subject}</span>
              </td>
              <td>{a.reason}</td>
              <td className="mono">{a.requestedBy}</td>
              <td>
                {a.state === 'PENDING' ? (
                  <button type="button" className="button button--primary button--small" aria-label={`No.${a.id}（${a.kindLabel}）を検印`} onClick={() => setDeciding(a)}>
                    検印
                  </button>
                ) : (
                  <span className="state state--ok">{a.stateLabel}（窓口で未使用）</span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {deciding ? <ApprovalDialog request={deciding} onDecided={(d) => decided(deciding, d)} onClose={() => setDeciding(null)} /> : null}
    </section>
  );
}
