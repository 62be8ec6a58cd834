/**
 * A refusal the teller can act on: `message` is plain Japanese that says what to fix,
 * `field` names the form field it belongs to (so the screen can bind it to that input).
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function refuse(code: string, message: string, field?: string): never {
  throw new DomainError(code, message, field);
}
