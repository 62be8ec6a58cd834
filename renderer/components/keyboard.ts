/**
 * Keyboard-first forms: Enter in a field moves to the next field instead of submitting.
 * The candidates are the form's enabled inputs, selects and text areas plus its submit
 * buttons; a radio group counts once (its checked radio, or its first).
 */

type Focusable = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLButtonElement;

const SKIPPED_INPUT_TYPES = new Set(['hidden', 'button', 'reset', 'image']);

function groupKey(el: Focusable): string | null {
  return el instanceof HTMLInputElement && el.type === 'radio' && el.name ? `radio:${el.name}` : null;
}

function usable(el: Focusable): boolean {
  // :disabled also covers the controls of a disabled fieldset.
  if (el.disabled || el.matches(':disabled') || el.tabIndex < 0) return false;
  if (el instanceof HTMLInputElement && (SKIPPED_INPUT_TYPES.has(el.type) || el.readOnly)) return false;
  if (el instanceof HTMLButtonElement && el.type !== 'submit') return false;
  return !el.closest('[hidden],[inert]');
}

export function fieldsOf(form: HTMLFormElement): Focusable[] {
  const all = Array.from(form.querySelectorAll<Focusable>('input, select, textarea, button')).filter(usable);
  const seen = new Map<string, number>();
  const out: Focusable[] = [];
  for (const el of all) {
    const key = groupKey(el);
    if (key === null) {
      out.push(el);
      continue;
    }
    const at = seen.get(key);
    if (at === undefined) {
      seen.set(key, out.length);
      out.push(el);
    } else if ((el as HTMLInputElement).checked) {
      out[at] = el;
    }
  }
  return out;
}

/** The field after `current` (same radio group counts as one), or null at the end. */
export function nextField(form: HTMLFormElement, current: Element): Focusable | null {
  const fields = fieldsOf(form);
  const key = current instanceof HTMLInputElement ? groupKey(current) : null;
  const index = fields.findIndex((el) => el === current || (key !== null && groupKey(el) === key));
  if (index < 0) return null;
  return fields[index + 1] ?? null;
}

export function isSubmitButton(el: Element | null): el is HTMLButtonElement {
  return el instanceof HTMLButtonElement && el.type === 'submit';
}
