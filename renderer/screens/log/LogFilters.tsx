import { JOURNAL_GROUP_LABELS, JOURNAL_GROUPS, JOURNAL_KINDS, type JournalGroup, type RequestOf } from '../../../services/contract';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/Field';
import { KeyboardForm } from '../../components/KeyboardForm';

export type LogQuery = RequestOf<'logSearch'>;

export type LogFilterValues = {
  from: string;
  to: string;
  operatorId: string;
  group: JournalGroup | '';
  kind: string;
  serial: string;
  contractId: string;
  receiptNo: string;
};

export const NO_FILTER: LogFilterValues = { from: '', to: '', operatorId: '', group: '', kind: '', serial: '', contractId: '', receiptNo: '' };

/** Field labels in screen order (the error summary's order too). */
export const LOG_FILTER_LABELS: Record<keyof LogFilterValues, string> = {
  from: '期間（から）',
  to: '期間（まで）',
  operatorId: '担当',
  group: '区分',
  kind: '取引',
  serial: 'シリアル番号',
  contractId: '契約者ID',
  receiptNo: '受付番号',
};

export const LOG_FORM_PREFIX = 'log';

const GROUP_OPTIONS = JOURNAL_GROUPS.map((g) => [g, JOURNAL_GROUP_LABELS[g]] as const);
const KINDS = Object.entries(JOURNAL_KINDS) as Array<[string, { label: string; group: JournalGroup }]>;

/** The acts a 区分 holds (all of them when none is chosen). */
function kindOptions(group: JournalGroup | ''): ReadonlyArray<readonly [string, string]> {
  return KINDS.filter(([, k]) => group === '' || k.group === group).map(([kind, k]) => [kind, k.label] as const);
}

/** A date as typed (2026-11-25, 2026/11/25, 20261125, 2026年11月25日; full-width too) as the server takes it. */
export function parseDate(raw: string): string | null | undefined {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return undefined;
  const m = /^(\d{4})(\d{2})(\d{2})$/u.exec(text) ?? /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const day = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === iso ? iso : null;
}

const DATE_ERROR = '日付は 2026-11-25 のように入力してください（2026/11/25 も可）';

/** The form as the query the server takes, or what cannot be read, by field. */
export function toQuery(v: LogFilterValues): { query: LogQuery; errors: Record<string, string> } {
  const from = parseDate(v.from);
  const to = parseDate(v.to);
  const errors: Record<string, string> = {
    ...(from === null ? { from: DATE_ERROR } : {}),
    ...(to === null ? { to: DATE_ERROR } : {}),
    ...(from && to && from > to ? { to: '期間の終わりが始まりより前になっています' } : {}),
  };
  const text = (s: string) => (s.trim() ? s.trim() : undefined);
  const entries = {
    from: from ?? undefined,
    to: to ?? undefined,
    operatorId: text(v.operatorId),
    group: v.group || undefined,
    kind: text(v.kind),
    serial: text(v.serial),
    contractId: text(v.contractId),
    receiptNo: text(v.receiptNo),
  };
  const query = Object.fromEntries(Object.entries(entries).filter(([, x]) => x !== undefined)) as LogQuery;
  return { query, errors };
}

type Props = {
  values: LogFilterValues;
  errors: Record<string, string>;
  onChange: (values: LogFilterValues) => void;
  onSearch: () => void;
  onClear: () => void;
};

/** 取引履歴's filters: Enter moves to the next field, and from the last one searches. */
export function LogFilters({ values, errors, onChange, onSearch, onClear }: Props) {
  const set = <K extends keyof LogFilterValues>(key: K, value: LogFilterValues[K]) => onChange({ ...values, [key]: value });
  const text = (key: 'from' | 'to' | 'operatorId' | 'serial' | 'contractId' | 'receiptNo') => ({
    name: key,
    label: LOG_FILTER_LABELS[key],
    value: values[key],
    error: errors[key],
    onChange: (e: { target: { value: string } }) => set(key, e.target.value),
  });
  return (
    <KeyboardForm idPrefix={LOG_FORM_PREFIX} className="log-filters" onSubmit={onSearch} submitOnLastField aria-label="取引履歴の絞り込み">
      <ErrorSummary fieldErrors={errors} labels={LOG_FILTER_LABELS} />
      <div className="filter-bar">
        <TextField {...text('from')} className="w-date" maxLength={20} hint="例：2026-11-25" />
        <TextField {...text('to')} className="w-date" maxLength={20} />
        <TextField {...text('operatorId')} className="w-short" maxLength={40} hint="オペレーターID" />
        <SelectField
          name="group"
          label={LOG_FILTER_LABELS.group}
          placeholder="すべて"
          options={GROUP_OPTIONS}
          value={values.group}
          className="w-medium"
          onChange={(e) => {
            const group = e.target.value as JournalGroup | '';
            // An act of another 区分 no longer applies.
            const kind = kindOptions(group).some(([k]) => k === values.kind) ? values.kind : '';
            onChange({ ...values, group, kind });
          }}
        />
        <SelectField
          name="kind"
          label={LOG_FILTER_LABELS.kind}
          placeholder="すべて"
          options={kindOptions(values.group)}
          value={values.kind}
          className="w-medium"
          onChange={(e) => set('kind', e.target.value)}
        />
        <TextField {...text('serial')} className="w-serial" maxLength={40} />
        <TextField {...text('contractId')} className="w-short" maxLength={40} />
        <TextField {...text('receiptNo')} className="w-receipt" maxLength={40} />
        <div className="filter-actions row-form-actions">
          <button type="button" className="button button--secondary" onClick={onClear}>
            条件をクリア
          </button>
          <button type="submit" className="button button--primary">
            検索
          </button>
        </div>
      </div>
    </KeyboardForm>
  );
}
