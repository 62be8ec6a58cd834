import { DomainError } from '../domain/errors';
import type { ApiError } from './contract';

/** A refusal from the service layer (session, role, unknown record), worded for the teller. */
export class ServiceFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ServiceFailure';
  }
}

export function invalid(fieldErrors: Record<string, string>): never {
  throw new ServiceFailure('VALIDATION', '入力内容に誤りがあります。赤字の項目を確認してください。', fieldErrors);
}

export const UNEXPECTED_MESSAGE =
  '処理中に予期しないエラーが発生しました。この取引は記録されていません。もう一度お試しいただき、続く場合は役席者に連絡してください。';

/** The refusal the teller sees; null for an unexpected error, which the caller logs and words as UNEXPECTED_MESSAGE. */
export function toApiError(e: unknown): ApiError | null {
  if (e instanceof ServiceFailure) return { code: e.code, message: e.message, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) };
  if (e instanceof DomainError) {
    return { code: e.code, message: e.message, ...(e.field ? { fieldErrors: { [e.field]: e.message } } : {}) };
  }
  return null;
}
