import { formatYen, type ResponseOf } from '../../services/contract';

type Fee = ResponseOf<'feesQuote'>;

/** The fee as the fee table says today: amount including tax, and the tax in it. */
export function FeeBox({ fee, error }: { fee: Fee | null; error: string | null }) {
  if (error) {
    return (
      <p className="field-error" role="alert">
        手数料を取得できません：{error}
      </p>
    );
  }
  if (!fee) return <p className="fee-box">手数料を確認しています…</p>;
  if (fee.totalInclTax === 0) {
    return (
      <div className="fee-box" data-testid="fee">
        <span className="fee-description">{fee.description}</span>
        <span className="fee-amount">{formatYen(0)}</span>
        <span className="fee-tax">お使いのトークンとの引換のため無料です。</span>
      </div>
    );
  }
  return (
    <div className="fee-box" data-testid="fee">
      <span className="fee-description">{fee.description}</span>
      <span className="fee-amount">
        {formatYen(fee.totalInclTax)}
        <span className="fee-tax-note">（税込）</span>
      </span>
      <span className="fee-tax">
        うち消費税 {formatYen(fee.tax)}（{fee.taxRatePercent}%対象）
      </span>
    </div>
  );
}

/** For summaries: "2,200円（税込） うち消費税 200円"; a free transaction says 0円 only. */
export function feeText(fee: Pick<Fee, 'totalInclTax' | 'tax'> | null): string {
  if (!fee) return '—';
  if (fee.totalInclTax === 0) return `${formatYen(0)}（無料）`;
  return `${formatYen(fee.totalInclTax)}（税込） うち消費税 ${formatYen(fee.tax)}`;
}
