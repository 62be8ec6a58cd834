import { formatYen, PAYMENT_LABELS, PAYMENT_METHODS, type DayStatus } from '../../../services/contract';
import { DataTable } from '../../components/DataTable';
import { SummaryList, type SummaryRow } from '../../components/SummaryList';

/** The business day's figures as the 日計表 prints them: per act, per payment, tax per rate, refunds, expected cash. */
export function DayFigures({ figures }: { figures: DayStatus['figures'] }) {
  const total = figures.acts.reduce((sum, a) => sum + a.amount, 0);
  const rows: SummaryRow[] = [
    ...PAYMENT_METHODS.map((m) => [PAYMENT_LABELS[m], formatYen(figures.byPayment[m] ?? 0), `by-${m}`] as const),
    ...figures.taxes.map((t) => [`消費税（${t.ratePercent}%対象）`, `${formatYen(t.totalInclTax)}（うち消費税 ${formatYen(t.tax)}）`] as const),
    ['返金（取消）', `${figures.refunds.count}件 ${formatYen(figures.refunds.amount)}`, 'refunds'],
  ];
  return (
    <section className="panel panel--inset day-figures" aria-labelledby="day-figures-title">
      <h2 id="day-figures-title">取引の集計</h2>
      {figures.acts.length === 0 ? (
        <p className="empty">この営業日の窓口の取引はまだありません。</p>
      ) : (
        <DataTable
          caption="取引別の件数と金額"
          head={
            <>
              <th scope="col">取引</th>
              <th scope="col" className="num">
                件数
              </th>
              <th scope="col" className="num">
                金額
              </th>
            </>
          }
          foot={
            <tr>
              <th scope="row">合計</th>
              <td className="num">{figures.transactions}件</td>
              <td className="num">{formatYen(total)}</td>
            </tr>
          }
        >
          {figures.acts.map((a) => (
            <tr key={a.kind} data-testid={`act-${a.kind}`}>
              <td>{a.label}</td>
              <td className="num">{a.count}件</td>
              <td className="num">{formatYen(a.amount)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <SummaryList rows={rows} className="summary--compact summary--figures" />
    </section>
  );
}
