import { useState } from 'react';
import type { Branch } from '../../../services/contract';
import { ErrorMessage } from '../../components/ErrorSummary';
import { KeyboardForm } from '../../components/KeyboardForm';
import { TextField } from '../../components/Field';
import { useSaveSettings } from './useSaveSettings';

/** The stock below which 概況 warns: a whole number of tokens, 0 for no warning. */
function parseThreshold(raw: string): number | null {
  const s = raw.normalize('NFKC').trim();
  return /^\d{1,6}$/.test(s) && Number(s) <= 100_000 ? Number(s) : null;
}

/** 店舗設定 → 在庫の警告 (manager only). */
export function LowStockThreshold({ branch, onChanged }: { branch: Branch; onChanged: (branch: Branch) => void }) {
  const [value, setValue] = useState(String(branch.lowStockThreshold));
  const [fieldError, setFieldError] = useState<string | undefined>();
  const { error, busy, save: send } = useSaveSettings(onChanged);
  const threshold = parseThreshold(value);

  function save() {
    if (threshold === null) {
      setFieldError('在庫の下限は0〜100000の数字で入力してください。');
      return;
    }
    setFieldError(undefined);
    if (threshold === branch.lowStockThreshold) return;
    void send({ lowStockThreshold: threshold }, (kept) => `在庫の下限を${kept.lowStockThreshold}個に変更しました。`);
  }

  return (
    <section className="panel panel--inset" aria-labelledby="low-stock-title">
      <h2 id="low-stock-title">在庫の警告</h2>
      <KeyboardForm idPrefix="lowStock" onSubmit={save} submitOnLastField>
        <ErrorMessage message={error} />
        <TextField
          name="lowStockThreshold"
          label="在庫の下限（個）"
          inputMode="numeric"
          value={value}
          maxLength={7}
          error={fieldError}
          hint="在庫（未使用）のトークンがこの数を下回ると、概況に警告を表示します。0 にすると警告しません。"
          onChange={(e) => setValue(e.target.value)}
          className="w-short"
        />
        <div className="actions">
          <span />
          <button type="submit" className="button button--primary" disabled={busy || threshold === branch.lowStockThreshold}>
            下限を登録
          </button>
        </div>
      </KeyboardForm>
    </section>
  );
}
