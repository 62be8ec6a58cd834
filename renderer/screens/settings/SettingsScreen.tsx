import { useState, type FormEvent } from 'react';
import { formatJstDate, NAME_ON_DOCUMENTS, NAME_ON_DOCUMENTS_LABELS, type Branch, type NameOnDocuments } from '../../../services/contract';
import { SummaryList } from '../../components/SummaryList';
import { ErrorMessage } from '../../components/ErrorSummary';
import { CheckboxField, SelectField } from '../../components/Field';
import { RecoveryPassphrase } from './RecoveryPassphrase';
import { SerialFormatSetting } from './SerialFormatSetting';
import { PrinterSettingsSection } from './PrinterSettings';
import { LowStockThreshold } from './LowStockThreshold';
import { BranchCorrection } from './BranchCorrection';
import { SyncSettings } from './SyncSettings';
import { useSaveSettings } from './useSaveSettings';

const NAME_OPTIONS = NAME_ON_DOCUMENTS.map((rule) => [rule, NAME_ON_DOCUMENTS_LABELS[rule]] as const);

type Settings = Pick<Branch, 'nameOnDocuments' | 'printBranchCopy' | 'japaneseEra'>;

function describeChanges(before: Settings, after: Settings): string {
  const parts = [
    before.nameOnDocuments !== after.nameOnDocuments ? `書類のお名前表示を「${NAME_ON_DOCUMENTS_LABELS[after.nameOnDocuments]}」に` : null,
    before.printBranchCopy !== after.printBranchCopy ? `店舗控の印刷を「${after.printBranchCopy ? 'する' : 'しない'}」に` : null,
    before.japaneseEra !== after.japaneseEra ? `和暦の併記を「${after.japaneseEra ? 'する' : 'しない'}」に` : null,
  ].filter((p) => p !== null);
  return `${parts.join('、')}変更しました。次に印刷する書類から適用します。`;
}

/** 店舗設定 (manager only): the branch as set up, and what it prints. */
export function SettingsScreen({ branch, onChanged }: { branch: Branch; onChanged: (branch: Branch) => void }) {
  const [values, setValues] = useState<Settings>({
    nameOnDocuments: branch.nameOnDocuments,
    printBranchCopy: branch.printBranchCopy,
    japaneseEra: branch.japaneseEra,
  });
  const { error, busy, save: send } = useSaveSettings(onChanged);
  const changed = (Object.keys(values) as Array<keyof Settings>).some((k) => values[k] !== branch[k]);

  function save(e: FormEvent) {
    e.preventDefault();
    if (!changed) return;
    void send(values, (kept) => describeChanges(branch, kept));
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
        <BranchCorrection branch={branch} onChanged={onChanged} />
      </section>
      <section className="panel panel--inset" aria-labelledby="documents-title">
        <h2 id="documents-title">書類</h2>
        <form onSubmit={save} noValidate>
          <ErrorMessage message={error} />
          <SelectField
            name="nameOnDocuments"
            label="書類のお名前表示"
            value={values.nameOnDocuments}
            options={NAME_OPTIONS}
            onChange={(e) => setValues((v) => ({ ...v, nameOnDocuments: e.target.value as NameOnDocuments }))}
            hint="領収書・受付票に印字するお客さまのお名前。再発行は最初に印刷したとおりに印字します。"
            className="w-wide"
          />
          <CheckboxField
            name="printBranchCopy"
            label="店舗控を印刷する"
            checked={values.printBranchCopy}
            onChange={(printBranchCopy) => setValues((v) => ({ ...v, printBranchCopy }))}
            hint="受付完了の画面に「店舗控を表示/印刷」を出します。お客さま控と同じ内容に「店舗控」と印字されます。"
          />
          <CheckboxField
            name="japaneseEra"
            label="日付に和暦を併記する"
            checked={values.japaneseEra}
            onChange={(japaneseEra) => setValues((v) => ({ ...v, japaneseEra }))}
            hint={`書類と受付完了の画面の日付を「${formatJstDate(new Date(), { era: true })}」のように表示します。`}
          />
          <div className="actions">
            <span />
            <button type="submit" className="button button--primary" disabled={busy || !changed}>
              変更を登録
            </button>
          </div>
        </form>
      </section>
      <PrinterSettingsSection />
      <SerialFormatSetting branch={branch} onChanged={onChanged} />
      <RecoveryPassphrase />
      <LowStockThreshold branch={branch} onChanged={onChanged} />
      <SyncSettings />
    </section>
  );
}
