import { useCallback, useEffect, useRef, useState } from 'react';
import { formatJstTime, jstDate, type JournalLine } from '../../../services/contract';
import { call } from '../../api';
import { DataTable } from '../../components/DataTable';
import { JournalKindCell, JournalSubjectCells } from '../../components/JournalKindCell';
import { ErrorMessage } from '../../components/ErrorSummary';
import { focusField } from '../../components/formScope';
import { useApiData } from '../../hooks/useApiData';
import { useStatus } from '../../hooks/useStatus';
import { LogDetail } from './LogDetail';
import { LOG_FILTER_LABELS, LOG_FORM_PREFIX, LogFilters, NO_FILTER, toQuery, type LogFilterValues, type LogQuery } from './LogFilters';
import { LogJobs } from './LogJobs';
import { ListStatus } from '../../components/ListStatus';

/** Pages after the first, for the query they continue. */
type More = { query: LogQuery; entries: JournalLine[]; next: number | null };

/**
 * 取引履歴 (manager): the whole journal, filtered, 50 entries at a time with 「さらに表示」;
 * contracts masked in the list, whole on an entry's detail. Exports and the ledger's check below.
 */
export function LogScreen() {
  const status = useStatus();
  const [values, setValues] = useState<LogFilterValues>(NO_FILTER);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A new object at each 検索, so that searching again reads the log again.
  const [query, setQuery] = useState<LogQuery>({});
  const fetchFirst = useCallback(() => call('logSearch', query), [query]);
  const first = useApiData(fetchFirst);
  const [more, setMore] = useState<More | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [detail, setDetail] = useState<number | null>(null);
  const backTo = useRef<number | null>(null);

  const extra = more && more.query === query ? more : null;
  const entries = first.data ? [...first.data.entries, ...(extra?.entries ?? [])] : null;
  const next = extra ? extra.next : (first.data?.next ?? null);

  async function showMore() {
    if (busy || next === null) return;
    const q = query;
    setBusy(true);
    const r = await call('logSearch', { ...q, before: next });
    setBusy(false);
    if (!r.ok) {
      setMoreError(r.error.message);
      return;
    }
    setMoreError(null);
    setMore((m) => ({ query: q, entries: [...(m && m.query === q ? m.entries : []), ...r.value.entries], next: r.value.next }));
  }

  // Back from a detail: the focus returns to the line it was opened from.
  useEffect(() => {
    if (detail !== null || backTo.current === null) return;
    document.getElementById(`log-open-${backTo.current}`)?.focus();
    backTo.current = null;
  }, [detail]);

  function search() {
    const { query: q, errors: wrong } = toQuery(values);
    setErrors(wrong);
    const wrongField = Object.keys(LOG_FILTER_LABELS).find((k) => wrong[k]);
    if (wrongField) {
      status('');
      focusField(LOG_FORM_PREFIX, wrongField);
      return;
    }
    setMoreError(null);
    setQuery(q);
  }

  function open(seq: number) {
    backTo.current = seq;
    setDetail(seq);
  }

  const error = first.error ?? moreError;
  return (
    <section className="screen" aria-labelledby="log-title">
      <header className="screen-header">
        <h1 id="log-title">取引履歴</h1>
        <span className="screen-header-note">すべての記録（新しい順）</span>
      </header>
      {detail !== null ? <LogDetail key={detail} seq={detail} onBack={() => setDetail(null)} /> : null}
      {/* Hidden, not gone, while a detail is open: the list, its filters and a running export stay as they were. */}
      <div hidden={detail !== null}>
        <LogFilters
          values={values}
          errors={errors}
          onChange={setValues}
          onSearch={search}
          onClear={() => {
            setValues(NO_FILTER);
            setErrors({});
            setMoreError(null);
            setQuery({});
          }}
        />
        <ErrorMessage message={error} />
        <ListStatus rows={entries} error={error} empty="条件に合う記録はありません。" />
        {entries !== null && entries.length > 0 ? (
          <>
            <DataTable
              caption="取引履歴の一覧"
              head={
                <>
                  <th scope="col">記録</th>
                  <th scope="col">日時・担当</th>
                  <th scope="col">取引</th>
                  <th scope="col">受付番号</th>
                  <th scope="col">シリアル番号</th>
                  <th scope="col">契約者ID</th>
                  <th scope="col" className="num">
                    金額
                  </th>
                </>
              }
            >
              {entries.map((e) => (
                <tr key={e.seq}>
                  <td>
                    <button type="button" id={`log-open-${e.seq}`} className="button button--secondary button--small" aria-label={`記録 ${e.seq} の詳細`} onClick={() => open(e.seq)}>
                      {e.seq}
                    </button>
                  </td>
                  <td className="mono log-when">
                    <span>{jstDate(new Date(e.occurredAt))}</span> <span>{formatJstTime(new Date(e.occurredAt))}</span> <span>{e.operatorId || '—'}</span>
                  </td>
                  <JournalKindCell kindLabel={e.kindLabel} detail={e.detail} />
                  <td className="mono">{e.receiptNo ?? '—'}</td>
                  <JournalSubjectCells entry={e} />
                </tr>
              ))}
            </DataTable>
            <div className="log-more">
              <p className="table-note" role="status">
                {entries.length.toLocaleString('ja-JP')}件を表示しています{next === null ? '（これ以上の記録はありません）' : ''}。
              </p>
              {next !== null ? (
                <button type="button" className="button button--secondary" disabled={busy} onClick={() => void showMore()}>
                  さらに表示
                </button>
              ) : null}
            </div>
          </>
        ) : null}
        <LogJobs query={query} onOpen={open} />
      </div>
    </section>
  );
}
