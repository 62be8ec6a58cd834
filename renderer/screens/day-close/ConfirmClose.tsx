import { useEffect, useRef } from 'react';
import { formatYen, TOKEN_STATE_LABELS, type DayStatus, type RequestOf } from '../../../services/contract';
import { SummaryList, type SummaryRow } from '../../components/SummaryList';
import { formatBusinessDate } from '../../format';
import { countedStates, pieces, signed } from './DayCount';

type Props = { day: DayStatus; request: RequestOf<'dayClose'>; busy: boolean; onBack: () => void; onClose: () => void };

/** 締める's last look: what was counted against the books, and what closing means. The focus starts on 締める. */
export function ConfirmClose({ day, request, busy, onBack, onClose }: Props) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeButton.current?.focus();
  }, []);
  const cashDiff = request.countedCash - day.figures.expectedCash;
  const rows: SummaryRow[] = [
    ['営業日', formatBusinessDate(day.businessDate)],
    ['予定の現金', formatYen(day.figures.expectedCash)],
    ['数えた現金', formatYen(request.countedCash)],
    ['現金の過不足', cashDiff === 0 ? 'なし' : signed(cashDiff, formatYen), 'confirm-cash-difference'],
    ...(request.cashReason ? [['過不足の理由', request.cashReason] as const] : []),
    ...countedStates(day).map((s) => {
      const expected = day.expectedStock[s] ?? 0;
      const counted = request.countedStock[s] ?? expected;
      return [TOKEN_STATE_LABELS[s], `帳簿 ${pieces(expected)} ／ 数えた本数 ${pieces(counted)}${counted === expected ? '' : `（${signed(counted - expected, pieces)}）`}`] as const;
    }),
    ...(request.stockReason ? [['在庫の差の理由', request.stockReason] as const] : []),
    ['回収トークン', `${day.collected}個（ベンダーへ返却待ち）`],
    ['担当したオペレーター', day.operators.join('、') || '—'],
  ];
  return (
    <section className="confirm" aria-labelledby="close-confirm-title">
      <h2 id="close-confirm-title">締めの確認</h2>
      <SummaryList rows={rows} />
      <p className="warning-box" role="note">
        締めると日計表を印刷し、この後の取引は翌営業日の扱いになります。締めた営業日を再開するには、役席者の検印が必要です。
      </p>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={onBack} disabled={busy}>
          戻る
        </button>
        <button type="button" ref={closeButton} className="button button--primary" onClick={onClose} disabled={busy} aria-describedby="close-confirm-title">
          {busy ? '処理中…' : '締める'}
        </button>
      </div>
    </section>
  );
}
