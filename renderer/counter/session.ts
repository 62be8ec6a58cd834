/**
 * What every counter screen (発行受付, 交換・再発行, 利用中止届) keeps between its steps:
 * the form as typed, the errors bound to its fields, the look-ups made while typing
 * (a serial in stock, a contract), and the result once 確定 went through.
 */
import type { ResponseOf } from '../../services/contract';

/** A serial in the branch's stock, and a contract, as the server looked them up. */
export type StockInfo = ResponseOf<'stockLookup'>;
export type ContractInfo = ResponseOf<'contractsLookup'>;

export type Step = 'input' | 'confirm' | 'done';

/** A look-up made for what was typed in one field: `key` is the text it was made for. */
export type Lookup<V> =
  | { status: 'idle' }
  | { status: 'loading'; key: string }
  | { status: 'ok'; key: string; value: V }
  | { status: 'error'; key: string; message: string };

export const IDLE = { status: 'idle' } as const;

/** Field name → the type of what its look-up returns. */
export type Lookups<L> = { [K in keyof L]: Lookup<L[K]> };

export interface CounterSession<D, R, L> {
  step: Step;
  draft: D;
  fieldErrors: Record<string, string>;
  message: string | null;
  lookups: Lookups<L>;
  result: R | null;
}

export function newSession<D, R, L>(draft: D, lookups: Lookups<L>): CounterSession<D, R, L> {
  return { step: 'input', draft, fieldErrors: {}, message: null, lookups, result: null };
}

/** The look-up, if it was made for what the field holds now (else idle: it is out of date). */
export function lookupFor<V>(lookup: Lookup<V>, typed: string): Lookup<V> {
  return lookup.status !== 'idle' && lookup.key === typed ? lookup : IDLE;
}

/** The value of a finished look-up for what the field holds now, or null. */
export function lookedUp<V>(lookup: Lookup<V>, typed: string): V | null {
  const l = lookupFor(lookup, typed);
  return l.status === 'ok' ? l.value : null;
}
