import { checkClose, DomainError, formatYen, TOKEN_STATE_LABELS, type DayStatus, type RequestOf, type TokenState } from '../../../services/contract';
import { Badge } from '../../components/Badge';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { KeyboardForm } from '../../components/KeyboardForm';

/** What the manager typed: the counted cash, the counted tokens per state, and the reasons for a difference. */
export type Counted = { countedCash: string; cashReason: string; stock: Partial<Record<TokenState, string>>; stockReason: string };
export const NO_COUNT: Counted = { countedCash: '', cashReason: '', stock: {}, stockReason: '' };

export const DAY_FORM_PREFIX = 'day';

/** A count as typed: full-width digits, commas and 円・本 are fine. Undefined: nothing typed; null: not a number. */
export function parseCount(raw: string): number | null | undefined {
  const text = raw.normalize('NFKC').replace(/[,\s円本]/gu, '');
  if (text === '') return undefined;
  return /^\d{1,10}$/u.test(text) ? Number(text) : null;
}

export const stockField = (state: TokenState) => `stock_${state}`;

/** The states the books expect, in the server's order. */
export function countedStates(day: DayStatus): TokenState[] {
  return Object.keys(day.expectedStock) as TokenState[];
}

/** Field labels in screen order (the error summary's order too). */
export function dayLabels(day: DayStatus): Record<string, string> {
  return {
    countedCash: '数えた現金',
    cashReason: '現金の過不足の理由',
    ...Object.fromEntries(countedStates(day).map((s) => [stockField(s), `${TOKEN_STATE_LABELS[s]}（数えた本数）`])),
    stockReason: '在庫の差の理由',
  };
}

/** A difference from the books, never 0: "+1,000円（多い）", "−1,000円（不足）". */
export function signed(diff: number, unit: (n: number) => string): string {
  return diff > 0 ? `+${unit(diff)}（多い）` : `${unit(diff)}（不足）`;
}

export const pieces = (n: number) => `${n.toLocaleString('ja-JP')}本`;

/** What was counted as the close sends it, or each field's error; the reasons by the domain's own rule. */
export function readCount(day: DayStatus, c: Counted): { request: RequestOf<'dayClose'> | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const cash = parseCount(c.countedCash);
  if (cash === undefined) errors.countedCash = '数えた現金の金額を入力してください（円単位）';
  if (cash === null) errors.countedCash = '金額は数字で入力してください（全角数字・カンマも使えます）';
  const stock: Partial<Record<TokenState, number>> = {};
  for (const s of countedStates(day)) {
    const n = parseCount(c.stock[s] ?? '');
    if (n === undefined) errors[stockField(s)] = '数えた本数を入力してください';
    else if (n === null) errors[stockField(s)] = '本数は数字で入力してください';
    else stock[s] = n;
  }
  if (Object.keys(errors).length > 0 || typeof cash !== 'number') return { request: null, errors };
  const request = {
    countedCash: cash,
    countedStock: stock,
    ...(c.cashReason.trim() ? { cashReason: c.cashReason.trim() } : {}),
    ...(c.stockReason.trim() ? { stockReason: c.stockReason.trim() } : {}),
  };
  try {
    // Waiting requests are the server's to refuse: the screen already says how many there are.
    checkClose({ expectedCash: day.figures.expectedCash, countedCash: cash, cashReason: c.cashReason, expectedStock: day.expectedStock, countedStock: stock, stockReason: c.stockReason, pendingApprovals: 0 });
  } catch (error) {
    if (error instanceof DomainError) return { request: null, errors: error.fieldErrors };
    throw error;
  }
  return { request, errors: {} };
}

type Props = {
  day: DayStatus;
  counted: Counted;
  errors: Record<string, string>;
  onChange: (counted: Counted) => void;
  onConfirm: () => void;
};

/** 現金と在庫を数える: the counted cash and tokens (Enter moves on), and a reason where they differ from the books. */
export function DayCount({ day, counted, errors, onChange, onConfirm }: Props) {
  const labels = dayLabels(day);
  const cash = parseCount(counted.countedCash);
  const cashDiff = typeof cash === 'number' ? cash - day.figures.expectedCash : null;
  const stockDiffs = countedStates(day).map((s) => {
    const n = parseCount(counted.stock[s] ?? '');
    return [s, typeof n === 'number' ? n - (day.expectedStock[s] ?? 0) : null] as const;
  });
  const stockDiffers = stockDiffs.some(([, d]) => d !== null && d !== 0);
  const text = (name: 'countedCash' | 'cashReason' | 'stockReason') => ({
    name,
    label: labels[name],
    value: counted[name],
    error: errors[name],
    onChange: (e: { target: { value: string } }) => onChange({ ...counted, [name]: e.target.value }),
  });

  return (
    <KeyboardForm idPrefix={DAY_FORM_PREFIX} onSubmit={onConfirm} aria-labelledby="day-count-title">
      <h2 id="day-count-title" className="form-title">
        現金と在庫を数える
      </h2>
      <ErrorSummary fieldErrors={errors} labels={labels} />
      <fieldset className="form-section">
        <legend>現金</legend>
        <p className="expected" data-testid="expected-cash">
          予定の現金 <strong>{formatYen(day.figures.expectedCash)}</strong>
          <span className="field-hint">（現金でいただいた手数料 − 現金で返金した額）</span>
        </p>
        <TextField
          {...text('countedCash')}
          className="w-short"
          inputMode="numeric"
          maxLength={20}
          hint="円単位（全角数字・カンマも使えます）"
          afterId="day-cash-diff"
          after={
            <Badge id="day-cash-diff" testId="cash-difference" tone={cashDiff === null ? '' : cashDiff === 0 ? 'badge--ok' : 'badge--warn'}>
              {cashDiff === null ? null : cashDiff === 0 ? '過不足なし' : `過不足 ${signed(cashDiff, formatYen)}`}
            </Badge>
          }
        />
        {(cashDiff !== null && cashDiff !== 0) || errors.cashReason ? (
          <TextField {...text('cashReason')} className="w-wide" maxLength={200} hint="例：釣銭の渡し過ぎ（1,000円）。日計表に印字されます。" />
        ) : null}
      </fieldset>
      <fieldset className="form-section">
        <legend>トークンの在庫</legend>
        <div className="field-row">
          {stockDiffs.map(([s, diff]) => (
            <TextField
              key={s}
              name={stockField(s)}
              label={labels[stockField(s)]}
              value={counted.stock[s] ?? ''}
              error={errors[stockField(s)]}
              onChange={(e) => onChange({ ...counted, stock: { ...counted.stock, [s]: e.target.value } })}
              className="w-count"
              inputMode="numeric"
              maxLength={10}
              hint={`帳簿 ${pieces(day.expectedStock[s] ?? 0)}`}
              afterId={`day-stock-diff-${s}`}
              after={
                <Badge id={`day-stock-diff-${s}`} testId={`stock-difference-${s}`} tone={diff === null ? '' : diff === 0 ? 'badge--ok' : 'badge--warn'}>
                  {diff === null ? null : diff === 0 ? '差なし' : signed(diff, pieces)}
                </Badge>
              }
            />
          ))}
        </div>
        {stockDiffers || errors.stockReason ? <TextField {...text('stockReason')} className="w-wide" maxLength={200} hint="例：在庫破損の登録漏れ。日計表に印字されます。" /> : null}
        <p data-testid="collected">
          回収トークン（ベンダーへ返却待ち）<strong>{day.collected}個</strong>
          {day.collected > 0 ? (
            <>
              {' '}
              — <a href="#/returns">回収トークンの画面で返却一覧を作る</a>
            </>
          ) : null}
        </p>
      </fieldset>
      <div className="actions">
        <span />
        <button type="submit" className="button button--primary">
          確認
        </button>
      </div>
    </KeyboardForm>
  );
}
