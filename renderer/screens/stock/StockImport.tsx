import { useRef, useState } from 'react';
import type { ResponseOf } from '../../../services/contract';
import { call } from '../../api';
import { useStatus } from '../../hooks/useStatus';

type Imported = ResponseOf<'stockImport'> & { fileName: string };

/** シードファイル取込 (manager): the vendor's PSKC or CSV file, read as text and sent as is. */
export function StockImport({ onImported }: { onImported: () => void }) {
  const status = useStatus();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Imported | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function importFile() {
    if (!file || busy) return;
    setBusy(true);
    setError(null);
    setResult(null);
    let content: string;
    try {
      content = await file.text();
    } catch {
      setBusy(false);
      setError('ファイルを読み込めませんでした。');
      return;
    }
    const preSharedKeyHex = key.replace(/\s/g, '');
    const r = await call('stockImport', { fileName: file.name, content, ...(preSharedKeyHex ? { preSharedKeyHex } : {}) });
    setBusy(false);
    if (r.ok) {
      setResult({ ...r.value, fileName: file.name });
      setFile(null);
      setKey('');
      if (input.current) input.current.value = '';
      status(`シードファイル ${file.name} から ${r.value.count}件を取り込みました。`);
      onImported();
    } else {
      setError(r.error.message);
    }
  }

  return (
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
                setError(null);
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
            納品されたPSKC（XML）またはOATH CSVファイル。シード（秘密鍵）は画面に表示されません。
          </p>
        </div>
        <div className="field field--key">
          <label htmlFor="stock-psk" className="field-label">
            事前共有鍵
          </label>
          <input
            id="stock-psk"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            maxLength={80}
            onChange={(e) => setKey(e.target.value)}
            aria-describedby="stock-psk-hint"
          />
          <p id="stock-psk-hint" className="field-hint">
            暗号化されたPSKCのみ：ベンダーから別送された16進数32桁
          </p>
        </div>
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
      {error ? (
        <div className="error-summary" role="alert">
          <p className="error-summary-title">{error}</p>
        </div>
      ) : null}
    </section>
  );
}
