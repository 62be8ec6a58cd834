import { useRef, useState } from 'react';
import { SERIAL_RULES, type ResponseOf } from '../../../services/contract';
import { call } from '../../api';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/Field';
import { FormScope } from '../../components/formScope';
import { useSerialFormat } from '../../hooks/useBranch';
import { useStatus } from '../../hooks/useStatus';

type Imported = ResponseOf<'stockImport'> & { fileName: string };

type Refusal = { message: string; fieldErrors: Record<string, string> };

/** The fields a refusal may point at (the file's own problems are said in the message). */
const KEY_LABELS = { preSharedKey: '事前共有鍵', password: 'パスワード' };

/**
 * シードファイル取込 (manager): the vendor's PSKC or CSV file, read as text and sent as is, with the
 * pre-shared key or the password an encrypted PSKC file needs. Both are cleared after every import,
 * taken or refused, so that neither is sent again with the next file.
 */
export function StockImport({ onImported }: { onImported: () => void }) {
  const status = useStatus();
  const serialFormat = useSerialFormat();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [key, setKey] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Imported | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const refuse = (message: string, fieldErrors: Record<string, string> = {}) => setRefusal({ message, fieldErrors });

  async function importFile() {
    if (!file || busy) return;
    setBusy(true);
    setRefusal(null);
    setResult(null);
    let content: string;
    try {
      content = await file.text();
    } catch {
      setBusy(false);
      status('');
      refuse('ファイルを読み込めませんでした。');
      return;
    }
    const preSharedKeyHex = key.replace(/\s/g, '');
    const r = await call('stockImport', {
      fileName: file.name,
      content,
      ...(preSharedKeyHex ? { preSharedKeyHex } : {}),
      ...(password ? { password } : {}),
    });
    setBusy(false);
    setKey('');
    setPassword('');
    if (r.ok) {
      setResult({ ...r.value, fileName: file.name });
      setFile(null);
      if (input.current) input.current.value = '';
      status(`シードファイル ${file.name} から ${r.value.count}件を取り込みました。`);
      onImported();
    } else {
      refuse(r.error.message, r.error.fieldErrors);
    }
  }

  return (
    <FormScope.Provider value="stock">
      <section className="panel panel--inset">
        <h2 id="import-title">シードファイル取込</h2>
        <div className="import-row">
          <div className="field">
            <label htmlFor="stock-seed-file" className="field-label">
              シードファイル
            </label>
            <div className="file-picker">
              <input
                ref={input}
                id="stock-seed-file"
                className="visually-hidden"
                // The button below is the keyboard's way in; the label still opens the picker.
                tabIndex={-1}
                type="file"
                accept=".xml,.pskc,.csv,.txt,text/xml,application/xml,text/csv"
                aria-describedby="stock-seed-name stock-seed-hint"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setResult(null);
                  setRefusal(null);
                }}
              />
              <button
                type="button"
                className="button button--secondary button--small"
                aria-describedby="stock-seed-name stock-seed-hint"
                onClick={() => input.current?.click()}
              >
                ファイルを選択…
              </button>
              <span id="stock-seed-name" className="file-name">
                {file ? file.name : 'ファイルが選択されていません'}
              </span>
            </div>
            <p id="stock-seed-hint" className="field-hint">
              納品されたPSKC（XML）またはOATH CSVファイル。シリアル番号は「{SERIAL_RULES[serialFormat].label}」で確かめます（店舗設定で変更できます）。シード（秘密鍵）は画面に表示されません。
            </p>
          </div>
          <TextField
            name="preSharedKey"
            label="事前共有鍵"
            type="password"
            className="field--key"
            value={key}
            maxLength={80}
            onChange={(e) => setKey(e.target.value)}
            error={refusal?.fieldErrors.preSharedKey}
            hint="暗号化されたPSKCのみ：ベンダーから別送された16進数32・48・64桁（AES-128/192/256）"
          />
          <TextField
            name="password"
            label="パスワード"
            type="password"
            className="field--key"
            value={password}
            maxLength={256}
            onChange={(e) => setPassword(e.target.value)}
            error={refusal?.fieldErrors.password}
            hint="パスワードで保護されたPSKCのみ：ベンダーから別送されたパスワード"
          />
          <button type="button" className="button button--primary" onClick={() => void importFile()} disabled={!file || busy}>
            取込
          </button>
        </div>
        <div aria-live="polite">
          {busy ? <p className="progress">取込中…</p> : null}
          {result ? (
            <dl className="summary summary--compact" data-testid="import-result">
              <div className="summary-row">
                <dt>ファイル</dt>
                <dd>{result.fileName}</dd>
              </div>
              <div className="summary-row">
                <dt>件数</dt>
                <dd data-testid="import-count">{result.count}件</dd>
              </div>
              <div className="summary-row">
                <dt>形式</dt>
                <dd>{result.format}</dd>
              </div>
              <div className="summary-row">
                <dt>SHA-256</dt>
                <dd className="mono hash">{result.sha256}</dd>
              </div>
            </dl>
          ) : null}
        </div>
        {refusal ? (
          <ErrorSummary
            message={refusal.message}
            fieldErrors={Object.fromEntries(Object.entries(refusal.fieldErrors).filter(([name]) => Object.hasOwn(KEY_LABELS, name)))}
            labels={KEY_LABELS}
          />
        ) : null}
      </section>
    </FormScope.Provider>
  );
}
