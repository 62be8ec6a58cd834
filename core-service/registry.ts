/**
 * What a terminal's entries do to the bank's registry of serials and contracts: pure, over the
 * rows a batch touches, with the domain's token lifecycle. A move the registry cannot take (the
 * serial issued or stopped elsewhere, in another terminal's stock) becomes a rejection; the
 * entry itself is kept in the journal whatever happens here.
 */
import { DomainError } from '../domain/errors';
import { movesOf } from '../domain/sync-moves';
import { isLive, nextState, TOKEN_STATE_LABELS, type TokenEvent } from '../domain/token-lifecycle';
import type { TokenState } from '../domain/types';
import type { PushEntry, RejectionCode } from '../domain/sync-protocol';

export interface TokenRow {
  state: TokenState;
  terminal_id: string | null;
  contract_id: string | null;
}

export interface ContractRow {
  current_serial: string | null;
  feature_phone: boolean;
  name_kanji: string | null;
  name_kana: string | null;
  account_branch: string | null;
  account_subject: string | null;
  account_number: string | null;
}

export interface RejectionRow {
  seq: number;
  kind: string;
  serial: string;
  code: RejectionCode;
  message: string;
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
      if (mv.event === 'REGISTER') {
        if (!now) changedTokens.set(mv.serial, { state: 'IN_STOCK', terminal_id: terminalId, contract_id: null });
        else if (now.state !== 'IN_STOCK' || now.terminal_id !== terminalId) {
          reject(mv.serial, 'SERIAL_KNOWN', `シリアル番号 ${mv.serial} は本部に登録済みです（${TOKEN_STATE_LABELS[now.state]}${now.terminal_id ? `、端末 ${now.terminal_id}` : ''}）`);
        }
        continue;
      }
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
      if (mv.contractId) changedContracts.set(mv.contractId, { ...contractDetails(contract, e.message ?? {}), current_serial: mv.serial });
    }
  }
  return { tokens: changedTokens, contracts: changedContracts, rejections };
}

const given = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * The contract as the bank will hold it after an issuance: the feature-phone flag as the counter
 * form says; the name and account the bank already holds (web banking's) kept, else the form's.
 */
function contractDetails(contract: ContractRow | undefined, m: Record<string, unknown>): Omit<ContractRow, 'current_serial'> {
  const account = (m.account ?? {}) as Record<string, unknown>;
  return {
    feature_phone: typeof m.featurePhone === 'boolean' ? m.featurePhone : (contract?.feature_phone ?? false),
    name_kanji: contract?.name_kanji ?? given(m.nameKanji),
    name_kana: contract?.name_kana ?? given(m.nameKana),
    account_branch: contract?.account_branch ?? given(account.branchCode),
    account_subject: contract?.account_subject ?? given(account.subject),
    account_number: contract?.account_number ?? given(account.number),
  };
}
