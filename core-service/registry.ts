/**
 * What a terminal's entries do to the bank's registry of serials and contracts: pure, over the
 * rows a batch touches, with the domain's token lifecycle. A move the registry cannot take (the
 * serial issued or stopped elsewhere, in another terminal's stock) becomes a rejection; the
 * entry itself is kept in the journal whatever happens here.
 */
import { DomainError } from '../domain/errors';
import { isLive, nextState, type TokenEvent } from '../domain/token-lifecycle';
import type { TokenState } from '../domain/types';
import type { PushEntry } from '../domain/sync-protocol';

export interface TokenRow {
  state: TokenState;
  terminal_id: string | null;
  contract_id: string | null;
}

export interface ContractRow {
  current_serial: string | null;
  feature_phone: boolean;
}

export interface RejectionRow {
  seq: number;
  kind: string;
  serial: string;
  code: 'SERIAL_CONFLICT' | 'SERIAL_IN_OTHER_STOCK' | 'CONTRACT_HAS_TOKEN';
  message: string;
}

interface Move {
  serial: string;
  event: TokenEvent;
  /** ISSUE: the contract the token goes to, which then holds it as its current token. */
  contractId?: string;
}

/** Where a serial the bank has never heard of is taken to stand before the move (imported or issued before madoguchi). */
const ASSUMED_FROM: Record<TokenEvent, TokenState> = {
  ISSUE: 'IN_STOCK',
  ACTIVATE: 'ISSUED',
  EXCHANGE: 'ISSUED',
  REPORT_LOST: 'ISSUED',
  SUSPEND: 'ISSUED',
  RETURN_TO_VENDOR: 'EXCHANGED',
  MARK_DAMAGED: 'IN_STOCK',
  DISPOSE: 'DAMAGED_IN_STOCK',
  VOID_ISSUE: 'ISSUED',
  VOID_EXCHANGE: 'EXCHANGED',
};

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
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
    case 'TOKENS_RETURNED': {
      const serials = (JSON.parse(e.payload) as { serials?: unknown }).serials;
      return Array.isArray(serials) ? serials.filter((s): s is string => typeof s === 'string').map((serial) => ({ serial, event: 'RETURN_TO_VENDOR' })) : [];
    }
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

export interface RegistryChanges {
  tokens: Map<string, TokenRow>;
  contracts: Map<string, ContractRow>;
  rejections: RejectionRow[];
}

/**
 * Applies the entries' moves, in order, to the loaded rows. Each move stands alone: a lost
 * token is stopped even when the replacement's serial is refused.
 */
export function applyToRegistry(
  terminalId: string,
  entries: PushEntry[],
  tokens: Map<string, TokenRow>,
  contracts: Map<string, ContractRow>,
): RegistryChanges {
  const changedTokens = new Map<string, TokenRow>();
  const changedContracts = new Map<string, ContractRow>();
  const rejections: RejectionRow[] = [];
  const tokenAt = (serial: string) => changedTokens.get(serial) ?? tokens.get(serial);
  const contractAt = (id: string) => changedContracts.get(id) ?? contracts.get(id);

  for (const e of entries) {
    const reject = (serial: string, code: RejectionRow['code'], message: string) => rejections.push({ seq: e.seq, kind: e.kind, serial, code, message });
    for (const mv of movesOf(e)) {
      const now = tokenAt(mv.serial);
      if (mv.event === 'ISSUE' && now?.state === 'IN_STOCK' && now.terminal_id !== null && now.terminal_id !== terminalId) {
        reject(mv.serial, 'SERIAL_IN_OTHER_STOCK', `シリアル番号 ${mv.serial} は本部の記録では他の端末（${now.terminal_id}）の在庫です`);
        continue;
      }
      let to: TokenState;
      try {
        to = nextState(now?.state ?? ASSUMED_FROM[mv.event], mv.event, mv.serial);
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        reject(mv.serial, 'SERIAL_CONFLICT', `本部の記録では、${err.message}`);
        continue;
      }
      const contract = mv.contractId ? contractAt(mv.contractId) : undefined;
      if (mv.contractId && contract?.current_serial && contract.current_serial !== mv.serial && isLive(tokenAt(contract.current_serial)?.state)) {
        reject(mv.serial, 'CONTRACT_HAS_TOKEN', `契約者ID ${mv.contractId} には本部の記録で利用中のトークン ${contract.current_serial} があります`);
        continue;
      }
      changedTokens.set(mv.serial, {
        state: to,
        terminal_id: mv.event === 'ISSUE' ? terminalId : (now?.terminal_id ?? terminalId),
        contract_id: mv.contractId ?? now?.contract_id ?? null,
      });
      if (mv.contractId) {
        const featurePhone = e.message?.featurePhone;
        changedContracts.set(mv.contractId, {
          current_serial: mv.serial,
          feature_phone: typeof featurePhone === 'boolean' ? featurePhone : (contract?.feature_phone ?? false),
        });
      }
    }
  }
  return { tokens: changedTokens, contracts: changedContracts, rejections };
}
