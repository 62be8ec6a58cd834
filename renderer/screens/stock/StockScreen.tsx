import { Fragment, useCallback, useState } from 'react';
import { canTransition, OTP_ALGORITHM_LABELS, TOKEN_STATE_LABELS, TOKEN_STATES, type Role, type StockToken, type TokenState } from '../../../services/contract';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorSummary';
import { DataTable } from '../../components/DataTable';
import { KeyboardForm } from '../../components/KeyboardForm';
import { SelectField, TextField } from '../../components/Field';
import { formatListDateTime } from '../../format';
import { useStatus } from '../../hooks/useStatus';
import { StockImport } from './StockImport';
import { FindByOtp } from './FindByOtp';
import { StockActionForm, type StockAction } from './StockActionForm';
import { useApiData } from '../../hooks/useApiData';
import { ApprovalRequest } from '../../components/ApprovalRequest';
import { isGranted } from '../../components/ApprovalDialog';
import { ListStatus } from '../../components/ListStatus';

const STATE_OPTIONS = TOKEN_STATES.map((s) => [s, TOKEN_STATE_LABELS[s]] as const);

type Filter = { state: TokenState | ''; serial: string };

/** Codes still matter for these (a drifting clock can be realigned). */
const RESYNC_STATES: ReadonlySet<TokenState> = new Set(['IN_STOCK', 'ISSUED', 'ACTIVE']);

/** 失敗回数リセット lifts a lock: a 検印 (LOCK_OVERRIDE) resets the counter once approved. */
type OpenAction = { serial: string; action: StockAction | 'override' } | null;

/**
 * 在庫: counts by state, a filtered list with the fail count, finding a serial from a code; for
 * managers シードファイル取込 and each row's care (在庫破損, 廃棄, 失敗回数リセット, 同期).
 */
export function StockScreen({ role }: { role: Role }) {
  const status = useStatus();
  const manager = role === 'manager';
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
  const matched = data?.matched ?? 0;
  const counts = data?.counts ?? {};

  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const [open, setOpen] = useState<OpenAction>(null);

  function done(message: string) {
    setOpen(null);
    status(message);
    reload();
  }

  function start(serial: string, action: StockAction | 'override') {
    setOpen({ serial, action });
  }

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

      {manager ? <StockImport onImported={reload} /> : null}

      <FindByOtp />

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

      <ListStatus rows={tokens} error={error} empty="該当するトークンはありません。" />
      {tokens !== null && tokens.length > 0 ? (
        <>
          <p className="table-note" role="status">
            {matched.toLocaleString('ja-JP')}件
            {matched > tokens.length ? `（先頭${tokens.length}件を表示しています。状態かシリアル番号で絞り込んでください）` : ''}
          </p>
          <DataTable
            caption="在庫一覧"
            head={
              <>
                <th scope="col">シリアル番号</th>
                <th scope="col">状態</th>
                <th scope="col">方式</th>
                <th scope="col" className="num">
                  失敗回数
                </th>
                <th scope="col">更新日時</th>
                {manager ? <th scope="col">操作</th> : null}
              </>
            }
          >
            {tokens.map((t) => (
              <Fragment key={t.serial}>
                <tr>
                  <td className="mono">{t.serial}</td>
                  <td data-testid={`state-${t.serial}`}>
                    <span className={`state state--${t.state.toLowerCase()}`}>{TOKEN_STATE_LABELS[t.state]}</span>
                  </td>
                  <td>{OTP_ALGORITHM_LABELS[t.algorithm]}</td>
                  <td className={`num ${t.failCount > 0 ? 'fail-count' : ''}`} data-testid={`fail-${t.serial}`}>
                    {t.failCount}回
                  </td>
                  <td className="mono">{formatListDateTime(t.updatedAt)}</td>
                  {manager ? (
                    <td>
                      <RowActions token={t} onStart={(action) => start(t.serial, action)} />
                    </td>
                  ) : null}
                </tr>
                {manager && open?.serial === t.serial ? (
                  <tr className="row-form-row">
                    <td colSpan={6}>
                      {open.action === 'override' ? (
                        <ApprovalRequest
                          kind="LOCK_OVERRIDE"
                          subject={t.serial}
                          title={`${t.serial} の失敗回数リセット（使用停止の解除）`}
                          idPrefix="stock-override"
                          reasonHint="例：お客さまがボタンを押し間違えたため。検印する役席者が読み、記録に残ります。"
                          canWait
                          onDecided={(d) => {
                            if (isGranted(d)) done(`シリアル番号 ${t.serial} の失敗回数を0回に戻しました（検印 ${d.approverId}）。`);
                          }}
                          onClose={() => setOpen(null)}
                        />
                      ) : (
                        <StockActionForm key={open.action} serial={t.serial} digits={t.digits} action={open.action} onDone={done} onCancel={() => setOpen(null)} />
                      )}
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </DataTable>
        </>
      ) : null}
    </section>
  );
}

/** The manager's actions a token's state allows: [button text, what it does (for its name), run]. */
function RowActions({ token, onStart }: { token: StockToken; onStart: (action: StockAction | 'override') => void }) {
  const actions: Array<[string, string, () => void]> = [];
  if (canTransition(token.state, 'MARK_DAMAGED')) actions.push(['在庫破損', '在庫破損にする', () => onStart('damage')]);
  if (canTransition(token.state, 'DISPOSE')) actions.push(['廃棄', '廃棄する', () => onStart('dispose')]);
  if (token.failCount > 0) actions.push(['失敗回数リセット', '失敗回数リセット', () => onStart('override')]);
  if (RESYNC_STATES.has(token.state)) actions.push(['同期', '同期する', () => onStart('resync')]);
  return (
    <div className="row-actions">
      {actions.map(([text, does, run]) => (
        <button key={text} type="button" className="button button--secondary button--small" aria-label={`${token.serial} を${does}`} onClick={run}>
          {text}
        </button>
      ))}
    </div>
  );
}
