import { Fragment, useCallback, useState } from 'react';
import { formatJstDate, formatJstTime, formatYen, type JournalLine } from '../../../services/contract';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorSummary';
import { DataTable } from '../../components/DataTable';
import { JournalKindCell, JournalSubjectCells } from '../../components/JournalKindCell';
import { RadioGroup } from '../../components/Field';
import { ReceiptStatus } from '../../components/ReceiptStatus';
import { useReceipts } from '../../hooks/useReceipts';
import { useApiData } from '../../hooks/useApiData';
import { useStatus } from '../../hooks/useStatus';
import { canOfferVoid } from '../../counter/VoidTransaction';
import { JournalRowAction, type JournalAction } from './RowAction';
import { ListStatus } from '../../components/ListStatus';

/** The day's counter transactions (not their reprints) and their fees by payment, and the refused attempts. */
function summarize(entries: JournalLine[]) {
  const counter = entries.filter((e) => e.group === 'counter');
  const sum = (list: JournalLine[]) => list.reduce((total, e) => total + (e.amount ?? 0), 0);
  return {
    counter: counter.length,
    refusals: entries.filter((e) => e.group === 'refusal').length,
    fees: sum(counter),
    cash: sum(counter.filter((e) => e.payment === 'CASH')),
    debit: sum(counter.filter((e) => e.payment === 'ACCOUNT_DEBIT')),
  };
}

/** Which entries the list shows: all of them, the counter transactions, or the refused attempts. */
type Shown = 'all' | 'counter' | 'refusal';

const SHOWN_OPTIONS: ReadonlyArray<readonly [Shown, string]> = [
  ['all', 'すべて'],
  ['counter', '受付（受付番号のある取引）のみ'],
  ['refusal', '受付できなかった操作のみ'],
];

/** 本日の取引: today's journal, newest first, with 再発行 for each counter transaction's receipt. */
export function JournalScreen() {
  const status = useStatus();
  const fetchToday = useCallback(() => call('journalToday', {}), []);
  const { data, error, reload } = useApiData(fetchToday);
  const [shown, setShown] = useState<Shown>('all');
  const all = data?.entries ?? null;
  const entries = all && shown !== 'all' ? all.filter((e) => e.group === shown) : all;
  const receipts = useReceipts();
  const [action, setAction] = useState<JournalAction | null>(null);

  async function reprint(receiptNo: string, kindLabel: string) {
    const view = await receipts.open(receiptNo, true);
    if (view.errorCode === 'REPRINT_NEEDS_APPROVAL') setAction({ receiptNo, kindLabel, what: 'reprint', why: view.error });
    else if (!view.error) status(`受付番号 ${receiptNo} の領収書を再発行しました（印刷回数 ${view.printCount ?? '—'}回）。`);
  }

  const total = (entries ?? []).reduce((sum, e) => sum + (e.amount ?? 0), 0);
  const summary = summarize(all ?? []);

  return (
    <section className="screen" aria-labelledby="journal-title">
      <header className="screen-header">
        <h1 id="journal-title">本日の取引</h1>
        <span className="screen-header-note">{formatJstDate(new Date())}</span>
        <button type="button" className="button button--secondary button--small" onClick={reload}>
          最新の情報に更新
        </button>
      </header>
      <ErrorMessage message={error} />
      {all !== null ? (
        <div className="journal-summary">
          <p data-testid="journal-summary">
            <span>
              受付 <strong>{summary.counter}件</strong>
            </span>
            <span>
              手数料 <strong>{formatYen(summary.fees)}</strong>（現金 {formatYen(summary.cash)}・口座振替 {formatYen(summary.debit)}）
            </span>
            <span>
              受付できなかった操作 <strong>{summary.refusals}件</strong>
            </span>
          </p>
          <RadioGroup
            name="journal-shown"
            label="表示"
            className="journal-filter"
            options={SHOWN_OPTIONS}
            value={shown}
            onChange={setShown}
          />
        </div>
      ) : null}
      <ListStatus rows={entries} error={error} empty="本日の取引はまだありません。" />
      {entries !== null && entries.length > 0 ? (
        <DataTable
          caption="本日の取引一覧"
          head={
            <>
              <th scope="col">時刻</th>
              <th scope="col">取引</th>
              <th scope="col">受付番号</th>
              <th scope="col">シリアル番号</th>
              <th scope="col">契約者ID</th>
              <th scope="col" className="num">
                金額
              </th>
              <th scope="col">担当</th>
            </>
          }
          foot={
            <tr>
              <th scope="row" colSpan={5}>
                表示 {entries.length}件
              </th>
              <td className="num">{formatYen(total)}</td>
              <td />
            </tr>
          }
        >
          {entries.map((e) => (
            <Fragment key={e.seq}>
              <tr>
                <td className="mono">{formatJstTime(new Date(e.occurredAt))}</td>
                <JournalKindCell kindLabel={e.kindLabel} detail={e.detail} />
                {/* The receipt's 再発行 sits under its number: one column fewer, so that the list fits at 拡大. */}
                <td>
                  <span className="mono">{e.receiptNo ?? '—'}</span>
                  {e.group === 'counter' && e.receiptNo ? (
                    <ReprintCell
                      receiptNo={e.receiptNo}
                      // The refusal of a second reprint is said in the form below, which asks for the 検印.
                      view={action?.what === 'reprint' && action.receiptNo === e.receiptNo ? undefined : receipts.views[e.receiptNo]}
                      onReprint={() => void reprint(e.receiptNo as string, e.kindLabel)}
                      {...(canOfferVoid(e) ? { onVoid: () => setAction({ receiptNo: e.receiptNo as string, kindLabel: e.kindLabel, what: 'void' }) } : {})}
                    />
                  ) : null}
                </td>
                <JournalSubjectCells entry={e} />
                {/* A failed login under an unregistered ID: its detail says so. */}
                <td className="mono">{e.operatorId || '—'}</td>
              </tr>
              {action && e.group === 'counter' && action.receiptNo === e.receiptNo ? (
                <tr className="row-form-row">
                  <td colSpan={7}>
                    <JournalRowAction key={action.what} action={action} receipts={receipts} onClose={() => setAction(null)} onVoided={reload} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}

function ReprintCell({
  receiptNo,
  view,
  onReprint,
  onVoid,
}: {
  receiptNo: string;
  view: ReturnType<typeof useReceipts>['views'][string] | undefined;
  onReprint: () => void;
  /** 取消 with a 検印, where the transaction can be undone. */
  onVoid?: () => void;
}) {
  return (
    <div className="reprint">
      <div className="row-actions">
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={onReprint}
          disabled={view?.busy}
          aria-describedby={view ? `reprint-${receiptNo}` : undefined}
        >
          再発行
        </button>
        {onVoid ? (
          <button type="button" className="button button--secondary button--small" aria-label={`${receiptNo} を取消`} onClick={onVoid}>
            取消
          </button>
        ) : null}
      </div>
      {view ? (
        <div id={`reprint-${receiptNo}`}>
          <ReceiptStatus receipt={view} />
        </div>
      ) : null}
    </div>
  );
}
