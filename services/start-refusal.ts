import { DataFolderInUse } from '../db/instance-lock';

/** madoguchi does not start here, for a reason the person at the PC can act on: the message says what to do. */
export class CannotStart extends Error {
  override name = 'CannotStart';
}

/** The message a host shows for an error that stops the start, or null for an error that is a bug. */
export function startRefusal(e: unknown): string | null {
  return e instanceof CannotStart || e instanceof DataFolderInUse ? e.message : null;
}
