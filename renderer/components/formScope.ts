import { createContext, useContext } from 'react';

/** Gives every field of one form a stable, unique id: `${prefix}-${name}`. */
export const FormScope = createContext<string>('form');

export function useFieldId(name: string): string {
  return fieldId(useContext(FormScope), name);
}

export function fieldId(prefix: string, name: string): string {
  return `${prefix}-${name}`;
}

export function focusField(prefix: string, name: string): void {
  const el = document.getElementById(fieldId(prefix, name));
  if (!(el instanceof HTMLElement)) return;
  el.focus();
  // Typing replaces what was refused (e.g. a new one-time password).
  if (el instanceof HTMLInputElement && (el.type === 'text' || el.type === 'password')) el.select();
}

export function describedBy(...ids: unknown[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
  return list.length > 0 ? list.join(' ') : undefined;
}
