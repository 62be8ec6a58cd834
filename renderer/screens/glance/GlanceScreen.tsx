import { useCallback } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { BATTERY_OFFER_AGE, formatAge, formatJstDate, GLANCE_DAYS, type Glance } from '../../../services/contract';
import { call } from '../../api';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorSummary';
import { useApiData } from '../../hooks/useApiData';

// One colour per act, each at least 4.5:1 against white, told apart in the table and legend by name too.
const COLOURS = ['#0f3d6e', '#1e6b34', '#a4161a', '#7a4a00', '#5b3a99', '#00626b', '#6b4f1d'];

/** "2026-11-25" → "11/25", as the axis and the table name a day. */
function shortDay(day: string): string {
  const [, m, d] = day.split('-');
  return `${Number(m)}/${Number(d)}`;
}

/** 概況 (manager only): the last 30 days at the counter, the stock against its threshold, batteries near their end. */
export function GlanceScreen() {
  const fetchGlance = useCallback(() => call('glance', {}), []);
  const { data, error } = useApiData(fetchGlance);
  return (
    <section className="screen" aria-labelledby="glance-title">
      <header className="screen-header">
        <h1 id="glance-title">概況</h1>
      </header>
      <ErrorMessage message={error} />
      {data === null && !error ? <p>読み込み中…</p> : null}
      {data ? (
        <>
          <Activity glance={data} />
          <Stock stock={data.stock} />
          <Batteries battery={data.battery} />
        </>
      ) : null}
    </section>
  );
}

function Activity({ glance }: { glance: Glance }) {
  const { acts, days } = glance;
  const rows = days.map((d) => ({ day: shortDay(d.day), ...Object.fromEntries(acts.map((a) => [a.kind, d.counts[a.kind] ?? 0])) }));
  const totals = acts.map((a) => ({ ...a, n: days.reduce((sum, d) => sum + (d.counts[a.kind] ?? 0), 0) }));
  const summary = `直近${GLANCE_DAYS}日（${shortDay(days[0]!.day)}〜${shortDay(days.at(-1)!.day)}）の件数：${totals.map((t) => `${t.label} ${t.n}件`).join('、')}`;
  return (
    <section className="panel panel--inset" aria-labelledby="activity-title">
      <h2 id="activity-title">直近{GLANCE_DAYS}日の取引</h2>
      <figure className="glance-chart" aria-labelledby="activity-summary">
        <ResponsiveContainer width="100%" height={300}>
          <BarChart data={rows} title={`直近${GLANCE_DAYS}日の取引件数（日別・種類別の積み上げ棒グラフ）`} desc={summary} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" interval={2} tick={{ fontSize: '0.8125rem' }} />
            <YAxis allowDecimals={false} width={40} tick={{ fontSize: '0.8125rem' }} />
            <Tooltip formatter={(value) => `${String(value)}件`} />
            {acts.map((a, i) => (
              <Bar key={a.kind} dataKey={a.kind} name={a.label} stackId="acts" fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
        {/* Our own legend: recharts names its icons in English, and the labels already say what the colours mean. */}
        <ul className="glance-legend">
          {acts.map((a, i) => (
            <li key={a.kind}>
              <span className="glance-swatch" style={{ background: COLOURS[i % COLOURS.length] }} aria-hidden="true" />
              {a.label}
            </li>
          ))}
        </ul>
        <figcaption id="activity-summary" className="glance-summary" data-testid="activity-summary">
          {summary}
        </figcaption>
      </figure>
      <details className="glance-table">
        <summary>日別の件数を表で見る</summary>
        <DataTable
          caption={`直近${GLANCE_DAYS}日の日別・種類別の件数`}
          head={
            <>
              <th scope="col">日付</th>
              {acts.map((a) => (
                <th key={a.kind} scope="col" className="num">
                  {a.label}
                </th>
              ))}
            </>
          }
        >
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{shortDay(d.day)}</th>
              {acts.map((a) => (
                <td key={a.kind} className="num">
                  {d.counts[a.kind] ?? 0}
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      </details>
    </section>
  );
}

function Stock({ stock }: { stock: Glance['stock'] }) {
  return (
    <section className="panel panel--inset" aria-labelledby="glance-stock-title">
      <h2 id="glance-stock-title">在庫</h2>
      {stock.low ? (
        <p className="warning-box" role="note" data-testid="low-stock">
          <strong>在庫が少なくなっています。</strong>
          在庫（未使用）は{stock.inStock}個で、下限の{stock.threshold}個を下回っています。トークンの補充を手配してください。
        </p>
      ) : null}
      <ul className="counts" aria-label="状態別の本数">
        {stock.counts.map((c) => (
          <li key={c.state} className={`count count--${c.state.toLowerCase()}`} data-testid={`glance-count-${c.state}`}>
            <span className="count-label">{c.label}</span>
            <span className="count-value">{c.n}</span>
          </li>
        ))}
      </ul>
      <p className="field-hint">在庫の下限は{stock.threshold}個です（店舗設定で変更できます）。</p>
    </section>
  );
}

function Batteries({ battery }: { battery: Glance['battery'] }) {
  const now = new Date();
  const before = formatJstDate(new Date(battery.issuedBefore));
  return (
    <section className="panel panel--inset" aria-labelledby="battery-title">
      <h2 id="battery-title">電池の交換時期が近いトークン</h2>
      <p className="lead">
        発行から{BATTERY_OFFER_AGE}以上たったトークン（{before}より前に発行し、いまもお使いのもの）です。電池の寿命はおよそ5年です。ご来店の際に、電池切れ前の交換（無料）をご案内してください。
      </p>
      <p data-testid="battery-total">
        {battery.counted === 0
          ? '該当するトークンはありません。'
          : `${battery.counted.toLocaleString('ja-JP')}件${battery.more ? '以上' : ''}${battery.counted > battery.tokens.length ? `（発行の古い順に${battery.tokens.length}件を表示）` : ''}`}
      </p>
      {battery.tokens.length > 0 ? (
        <DataTable
          caption="電池の交換時期が近いトークン（発行の古い順）"
          head={
            <>
              <th scope="col">契約者ID</th>
              <th scope="col">お名前</th>
              <th scope="col">シリアル番号</th>
              <th scope="col">状態</th>
              <th scope="col">発行日</th>
              <th scope="col">経過</th>
            </>
          }
        >
          {battery.tokens.map((t) => (
            <tr key={t.serial}>
              <td className="mono">{t.contractId ?? '—'}</td>
              <td>{t.name ?? '—'}</td>
              <td className="mono">{t.serial}</td>
              <td>{t.stateLabel}</td>
              <td>{formatJstDate(new Date(t.issuedAt))}</td>
              <td>{formatAge(new Date(t.issuedAt), now)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
