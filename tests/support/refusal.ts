import { DomainError } from '../../domain/errors';

/** The DomainError `fn` refuses with; fails the test when it returns or throws anything else. */
export function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}
