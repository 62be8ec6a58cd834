import type { ChangeEvent } from 'react';
import { normalizeSerial, validateSerial, type SerialFormat } from '../../services/contract';
import { domainMessage } from './checks';

/** One form field bound to the draft: its name, label, value, error, and how to change it. */
export type Bound<V> = {
  name: string;
  label: string;
  value: V;
  error: string | undefined;
  onChange: (value: V) => void;
};

export type Binder<D> = <K extends keyof D & string>(name: K) => Bound<D[K]>;

/** `bind('contractId')` gives a widget everything it needs about that field of the draft. */
export function binder<D>(
  draft: D,
  errors: Record<string, string>,
  labels: Readonly<Record<string, string>>,
  onChange: <K extends keyof D>(key: K, value: D[K]) => void,
): Binder<D> {
  return (name) => ({
    name,
    label: labels[name] ?? name,
    value: draft[name],
    error: errors[name],
    onChange: (value) => onChange(name, value),
  });
}

/** The props of a TextField for a bound text field. */
export function textInput(b: Bound<string>) {
  return {
    name: b.name,
    label: b.label,
    value: b.value,
    error: b.error,
    onChange: (e: ChangeEvent<HTMLInputElement>) => b.onChange(e.target.value),
  };
}

/**
 * The props of a TextField for a serial the customer brings or writes on a form: on leaving
 * the field it shows the serial as the bank keeps it (half-width, upper case, no hyphens), once it
 * follows the branch's rule.
 */
export function serialInput(b: Bound<string>, format: SerialFormat) {
  return {
    ...textInput(b),
    onBlur: () => {
      const serial = normalizeSerial(b.value);
      if (serial !== b.value && domainMessage(() => validateSerial(serial, format)) === null) b.onChange(serial);
    },
  };
}
