import { REFUSALS, type RefusalCode } from '../domain/sync-protocol';

/** A refusal the protocol names: its HTTP status comes from REFUSALS, its code is machine-readable. */
export class Refused extends Error {
  readonly status: number;

  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly extra: { heldSeq?: number; seq?: number } = {},
  ) {
    super(message);
    this.status = REFUSALS[code];
  }
}
