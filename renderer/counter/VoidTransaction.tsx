import { useState } from 'react';
import { ApprovalRequest } from '../components/ApprovalRequest';
import { isGranted, type Decision } from '../components/ApprovalDialog';
import { ReceiptStatus } from '../components/ReceiptStatus';
import { useReceipts } from '../hooks/useReceipts';
import { useStatus } from '../hooks/useStatus';

/** A void itself and a suspension (final: the token never works again) cannot be voided; the server says so too. */
const NEVER_VOIDED: ReadonlySet<string> = new Set(['TRANSACTION_VOIDED', 'TOKEN_SUSPENDED']);

/** Whether to offer 取消 on a line: a counter transaction with its 受付番号 that can be undone. */
export function canOfferVoid(line: { group: string | null; kind: string; receiptNo: string | null }): boolean {
  return line.group === 'counter' && line.receiptNo !== null && !NEVER_VOIDED.has(line.kind);
}

/** The 受付番号 of the reversing transaction a granted void made (its own 取消受付票). */
export function voidReceiptNo(d: Decision): string | null {
  const no = d.result.receiptNo;
  return typeof no === 'string' ? no : null;
}

/** A granted void: its own 受付番号, and its 取消受付票 to show or print, like any receipt. */
export function VoidDone({ voidNo, voidedNo, approverId, onClose }: { voidNo: string; voidedNo: string; approverId: string; onClose?: () => void }) {
  const receipts = useReceipts();
  const view = receipts.views[voidNo];
  return (
    <div className="approval-done" data-testid="void-done">
      <p className="approval-done-title">
        受付番号 {voidedNo} のお取引を取り消しました（検印 {approverId}）。取消の受付番号は <strong className="mono">{voidNo}</strong> です。
      </p>
      <p>取消受付票をお客さまにお渡しください。手数料をいただいていた場合は、取消受付票の金額を返金します。</p>
      <ReceiptStatus receipt={view} documentName="取消受付票" />
      <div className="row-form-actions">
        <button type="button" className="button button--primary button--small" onClick={() => void receipts.open(voidNo, false)} disabled={view?.busy}>
          取消受付票を表示/印刷
        </button>
        {onClose ? (
          <button type="button" className="button button--secondary button--small" onClick={onClose}>
            閉じる
          </button>
        ) : null}
      </div>
    </div>
  );
}

type Props = {
  receiptNo: string;
  /** The act voided, as the log names it (ハードウェアトークン発行 …). */
  kindLabel: string;
  idPrefix: string;
  onClose: () => void;
  /** After a granted void, e.g. to read the list again. */
  onVoided?: () => void;
};

/**
 * 取消 of a counter transaction: a reason, the request, then 「今すぐ検印」 or 「検印待ちに回す」.
 * The void is a reversing transaction of its own; the original is never edited.
 */
export function VoidTransaction({ receiptNo, kindLabel, idPrefix, onClose, onVoided }: Props) {
  const status = useStatus();
  const [done, setDone] = useState<{ voidNo: string; approverId: string } | null>(null);
  if (done) return <VoidDone voidNo={done.voidNo} voidedNo={receiptNo} approverId={done.approverId} onClose={onClose} />;
  return (
    <ApprovalRequest
      kind="VOID"
      subject={receiptNo}
      title={`受付番号 ${receiptNo}（${kindLabel}）の取消`}
      idPrefix={idPrefix}
      reasonHint="取消受付票と記録に残ります（例：お客さまの申出による取消、入力誤り）。"
      canWait
      onDecided={(d) => {
        const voidNo = voidReceiptNo(d);
        if (!isGranted(d) || !voidNo) return;
        status(`受付番号 ${receiptNo} を取り消しました（取消の受付番号 ${voidNo}）。`);
        setDone({ voidNo, approverId: d.approverId });
        onVoided?.();
      }}
      onClose={onClose}
    />
  );
}
