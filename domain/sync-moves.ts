/**
 * What a terminal's journal entry does to serials and contracts, read from the entry and its
 * message: the bank's registry applies these moves (core-service/registry.ts), and the terminal
 * knows from them which of its rows an entry not yet at the bank will change, so that a pull
 * does not overwrite them with the bank's older word. Pure.
 */
import type { PushEntry } from './sync-protocol';
import type { TokenEvent } from './token-lifecycle';

export interface Move {
  serial: string;
  /** REGISTER: a serial the terminal imported itself, entered in the bank's registry as its stock. */
  event: TokenEvent | 'REGISTER';
  /** ISSUE: the contract the token goes to, which then holds it as its current token. */
  contractId?: string;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function serialsIn(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

/** The moves of one entry, in the order the terminal made them. */
export function movesOf(e: PushEntry): Move[] {
  const m = e.message ?? {};
  // From format 3 on the entry holds a keyed reference of the contract: its ID comes in the message.
  const contractId = text(m.contractId) ?? (e.format <= 2 ? (e.contract_id ?? undefined) : undefined);
  const one = (serial: string | undefined, event: TokenEvent, withContract = false): Move[] =>
    serial ? [{ serial, event, ...(withContract && contractId ? { contractId } : {}) }] : [];
  switch (e.kind) {
    case 'TOKEN_ISSUED':
      return one(text(m.serial) ?? e.serial ?? undefined, 'ISSUE', true);
    case 'TOKEN_EXCHANGED':
      return [...one(text(m.oldSerial), 'EXCHANGE'), ...one(text(m.newSerial), 'ISSUE', true)];
    case 'TOKEN_REISSUED_LOST':
      return [...one(text(m.lostSerial), 'REPORT_LOST'), ...one(text(m.newSerial), 'ISSUE', true)];
    case 'TOKEN_SUSPENDED':
      return one(text(m.serial) ?? e.serial ?? undefined, 'SUSPEND');
    case 'TRANSACTION_VOIDED':
      // The token handed out goes back to stock; an exchange's collected token back to the customer.
      return [...one(text(m.serial), 'VOID_ISSUE'), ...(m.voidedKind === 'TOKEN_EXCHANGED' ? one(text(m.restoredSerial), 'VOID_EXCHANGE') : [])];
    case 'TOKEN_DAMAGED':
      return one(e.serial ?? undefined, 'MARK_DAMAGED');
    case 'TOKEN_DISPOSED':
      return one(e.serial ?? undefined, 'DISPOSE');
    case 'TOKENS_RETURNED':
      return serialsIn((JSON.parse(e.payload) as { serials?: unknown }).serials).map((serial) => ({ serial, event: 'RETURN_TO_VENDOR' }));
    case 'SEED_IMPORTED':
      return serialsIn(m.serials).map((serial) => ({ serial, event: 'REGISTER' }));
    default:
      return [];
  }
}

/** Every serial and contract a batch may touch, to load (and lock) them in one query each. */
export function touched(entries: PushEntry[]): { serials: string[]; contractIds: string[] } {
  const serials = new Set<string>();
  const contractIds = new Set<string>();
  for (const e of entries) {
    for (const mv of movesOf(e)) {
      serials.add(mv.serial);
      if (mv.contractId) contractIds.add(mv.contractId);
    }
  }
  return { serials: [...serials], contractIds: [...contractIds] };
}
