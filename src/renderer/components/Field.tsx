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
    <div className={`field ${className ?? ''} ${error ? 'field--invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="field-control">
        <input
          type="text"
          autoComplete="off"
          spellCheck={false}
          {...input}
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hint && `${id}-hint`, afterId, error && `${id}-error`)}
        />
        {after}
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
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
    <div className={`field ${className ?? ''} ${error ? 'field--invalid' : ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="field-control">
        <select
          {...select}
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        >
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

export function CheckboxField({
  name,
  label,
  error,
  hint,
  className,
  checked,
  onChange,
}: Common & { checked: boolean; onChange: (checked: boolean) => void }) {
  const id = useFieldId(name);
  return (
    <div className={`field field--checkbox ${className ?? ''} ${error ? 'field--invalid' : ''}`}>
      <div className="checkbox-row">
        <input
          type="checkbox"
          id={id}
          name={name}
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

/** Radios in a fieldset; the first radio carries the field id so errors can focus it. */
export function RadioGroup<V extends string>({
  name,
  label,
  error,
  hint,
  className,
  options,
  value,
  onChange,
}: Common & {
  options: ReadonlyArray<readonly [value: V, label: string]>;
  value: V | '';
  onChange: (value: V) => void;
}) {
  const id = useFieldId(name);
  const describe = describedBy(hint && `${id}-hint`, error && `${id}-error`);
  return (
    <fieldset className={`field field--radios ${className ?? ''} ${error ? 'field--invalid' : ''}`}>
      <legend className="field-label">{label}</legend>
      <div className="radio-row">
        {options.map(([optionValue, text], index) => {
          const optionId = index === 0 ? id : `${id}-${index}`;
          return (
            <span className="radio-option" key={optionValue}>
              <input
                type="radio"
                id={optionId}
                name={name}
                value={optionValue}
                checked={value === optionValue}
                onChange={() => onChange(optionValue)}
                aria-invalid={error ? true : undefined}
                aria-describedby={describe}
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
