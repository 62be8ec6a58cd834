import { useCallback, useState } from 'react';
import type { Role, TokenState } from '../../domain/types';
import { TOKEN_STATES } from '../../domain/types';
import { call } from '../api';
import { ErrorMessage } from '../components/ErrorSummary';
import { KeyboardForm } from '../components/KeyboardForm';
import { SelectField, TextField } from '../components/Field';
import { ALGORITHM_LABELS, TOKEN_STATE_LABELS, tokenStateLabel } from '../labels';
import { jstDate, formatJstTime } from '../../domain/format';
import { StockImport } from './StockImport';
import { useApiData } from '../hooks/useApiData';

const SHOWN_ROWS = 500;
const STATE_OPTIONS = TOKEN_STATES.map((s) => [s, TOKEN_STATE_LABELS[s]] as const);

type Filter = { state: TokenState | ''; serial: string };

/** 在庫: counts by state, a filtered list, and (for managers) シードファイル取込. */
export function StockScreen({ role }: { role: Role }) {
  const [filter, setFilter] = useState<Filter>({ state: '', serial: '' });
  const [applied, setApplied] = useState<Filter>({ state: '', serial: '' });
  const fetchList = useCallback(
    () =>
      call('stockList', {
        ...(applied.state ? { state: applied.state } : {}),
        ...(applied.serial.trim() ? { serial: applied.serial.trim() } : {}),
      }),
    [applied],
  );
  const { data, error, reload } = useApiData(fetchList);
  const tokens = data?.tokens ?? null;
  const counts = data?.counts ?? {};

  const total = Object.values(counts).reduce((a, b) => a + b, 0);

  return (
    <section className="screen" aria-labelledby="stock-title">
      <header className="screen-header">
        <h1 id="stock-title">在庫</h1>
      </header>
      <ErrorMessage message={error} />

      <ul className="counts" aria-label="状態別の本数">
        {TOKEN_STATES.map((s) => (
          <li key={s} className={`count count--${s.toLowerCase()}`} data-testid={`count-${s}`}>
            <span className="count-label">{TOKEN_STATE_LABELS[s]}</span>
            <span className="count-value">{counts[s] ?? 0}</span>
          </li>
        ))}
        <li className="count count--total" data-testid="count-total">
          <span className="count-label">合計</span>
          <span className="count-value">{total}</span>
        </li>
      </ul>

      {role === 'manager' ? <StockImport onImported={reload} /> : null}

      <KeyboardForm
        idPrefix="stock"
        className="filter-bar"
        onSubmit={() => setApplied({ ...filter })}
        submitOnLastField
        aria-label="在庫の絞り込み"
      >
        <SelectField
          name="state"
          label="状態"
          placeholder="すべて"
          options={STATE_OPTIONS}
          value={filter.state}
          onChange={(e) => {
            const next = { ...filter, state: e.target.value as Filter['state'] };
            setFilter(next);
            setApplied(next);
          }}
          className="w-medium"
        />
        <TextField
          name="serial"
          label="シリアル番号"
          value={filter.serial}
          maxLength={40}
          onChange={(e) => setFilter({ ...filter, serial: e.target.value })}
          className="w-serial"
        />
        <div className="filter-actions">
          <button type="submit" className="button button--primary">
            検索
          </button>
        </div>
      </KeyboardForm>

      {tokens === null && !error ? <p>読み込み中…</p> : null}
      {tokens !== null && tokens.length === 0 ? <p className="empty">該当するトークンはありません。</p> : null}
      {tokens !== null && tokens.length > 0 ? (
        <>
          <p className="table-note" role="status">
            {tokens.length}件
            {tokens.length > SHOWN_ROWS ? `（先頭${SHOWN_ROWS}件を表示しています。絞り込んでください）` : ''}
          </p>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">在庫一覧</caption>
              <thead>
                <tr>
                  <th scope="col">シリアル番号</th>
                  <th scope="col">状態</th>
                  <th scope="col">方式</th>
                  <th scope="col">更新日時</th>
                </tr>
              </thead>
              <tbody>
                {tokens.slice(0, SHOWN_ROWS).map((t) => (
                  <tr key={t.serial}>
                    <td className="mono">{t.serial}</td>
                    <td>
                      <span className={`state state--${t.state.toLowerCase()}`}>{tokenStateLabel(t.state)}</span>
                    </td>
                    <td>{ALGORITHM_LABELS[t.algorithm] ?? t.algorithm}</td>
                    <td className="mono">{formatUpdated(t.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

function formatUpdated(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${jstDate(at)} ${formatJstTime(at)}`;
}
