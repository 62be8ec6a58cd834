import { useState } from 'react';
import { MAX_OTP_DIGITS, otpDigitsText, TOKEN_STATE_LABELS, TOKEN_STATES, type ResponseOf, type TokenState } from '../../../services/contract';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { KeyboardForm } from '../../components/KeyboardForm';
import { otpError } from '../../counter/checks';
import { useStatus } from '../../hooks/useStatus';

const STATE_OPTIONS = TOKEN_STATES.map((s) => [s, TOKEN_STATE_LABELS[s]] as const);

type Found = ResponseOf<'stockFindByOtp'> & { otp: string; stateLabel: string };

/**
 * A label that cannot be read: the customer (or the teller) presses ① and the code shown is
 * checked against every token in the chosen state that shows that many digits, without using
 * the code up.
 */
export function FindByOtp() {
  const status = useStatus();
  const [state, setState] = useState<TokenState>('IN_STOCK');
  const [otp, setOtp] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<Found | null>(null);

  async function find() {
    if (busy) return;
    const formatError = otpError(otp);
    setFieldError(formatError ?? undefined);
    setError(null);
    if (formatError) {
      status('');
      return;
    }
    setBusy(true);
    const r = await call('stockFindByOtp', { otp: otp.trim(), state });
    setBusy(false);
    if (r.ok) setFound({ ...r.value, otp: otp.trim(), stateLabel: TOKEN_STATE_LABELS[state] });
    else {
      setFound(null);
      setError(r.error.message);
      setFieldError(r.error.fieldErrors?.otp);
    }
  }

  return (
    <section className="panel panel--inset" aria-labelledby="find-otp-title">
      <h2 id="find-otp-title">ワンタイムパスワードからシリアル番号を探す</h2>
      <p className="lead">ラベルが読めないトークンは、①ボタンを押して表示された{otpDigitsText()}から探せます（照合してもワンタイムパスワードは使用済みになりません）。</p>
      <KeyboardForm idPrefix="find-otp" className="filter-bar" onSubmit={() => void find()} submitOnLastField aria-labelledby="find-otp-title">
        <SelectField
          name="state"
          label="探す範囲"
          options={STATE_OPTIONS}
          value={state}
          onChange={(e) => setState(e.target.value as TokenState)}
          className="w-short"
        />
        <TextField
          name="otp"
          label="表示されているワンタイムパスワード"
          value={otp}
          error={fieldError}
          onChange={(e) => setOtp(e.target.value)}
          className="w-otp"
          inputMode="numeric"
          maxLength={MAX_OTP_DIGITS}
        />
        <div className="filter-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? '照合中…' : '探す'}
          </button>
        </div>
      </KeyboardForm>
      <ErrorMessage message={fieldError ? null : error} />
      <div aria-live="polite" data-testid="otp-matches">
        {found ? (
          found.matches.length > 0 ? (
            <ul className="match-list">
              {found.matches.map((m) => (
                <li key={m.serial}>
                  シリアル番号 <span className="mono match-serial">{m.serial}</span>
                  <span className={`state state--${m.state.toLowerCase()}`}>{m.stateLabel}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="empty">
              「{found.stateLabel}」の{found.searched}個の中に、{found.otp} を表示しているトークンはありません。表示が変わっていないか確かめ、もう一度①ボタンを押してお試しください。
            </p>
          )
        ) : null}
      </div>
    </section>
  );
}
