import { ApprovalRequest } from '../../components/ApprovalRequest';
import { isGranted } from '../../components/ApprovalDialog';
import { VoidTransaction } from '../../counter/VoidTransaction';
import type { Receipts } from '../../hooks/useReceipts';
import { useStatus } from '../../hooks/useStatus';

/** What a line of 本日の取引 asks of a second person: its 取消, or a reprint after the first. */
export type JournalAction = { receiptNo: string; kindLabel: string; what: 'void' | 'reprint'; why?: string };

/** The form under a line of 本日の取引 for its 取消 or its 2回目以降の再発行, each with a 検印. */
export function JournalRowAction({ action, receipts, onClose, onVoided }: { action: JournalAction; receipts: Receipts; onClose: () => void; onVoided: () => void }) {
  const status = useStatus();
  const { receiptNo } = action;
  if (action.what === 'void') {
    return <VoidTransaction receiptNo={receiptNo} kindLabel={action.kindLabel} idPrefix="journal-void" onClose={onClose} onVoided={onVoided} />;
  }
  return (
    <ApprovalRequest
      kind="REPRINT"
      subject={receiptNo}
      title={`受付番号 ${receiptNo} の再発行（2回目以降）`}
      idPrefix="journal-reprint"
      note={action.why}
      reasonHint="例：お客さまが控えを紛失したため。検印する役席者が読み、記録に残ります。"
      onDecided={(d) => {
        if (!isGranted(d)) return;
        void receipts.open(receiptNo, true, 'customer', d.id).then((view) => {
          if (view.error) return;
          status(`受付番号 ${receiptNo} の領収書を再発行しました（検印 ${d.approverId}、印刷回数 ${view.printCount ?? '—'}回）。`);
          onClose();
        });
      }}
      onClose={onClose}
    />
  );
}
