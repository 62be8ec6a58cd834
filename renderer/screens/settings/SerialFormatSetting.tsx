import { useState, type FormEvent } from 'react';
import { SERIAL_FORMATS, SERIAL_RULES, type Branch, type SerialFormat } from '../../../services/contract';
import { ErrorMessage } from '../../components/ErrorSummary';
import { SelectField } from '../../components/Field';
import { useSaveSettings } from './useSaveSettings';

const OPTIONS = SERIAL_FORMATS.map((format) => [format, SERIAL_RULES[format].label] as const);

/**
 * 店舗設定 → トークンのシリアル番号 (manager only): the maker's serial format, for the next seed file,
 * the counter's checks and the printed documents. Tokens already registered keep their serials.
 */
export function SerialFormatSetting({ branch, onChanged }: { branch: Branch; onChanged: (branch: Branch) => void }) {
  const [format, setFormat] = useState<SerialFormat>(branch.serialFormat);
  const { error, busy, save: send } = useSaveSettings(onChanged);

  function save(e: FormEvent) {
    e.preventDefault();
    if (format === branch.serialFormat) return;
    void send(
      { serialFormat: format },
      (kept) =>
        `シリアル番号の形式を「${SERIAL_RULES[kept.serialFormat].label}」に変更しました。次のシードファイル取込と窓口の入力から適用します。登録済みのトークンはそのままのシリアル番号で使えます。`,
    );
  }

  return (
    <section className="panel panel--inset" aria-labelledby="serial-format-title">
      <h2 id="serial-format-title">トークンのシリアル番号</h2>
      <form onSubmit={save} noValidate>
        <ErrorMessage message={error} />
        <SelectField
          name="serialFormat"
          label="シリアル番号の形式"
          value={format}
          options={OPTIONS}
          onChange={(e) => setFormat(e.target.value as SerialFormat)}
          hint="トークン裏面のシリアル番号の形式（トークン業者によって異なります）。シードファイルと窓口の入力をこの形式で確かめ、書類にもこの形で印字します。変更しても、登録済みのトークンはそのままのシリアル番号で使えます。"
          className="w-wide"
        />
        <div className="actions">
          <span />
          <button type="submit" className="button button--primary" disabled={busy || format === branch.serialFormat}>
            形式を登録
          </button>
        </div>
      </form>
    </section>
  );
}
