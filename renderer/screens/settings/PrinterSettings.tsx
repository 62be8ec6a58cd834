import { useState } from 'react';
import { DomainError, MAX_COPIES, PAPER_LABELS, PAPER_SIZES, validatePrinterSettings, type PaperSize, type PrinterSettings } from '../../../services/contract';
import { ErrorSummary } from '../../components/ErrorSummary';
import { KeyboardForm } from '../../components/KeyboardForm';
import { CheckboxField, RadioGroup, SelectField, TextField } from '../../components/Field';
import { usePrinterSettings, type PrinterSettingsState } from './usePrinterSettings';

const LABELS = { printerName: 'プリンター', paper: '用紙', customerCopies: 'お客さま控の部数', branchCopies: '店舗控の部数', silent: '確認画面なしで印刷' };
const PAPER_OPTIONS = PAPER_SIZES.map((paper) => [paper, PAPER_LABELS[paper]] as const);
const SYSTEM_DEFAULT = 'システムの既定のプリンター';
const COPY_FIELDS = [
  ['customerCopies', '1回の印刷で出す枚数'],
  ['branchCopies', '店舗控を印刷する店舗のみ'],
] as const;

type Form = Omit<PrinterSettings, 'customerCopies' | 'branchCopies'> & { customerCopies: string; branchCopies: string };

const toForm = (s: PrinterSettings): Form => ({ ...s, customerCopies: String(s.customerCopies), branchCopies: String(s.branchCopies) });

/** A count as typed, full-width digits too; anything else is left for the rule to refuse. */
function count(raw: string): number {
  const s = raw.normalize('NFKC').trim();
  return /^\d{1,2}$/.test(s) ? Number(s) : Number.NaN;
}

const toSettings = (f: Form): PrinterSettings => ({ ...f, customerCopies: count(f.customerCopies), branchCopies: count(f.branchCopies) });

/** Each field's mistake by the server's own rule, before anything is sent. */
function mistakes(s: PrinterSettings): Record<string, string> | null {
  try {
    validatePrinterSettings(s);
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.fieldErrors;
    throw e;
  }
}

/**
 * 店舗設定 → プリンター (manager only): this terminal's receipt printer by its system name, the
 * paper the documents are laid out for, the sheets of each copy, silent printing, and a test page.
 * In browser mode the browser's PDF viewer prints, so only the paper applies, and the section says so.
 */
export function PrinterSettingsSection() {
  const state = usePrinterSettings();
  const { loaded, error } = state;
  if (!loaded) return error ? <ErrorSummary message={error.message} labels={LABELS} /> : null;
  // Keyed by what is saved: a save starts the form again from what the server kept.
  return <PrinterForm key={JSON.stringify(loaded.settings)} {...state} saved={loaded.settings} printers={loaded.printers} />;
}

function PrinterForm({
  saved,
  printers,
  error,
  busy,
  save,
  testPage,
}: Omit<PrinterSettingsState, 'loaded'> & { saved: PrinterSettings; printers: NonNullable<PrinterSettingsState['loaded']>['printers'] }) {
  const [form, setForm] = useState<Form>(toForm(saved));
  const [checked, setChecked] = useState<Record<string, string> | null>(null);
  const desktop = printers !== null;
  const settings = toSettings(form);
  const changed = JSON.stringify(settings) !== JSON.stringify(saved);
  const fieldErrors = checked ?? error?.fieldErrors;
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

  // A printer that was chosen and is no longer on the system's list stays visible as such.
  const listed = printers ?? [];
  const options: (readonly [string, string])[] = [
    ['', SYSTEM_DEFAULT],
    ...listed.map((p) => [p.name, p.displayName === p.name ? p.name : `${p.displayName}（${p.name}）`] as const),
    ...(form.printerName !== '' && !listed.some((p) => p.name === form.printerName) ? [[form.printerName, `${form.printerName}（見つかりません）`] as const] : []),
  ];

  function act(then: (s: PrinterSettings) => Promise<void>) {
    const found = mistakes(settings);
    setChecked(found);
    if (!found) void then(settings);
  }

  return (
    <section className="panel panel--inset" aria-labelledby="printer-title">
      <h2 id="printer-title">プリンターと用紙</h2>
      {desktop ? null : (
        <p className="notice notice--info">
          この画面はブラウザーで開いています。ブラウザーでは書類の PDF をブラウザーのビューアーで開き、そこから印刷します。プリンターの選択・部数・確認画面なしの印刷はデスクトップ版の madoguchi でだけ働きます。用紙の設定は、ここでも書類のレイアウトに使います。
        </p>
      )}
      <KeyboardForm idPrefix="printer" onSubmit={() => act(save)}>
        <ErrorSummary message={checked ? null : error?.message} fieldErrors={fieldErrors} labels={LABELS} />
        <SelectField
          name="printerName"
          label={LABELS.printerName}
          value={form.printerName}
          options={options}
          disabled={!desktop}
          onChange={(e) => set('printerName', e.target.value)}
          hint="領収書・受付票を印刷するプリンター（端末ごとの設定）。Windows の「プリンターとスキャナー」にある名前で選びます。"
          className="w-wide"
        />
        <RadioGroup<PaperSize>
          name="paper"
          label={LABELS.paper}
          options={PAPER_OPTIONS}
          value={form.paper}
          onChange={(paper) => set('paper', paper)}
          hint="書類をこの用紙に合わせてレイアウトします。ロール紙は幅 80mm のレシートプリンター用で、書類の長さで切ります。"
        />
        {COPY_FIELDS.map(([name, hint]) => (
          <TextField
            key={name}
            name={name}
            label={LABELS[name]}
            inputMode="numeric"
            maxLength={2}
            value={form[name]}
            disabled={!desktop}
            error={fieldErrors?.[name]}
            onChange={(e) => set(name, e.target.value)}
            hint={`${hint}（1〜${MAX_COPIES}）。`}
            className="w-short"
          />
        ))}
        <CheckboxField
          name="silent"
          label={LABELS.silent}
          checked={form.silent}
          disabled={!desktop}
          onChange={(silent) => set('silent', silent)}
          hint="オンにすると、印刷の確認画面を出さずに上のプリンターへ送ります。テスト印刷で確かめてからオンにしてください。"
        />
        <div className="actions">
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => act(testPage)}>
            テスト印刷
          </button>
          <button type="submit" className="button button--primary" disabled={busy || !changed}>
            プリンターの設定を登録
          </button>
        </div>
      </KeyboardForm>
    </section>
  );
}
