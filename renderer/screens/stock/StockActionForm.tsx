import { useState } from 'react';
import { otpDigitsText, type OtpDigits } from '../../../services/contract';
import { call, type Result } from '../../api';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { KeyboardForm } from '../../components/KeyboardForm';
import { errorsOf, otpError } from '../../counter/checks';
import { useStatus } from '../../hooks/useStatus';

export type StockAction = 'damage' | 'dispose' | 'resync';

type Values = { note: string; otp1: string; otp2: string };

const ACTIONS: Record<
  StockAction,
  { title: string; submit: string; labels: Partial<Record<keyof Values | 'serial', string>>; done: (serial: string, drift?: number) => string }
> = {
  damage: {
    title: '在庫破損として登録',
    submit: '在庫破損として登録',
    labels: { note: '破損の状況', serial: 'シリアル番号' },
    done: (serial) => `シリアル番号 ${serial} を在庫破損として登録しました。`,
  },
  dispose: {
    title: '廃棄を登録',
    submit: '廃棄を登録',
    labels: { note: '廃棄の理由・方法', serial: 'シリアル番号' },
    done: (serial) => `シリアル番号 ${serial} の廃棄を登録しました。`,
  },
  resync: {
    title: '同期（時刻のずれを合わせる）',
    submit: '同期',
    labels: { otp1: '1回目のワンタイムパスワード', otp2: '2回目のワンタイムパスワード', serial: 'シリアル番号' },
    done: (serial, drift) => `シリアル番号 ${serial} を同期しました（ずれ ${drift ?? 0}ステップ）。`,
  },
};

async function send(action: StockAction, serial: string, v: Values): Promise<Result<{ driftSteps?: number }>> {
  if (action === 'resync') return call('stockResync', { serial, otp1: v.otp1.trim(), otp2: v.otp2.trim() });
  const r = await call(action === 'damage' ? 'stockMarkDamaged' : 'stockDispose', { serial, note: v.note.trim() });
  return r.ok ? { ok: true, value: {} } : r;
}

/**
 * The manager's inline form under a stock row: a note for 在庫破損 / 廃棄 (kept in the journal),
 * or two consecutive codes for 同期. Refusals stay in the form with what was typed.
 */
export function StockActionForm({
  serial,
  digits,
  action,
  onDone,
  onCancel,
}: {
  serial: string;
  /** How many digits this token shows: both codes of a 同期 have that many. */
  digits: OtpDigits;
  action: StockAction;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const status = useStatus();
  const a = ACTIONS[action];
  const [values, setValues] = useState<Values>({ note: '', otp1: '', otp2: '' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = `stock-${action}`;

  async function submit() {
    if (busy) return;
    const errors =
      action === 'resync'
        ? errorsOf({ otp1: otpError(values.otp1, digits), otp2: otpError(values.otp2, digits) })
        : errorsOf({ note: !values.note.trim() && `${a.labels.note}を入力してください` });
    setFieldErrors(errors);
    setMessage(null);
    if (Object.keys(errors).length > 0) {
      status('');
      return;
    }
    setBusy(true);
    const r = await send(action, serial, values);
    setBusy(false);
    if (r.ok) onDone(a.done(serial, r.value.driftSteps));
    else {
      setFieldErrors(r.error.fieldErrors ?? {});
      setMessage(r.error.message);
    }
  }

  const field = (name: keyof Values) => ({
    name,
    label: a.labels[name],
    value: values[name],
    error: fieldErrors[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });

  return (
    <KeyboardForm idPrefix={prefix} className="row-form" onSubmit={() => void submit()} aria-label={`${serial} を${a.title}`}>
      <p className="row-form-title">
        <span className="mono">{serial}</span> を{a.title}
      </p>
      <ErrorSummary message={message} fieldErrors={fieldErrors} labels={a.labels as Record<string, string>} />
      <div className="field-row">
        {action === 'resync' ? (
          <>
            <TextField {...field('otp1')} className="w-otp" inputMode="numeric" maxLength={digits} autoFocus />
            <TextField
              {...field('otp2')}
              className="w-otp"
              inputMode="numeric"
              maxLength={digits}
              hint={`1回目の表示が消えてから、もう一度①ボタンを押して表示された${otpDigitsText(digits)}`}
            />
          </>
        ) : (
          <TextField {...field('note')} className="w-wide" maxLength={200} autoFocus hint="本日の取引（記録）に残ります。" />
        )}
        <div className="filter-actions row-form-actions">
          <button type="button" className="button button--secondary button--small" onClick={onCancel}>
            キャンセル
          </button>
          <button type="submit" className="button button--primary button--small" disabled={busy}>
            {a.submit}
          </button>
        </div>
      </div>
    </KeyboardForm>
  );
}
