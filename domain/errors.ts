/** Field name → message, one message per field. */
export type FieldErrors = Record<string, string>;

/**
 * A refusal the teller can act on: `message` is plain Japanese that says what to fix, `field`
 * names the form field it belongs to (so the screen can bind it to that input). A whole form's
 * refusal carries every field's message in `fieldErrors`.
 */
export class DomainError extends Error {
  readonly fieldErrors: FieldErrors;

  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    fieldErrors?: FieldErrors,
  ) {
    super(message);
    this.name = 'DomainError';
    this.fieldErrors = fieldErrors ?? (field ? { [field]: message } : {});
  }
}

export function refuse(code: string, message: string, field?: string): never {
  throw new DomainError(code, message, field);
}

export const INVALID_FORM_MESSAGE = '入力内容に誤りがあります。赤字の項目を確認してください。';

/** Refuses a whole form with each field's message. */
export function refuseForm(errors: FieldErrors): never {
  throw new DomainError('VALIDATION', INVALID_FORM_MESSAGE, undefined, errors);
}

/** Runs a check whose refusal names a generic field (e.g. 'serial') under the caller's field instead. */
export function onField<T>(field: string, check: () => T): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof DomainError) throw new DomainError(e.code, e.message, field);
    throw e;
  }
}

/**
 * The one place where refusals become field errors: each check runs under the name of the form
 * field it belongs to, so that a form's every mistake is reported at once, not one per attempt.
 */
export class FieldCheck {
  readonly errors: FieldErrors = {};

  /** Runs `check`; its refusal is kept under `field` and undefined returned. */
  take<T>(field: string, check: () => T): T | undefined {
    try {
      return check();
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      this.add(field, e.message);
      return undefined;
    }
  }

  /** Runs `check`, which may refuse a form of its own: that form's messages stay under their fields, any other refusal goes under `field`. */
  takeForm<T>(field: string, check: () => T): T | undefined {
    try {
      return check();
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (e.field === undefined && Object.keys(e.fieldErrors).length > 0) this.addAll(e.fieldErrors);
      else this.add(field, e.message);
      return undefined;
    }
  }

  /** The messages of a validation done elsewhere, kept beside this check's own. */
  addAll(errors: FieldErrors): void {
    for (const [field, message] of Object.entries(errors)) this.add(field, message);
  }

  /** A message for `field` (the first one stays); nothing for null, false or ''. */
  add(field: string, message: string | null | undefined | false): void {
    if (message && this.errors[field] === undefined) this.errors[field] = message;
  }

  get ok(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  /** Refuses the whole form with every field's message, if any was kept. */
  done(): void {
    if (!this.ok) refuseForm(this.errors);
  }
}
