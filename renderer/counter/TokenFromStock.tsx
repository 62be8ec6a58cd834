import { formatSerial, MAX_OTP_DIGITS, normalizeSerial, otpDigitsText, SERIAL_RULES, type SerialFormat } from '../../services/contract';
import { TextField } from '../components/Field';
import { useFieldId } from '../components/formScope';
import { useSerialFormat } from '../hooks/useBranch';
import { textInput, type Bound } from './bind';
import { stockDigits } from './checks';
import { LookupBadge, stockState } from './LookupBadge';
import { lookedUp, type Lookup, type StockInfo } from './session';

type Props = {
  legend: string;
  serial: Bound<string>;
  otp: Bound<string>;
  lookup: Lookup<StockInfo>;
  /** The teller left the serial field (a scanner ends with Enter): look it up. */
  onSerialCommit: () => void;
};

/**
 * A token from the branch's stock: its serial (barcode scanner or keyboard) with the state the
 * stock knows, and the code the customer reads from it after pressing ①, checked on 確定.
 */
export function TokenFromStock({ legend, serial, otp, lookup, onSerialCommit }: Props) {
  const stateId = `${useFieldId(serial.name)}-state`;
  const serialFormat = useSerialFormat();
  // The token's own length once its serial was looked up; until then any length a token can have.
  const digits = stockDigits(lookup, serial.value);
  return (
    <fieldset className="form-section">
      <legend>{legend}</legend>
      <TextField
        {...textInput(serial)}
        onBlur={onSerialCommit}
        className="w-serial"
        maxLength={40}
        hint={`トークン裏面の${SERIAL_RULES[serialFormat].onToken}。バーコードを読み取るか入力してください。`}
        afterId={stateId}
        after={<LookupBadge id={stateId} testId={`${serial.name}-state`} lookup={lookup} typed={serial.value} ok={stockState} />}
      />
      <TextField
        {...textInput(otp)}
        className="w-otp"
        inputMode="numeric"
        maxLength={digits ?? MAX_OTP_DIGITS}
        hint={`お客さまにトークンの①ボタンを押していただき、表示された${otpDigitsText(digits)}を入力してください`}
      />
    </fieldset>
  );
}

/** For summaries: a serial typed or scanned as it will be printed (half-width, in the rule's groups). */
export function printedSerial(typed: string, format: SerialFormat): string {
  return formatSerial(normalizeSerial(typed), format);
}

/** For summaries: a serial as it will be printed, with the state the stock gave for it. */
export function serialWithState(typed: string, lookup: Lookup<StockInfo>, format: SerialFormat): string {
  const info = lookedUp(lookup, typed);
  return info ? `${formatSerial(info.serial, format)}（${info.stateLabel}）` : printedSerial(typed, format);
}
