import { useState } from 'react';
import { formatYen, normalizeInput } from '../../services/contract';
import { ApprovalRequest } from '../components/ApprovalRequest';
import { isGranted } from '../components/ApprovalDialog';
import { useStatus } from '../hooks/useStatus';

/** A 手数料免除 asked for one contract; kept with the form until 確定 uses it. */
export type FeeWaiver = { approvalId: number; contractId: string; reason: string; grantedBy: string | null };

/** What the confirm step and the receipt's summary say of a waived fee. */
export const WAIVED_FEE_TEXT = `${formatYen(0)}（免除）`;

/** The approval 確定 sends: granted, and for the contract the form names now. */
export function appliedWaiver(waiver: FeeWaiver | null, contractId: string): number | undefined {
  return waiver && waiver.grantedBy !== null && waiver.contractId === normalizeInput(contractId) ? waiver.approvalId : undefined;
}

type Props = {
  contractId: string;
  waiver: FeeWaiver | null;
  onChange: (waiver: FeeWaiver | null) => void;
};

/**
 * 手数料免除 before 確定: the reason, a FEE_WAIVER request naming the contract, a manager's 検印
 * in the dialog; the approval then goes with 確定 and the fee is 0円.
 */
export function FeeWaiverPanel({ contractId, waiver, onChange }: Props) {
  const status = useStatus();
  const id = normalizeInput(contractId);
  const mine = waiver && waiver.contractId === id ? waiver : null;
  const [asking, setAsking] = useState(false);

  if (mine && mine.grantedBy !== null) {
    return (
      <div className="approval-done" data-testid="fee-waiver">
        <p className="approval-done-title">
          手数料の免除：承認済（検印 {mine.grantedBy}、No.{mine.approvalId}）。確定すると手数料は {WAIVED_FEE_TEXT} です。
        </p>
        <p>理由：{mine.reason}</p>
        <div className="row-form-actions">
          <button type="button" className="button button--secondary button--small" onClick={() => onChange(null)}>
            免除を取りやめる
          </button>
        </div>
      </div>
    );
  }

  if (!mine && !asking) {
    return (
      <div className="approval-offer">
        <button type="button" className="button button--secondary button--small" onClick={() => setAsking(true)}>
          手数料を免除する（検印）
        </button>
      </div>
    );
  }

  return (
    <ApprovalRequest
      kind="FEE_WAIVER"
      subject={id}
      title={`契約者ID ${id} の手数料の免除`}
      idPrefix="fee-waiver"
      reasonHint="例：店舗側の不備による再来店。検印する役席者が読み、記録に残ります。"
      pending={mine ? { id: mine.approvalId, reason: mine.reason } : null}
      onRequested={(approvalId, reason) => onChange({ approvalId, contractId: id, reason, grantedBy: null })}
      onDecided={(d) => {
        if (!isGranted(d)) {
          onChange(null);
          return;
        }
        status(`手数料の免除が承認されました（検印 ${d.approverId}）。`);
        onChange({ approvalId: d.id, contractId: id, reason: mine?.reason ?? '', grantedBy: d.approverId });
      }}
      onClose={() => setAsking(false)}
    />
  );
}
