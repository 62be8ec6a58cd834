import type { FormEvent, FormHTMLAttributes, KeyboardEvent, ReactNode } from 'react';
import { FormScope } from './formScope';
import { isSubmitButton, nextField } from './keyboard';

type Props = Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'onKeyDown'> & {
  /** Prefix for field ids (unique on the page). */
  idPrefix: string;
  onSubmit: () => void;
  /** Enter in the last field submits (single-step forms such as login). Otherwise it focuses the submit button. */
  submitOnLastField?: boolean;
  children: ReactNode;
};

/**
 * A form where Enter moves to the next field (a barcode scanner ends with Enter, and tellers
 * work from the keyboard), so a half-filled form is never sent by accident.
 */
export function KeyboardForm({ idPrefix, onSubmit, submitOnLastField = false, children, ...rest }: Props) {
  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    // Enter that confirms a Japanese IME conversion is not ours.
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    const target = event.target;
    const isField =
      target instanceof HTMLSelectElement ||
      (target instanceof HTMLInputElement && !['submit', 'button', 'reset', 'file', 'image'].includes(target.type));
    if (!isField) return;
    event.preventDefault();
    const form = event.currentTarget;
    const next = nextField(form, target);
    if (next && !isSubmitButton(next)) {
      next.focus();
      if (next instanceof HTMLInputElement && /^(text|tel|password|search|email)$/.test(next.type)) next.select();
      return;
    }
    if (submitOnLastField) {
      form.requestSubmit();
    } else if (next) {
      next.focus();
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <FormScope.Provider value={idPrefix}>
      <form noValidate autoComplete="off" {...rest} onKeyDown={handleKeyDown} onSubmit={handleSubmit}>
        {children}
      </form>
    </FormScope.Provider>
  );
}
