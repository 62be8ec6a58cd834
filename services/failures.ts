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

/** A request that is not what the contract describes: a wrong shape, malformed JSON, an unknown body. */
export const BAD_REQUEST: ApiError = { code: 'BAD_REQUEST', message: '要求の形式が正しくありません。画面を再読み込みしてください。' };

export const UNEXPECTED_MESSAGE =
  '処理中に予期しないエラーが発生しました。この取引は記録されていません。もう一度お試しいただき、続く場合は役席者に連絡してください。';

/** The refusal the teller sees; null for an unexpected error, which the caller logs and words as UNEXPECTED_MESSAGE. */
export function toApiError(e: unknown): ApiError | null {
  const fields = e instanceof ServiceFailure ? e.fieldErrors : e instanceof DomainError ? e.fieldErrors : undefined;
  if (!(e instanceof ServiceFailure || e instanceof DomainError)) return null;
  return { code: e.code, message: e.message, ...(fields && Object.keys(fields).length > 0 ? { fieldErrors: fields } : {}) };
}
