import { useState, type FormEvent } from 'react';
import type { Branch } from '../../services/contract';
import { NAME_ON_DOCUMENTS, NAME_ON_DOCUMENTS_LABELS, type NameOnDocuments } from '../../domain/masking';
import { call } from '../api';
import { SummaryList } from '../components/CounterSteps';
import { SelectField } from '../components/Field';
import { useStatus } from '../status';

const NAME_OPTIONS = NAME_ON_DOCUMENTS.map((rule) => [rule, NAME_ON_DOCUMENTS_LABELS[rule]] as const);

/** 店舗設定 (manager only): the branch as set up, and how customer names are printed. */
export function SettingsScreen({ branch, onChanged }: { branch: Branch; onChanged: (branch: Branch) => void }) {
  const status = useStatus();
  const [rule, setRule] = useState<NameOnDocuments>(branch.nameOnDocuments);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const r = await call('branchUpdateSettings', { nameOnDocuments: rule });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setError(null);
    onChanged(r.value.branch);
    status(`書類のお名前表示を「${NAME_ON_DOCUMENTS_LABELS[r.value.branch.nameOnDocuments]}」に変更しました。次に印刷する書類から適用します。`);
  }

  return (
    <section className="screen" aria-labelledby="settings-title">
      <header className="screen-header">
        <h1 id="settings-title">店舗設定</h1>
      </header>
      <section className="panel panel--inset" aria-labelledby="branch-title">
        <h2 id="branch-title">店舗</h2>
        <SummaryList
          className="summary--compact"
          rows={[
            ['金融機関名', branch.bankName],
            ['店舗', `${branch.branchName}（店番 ${branch.branchCode}）`],
            ['端末番号', branch.terminalNo],
            ['登録番号', branch.invoiceRegNo],
          ]}
        />
        <p className="field-hint">店舗・端末・登録番号は受付番号と領収書の根拠のため、初期設定のあとは変更できません。</p>
      </section>
      <section className="panel panel--inset" aria-labelledby="documents-title">
        <h2 id="documents-title">書類</h2>
        <form className="filter-bar" onSubmit={(e) => void save(e)} noValidate>
          <SelectField
            name="nameOnDocuments"
            label="書類のお名前表示"
            value={rule}
            options={NAME_OPTIONS}
            onChange={(e) => setRule(e.target.value as NameOnDocuments)}
            hint="領収書・受付票に印字するお客さまのお名前。再発行は最初に印刷したとおりに印字します。"
            error={error ?? undefined}
          />
          <button type="submit" className="button button--primary" disabled={busy || rule === branch.nameOnDocuments}>
            変更を登録
          </button>
        </form>
      </section>
    </section>
  );
}
