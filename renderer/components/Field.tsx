import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';
import { describedBy, useFieldId } from './formScope';

type Common = {
  name: string;
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  /** Extra content after the control (e.g. a status badge), described by it too. */
  after?: ReactNode;
  afterId?: string | undefined;
  className?: string;
};

function FieldMessages({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | undefined }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** The invalid flag and the descriptions (hint, extra content, error) every control carries. */
function fieldAria(id: string, hint: ReactNode, error: string | undefined, afterId?: string) {
  return {
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(hint ? `${id}-hint` : undefined, afterId, error ? `${id}-error` : undefined),
  };
}

/** Label above, the control (and what follows it) in a row, hint and error below. */
function LabelledField({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={`field ${className ?? ''} ${error ? 'field--invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="field-control">{children}</div>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

export function TextField({
  name,
  label,
  error,
  hint,
  after,
  afterId,
  className,
  ...input
}: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>) {
  const id = useFieldId(name);
  return (
    <LabelledField id={id} label={label} hint={hint} error={error} className={className}>
      <input type="text" autoComplete="off" spellCheck={false} {...input} id={id} name={name} {...fieldAria(id, hint, error, afterId)} />
      {after}
    </LabelledField>
  );
}

export function SelectField({
  name,
  label,
  error,
  hint,
  className,
  options,
  placeholder,
  ...select
}: Common & {
  options: ReadonlyArray<readonly [value: string, label: string]>;
  placeholder?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'>) {
  const id = useFieldId(name);
  return (
    <LabelledField id={id} label={label} hint={hint} error={error} className={className}>
      <select {...select} id={id} name={name} {...fieldAria(id, hint, error)}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}

export function CheckboxField({
  name,
  label,
  error,
  hint,
  className,
  checked,
  disabled,
  onChange,
}: Common & { checked: boolean; disabled?: boolean; onChange: (checked: boolean) => void }) {
  const id = useFieldId(name);
  return (
    <div className={`field field--checkbox ${className ?? ''} ${error ? 'field--invalid' : ''}`}>
      <div className="checkbox-row">
        <input
          type="checkbox"
          id={id}
          name={name}
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
          {...fieldAria(id, hint, error)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

/**
 * A fieldset of radios or checkboxes: legend, the options in a row, one hint and one error for
 * the group. The first option carries the field id so that errors can focus it.
 */
function ChoiceGroup<K extends string>({
  type,
  name,
  label,
  error,
  hint,
  className,
  options,
  isChecked,
  onToggle,
}: Common & {
  type: 'radio' | 'checkbox';
  options: ReadonlyArray<readonly [key: K, label: string]>;
  isChecked: (key: K) => boolean;
  onToggle: (key: K, checked: boolean) => void;
}) {
  const id = useFieldId(name);
  const aria = fieldAria(id, hint, error);
  return (
    <fieldset className={`field field--radios ${className ?? ''} ${error ? 'field--invalid' : ''}`}>
      <legend className="field-label">{label}</legend>
      <div className="radio-row">
        {options.map(([key, text], index) => {
          const optionId = index === 0 ? id : `${id}-${index}`;
          return (
            <span className="radio-option" key={key}>
              <input
                type={type}
                id={optionId}
                // Radios share the group's name; each checkbox is its own value.
                name={type === 'radio' ? name : key}
                value={type === 'radio' ? key : 'on'}
                checked={isChecked(key)}
                onChange={(e) => onToggle(key, e.target.checked)}
                {...aria}
              />
              <label htmlFor={optionId}>{text}</label>
            </span>
          );
        })}
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </fieldset>
  );
}

/** Radios in a fieldset: one answer. */
export function RadioGroup<V extends string>({
  options,
  value,
  onChange,
  ...common
}: Common & {
  options: ReadonlyArray<readonly [value: V, label: string]>;
  value: V | '';
  onChange: (value: V) => void;
}) {
  return <ChoiceGroup type="radio" options={options} isChecked={(v) => v === value} onToggle={(v) => onChange(v)} {...common} />;
}

/** Checkboxes that answer one question together (e.g. the symptoms of a token). */
export function CheckboxGroup<K extends string>({
  options,
  values,
  onChange,
  ...common
}: Common & {
  options: ReadonlyArray<readonly [key: K, label: string]>;
  values: Record<K, boolean>;
  onChange: (key: K, checked: boolean) => void;
}) {
  return <ChoiceGroup type="checkbox" options={options} isChecked={(k) => values[k]} onToggle={onChange} {...common} />;
}
