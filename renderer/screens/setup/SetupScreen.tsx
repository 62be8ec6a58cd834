import { useState, type ChangeEvent } from 'react';
import {
  DEFAULT_SERIAL_FORMAT,
  NAME_ON_DOCUMENTS,
  NAME_ON_DOCUMENTS_LABELS,
  RECOVERY_PASSPHRASE_POLICY,
  SERIAL_FORMATS,
  SERIAL_RULES,
  validateSetup,
  type Branch,
  type SetupRequest,
} from '../../../services/contract';
import { call } from '../../api';
import { KeyboardForm } from '../../components/KeyboardForm';
import { SelectField, TextField } from '../../components/Field';
import { ErrorSummary } from '../../components/ErrorSummary';
import { focusField } from '../../components/formScope';

type Values = SetupRequest & { managerPasswordConfirm: string; recoveryPassphraseConfirm: string };

const EMPTY: Values = {
  bankName: '',
  branchCode: '',
  branchName: '',
  terminalNo: '',
  invoiceRegNo: '',
  nameOnDocuments: 'INITIAL',
  serialFormat: DEFAULT_SERIAL_FORMAT,
  managerId: '',
  managerName: '',
  managerPassword: '',
  managerPasswordConfirm: '',
  recoveryPassphrase: '',
  recoveryPassphraseConfirm: '',
};

const LABELS: Record<keyof Values, string> = {
  bankName: '銀行名',
  branchCode: '店番',
  branchName: '店名',
  terminalNo: '端末番号',
  invoiceRegNo: '登録番号',
  nameOnDocuments: '書類のお名前表示',
  serialFormat: 'シリアル番号の形式',
  managerId: 'オペレーターID',
  managerName: '氏名',
  managerPassword: 'パスワード',
  managerPasswordConfirm: 'パスワード（確認）',
  recoveryPassphrase: '復元用パスフレーズ',
  recoveryPassphraseConfirm: '復元用パスフレーズ（確認）',
};

const PREFIX = 'setup';

/** The domain's setup rules (the server applies the same), plus the confirmation. */
function precheck(v: Values): Record<string, string> {
  const result = validateSetup(v);
  const errors: Record<string, string> = result.ok ? {} : { ...result.errors };
  if (!v.managerPasswordConfirm) errors.managerPasswordConfirm = '確認のため、パスワードをもう一度入力してください';
  else if (v.managerPassword !== v.managerPasswordConfirm) errors.managerPasswordConfirm = '確認用のパスワードが一致しません';
  if (!v.recoveryPassphraseConfirm) errors.recoveryPassphraseConfirm = '確認のため、復元用パスフレーズをもう一度入力してください';
  else if (v.recoveryPassphrase !== v.recoveryPassphraseConfirm) errors.recoveryPassphraseConfirm = '確認用の復元用パスフレーズが一致しません';
  return errors;
}

/** 初期設定: the branch this terminal belongs to, and its first manager (役席). */
export function SetupScreen({ onDone }: { onDone: (branch: Branch, managerId: string) => void }) {
  const [values, setValues] = useState<Values>(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (key: keyof Values) => (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  async function submit() {
    if (busy) return;
    const errors = precheck(values);
    if (Object.keys(errors).length > 0) {
      setFieldErrors(errors);
      setMessage(null);
      focusFirst(errors);
      return;
    }
    setBusy(true);
    const request: SetupRequest = {
      bankName: values.bankName.trim(),
      branchCode: values.branchCode.trim(),
      branchName: values.branchName.trim(),
      terminalNo: values.terminalNo.trim(),
      invoiceRegNo: values.invoiceRegNo.trim(),
      nameOnDocuments: values.nameOnDocuments,
      serialFormat: values.serialFormat,
      managerId: values.managerId.trim(),
      managerName: values.managerName.trim(),
      managerPassword: values.managerPassword,
      recoveryPassphrase: values.recoveryPassphrase,
    };
    const result = await call('setupInitialize', request);
    setBusy(false);
    if (result.ok) {
      onDone(result.value.branch, values.managerId);
      return;
    }
    const errs = result.error.fieldErrors ?? {};
    setFieldErrors(errs);
    setMessage(result.error.message);
    focusFirst(errs);
  }

  function focusFirst(errors: Record<string, string>) {
    const first = (Object.keys(LABELS) as string[]).find((k) => errors[k]);
    if (first) window.setTimeout(() => focusField(PREFIX, first), 0);
  }

  const field = (key: keyof Values) => ({
    name: key,
    label: LABELS[key],
    value: values[key],
    onChange: set(key),
    error: fieldErrors[key],
  });

  return (
    <main className="center-page">
      <section className="panel panel--narrow" aria-labelledby="setup-title">
        <h1 id="setup-title">初期設定</h1>
        <p className="lead">この端末を使う店舗と、最初の役席者を登録します。</p>
        <KeyboardForm idPrefix={PREFIX} onSubmit={submit}>
          <ErrorSummary message={message} fieldErrors={fieldErrors} labels={LABELS} />
          <fieldset className="form-section">
            <legend>店舗</legend>
            <TextField {...field('bankName')} className="w-wide" autoFocus />
            <div className="field-row">
              <TextField {...field('branchCode')} inputMode="numeric" maxLength={3} className="w-3" hint="3桁" />
              <TextField {...field('branchName')} className="w-wide" />
            </div>
            <TextField {...field('terminalNo')} inputMode="numeric" maxLength={10} className="w-short" />
            <TextField
              {...field('invoiceRegNo')}
              maxLength={14}
              className="w-medium"
              placeholder="T1234567890123"
              hint="適格請求書発行事業者登録番号（T＋13桁）。領収書に印字されます。"
            />
            <SelectField
              {...field('nameOnDocuments')}
              options={NAME_ON_DOCUMENTS.map((rule) => [rule, NAME_ON_DOCUMENTS_LABELS[rule]] as const)}
              className="w-wide"
              hint="領収書・受付票に印字するお客さまのお名前。あとから役席者が「店舗設定」で変更できます。"
            />
            <SelectField
              {...field('serialFormat')}
              options={SERIAL_FORMATS.map((format) => [format, SERIAL_RULES[format].label] as const)}
              className="w-wide"
              hint="トークン裏面のシリアル番号の形式（トークン業者によって異なります）。シードファイルと窓口の入力をこの形式で確かめ、書類にもこの形で印字します。あとから役席者が「店舗設定」で変更できます。"
            />
          </fieldset>
          <fieldset className="form-section">
            <legend>最初の役席者</legend>
            <div className="field-row">
              <TextField {...field('managerId')} className="w-medium" />
              <TextField {...field('managerName')} className="w-medium" />
            </div>
            <div className="field-row">
              <TextField {...field('managerPassword')} type="password" className="w-medium" />
              <TextField {...field('managerPasswordConfirm')} type="password" className="w-medium" />
            </div>
          </fieldset>
          <fieldset className="form-section">
            <legend>データ鍵の復元用パスフレーズ</legend>
            <p className="field-hint">
              PCの入れ替えやWindowsのユーザー設定のやり直しのあと、この端末の記録（シード・お客さまの情報）を開くために使います。忘れると記録を開けなくなります。役席者が書き留め、店舗の決まりに従って保管してください。
            </p>
            <div className="field-row">
              <TextField {...field('recoveryPassphrase')} type="password" className="w-wide" hint={RECOVERY_PASSPHRASE_POLICY} />
              <TextField {...field('recoveryPassphraseConfirm')} type="password" className="w-wide" />
            </div>
          </fieldset>
          <div className="actions">
            <span />
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? '登録中…' : '初期設定を登録'}
            </button>
          </div>
        </KeyboardForm>
      </section>
    </main>
  );
}
