import { DomainError } from '../services/contract';

/** The message of a domain rule the value breaks, or null: the screen checks as the server will. */
export function domainMessage(check: () => unknown): string | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.message;
    throw error;
  }
}
