import { refuse } from '../domain/errors';
import { maskName } from '../domain/masking';
import { isLive, TOKEN_STATE_LABELS } from '../domain/token-lifecycle';
import { IDENTITY_DOCUMENTS, type IdentityDocument } from '../domain/types';
import { normalizeInput } from '../domain/validation';
import { findContract, type ContractRow } from '../db/contract-repo';
import { findKnownToken, type KnownToken } from '../db/token-repo';
import type { Ports } from './ports';

export function requireContract(p: Ports, raw: string): ContractRow {
  const id = normalizeInput(raw);
  if (!id) refuse('CONTRACT_REQUIRED', '契約者IDを入力してください。', 'contractId');
  // Refusals do not repeat the ID: they are journalled, and the ledger holds no contract ID in the clear.
  return findContract(p.db, p.secrets, id) ?? refuse('CONTRACT_UNKNOWN', 'この契約者IDのトークン発行記録がありません。番号を確かめてください。', 'contractId');
}

/** The contract's live token (its seed here or not: issued elsewhere), or a refusal naming what the contract holds. */
export function liveToken(p: Ports, c: ContractRow): KnownToken {
  const t = c.currentSerial ? findKnownToken(p.db, c.currentSerial) : null;
  if (!t || !isLive(t.state)) {
    refuse(
      'NO_LIVE_TOKEN',
      `この契約には現在ご利用中のハードウェアトークンがありません${t ? `（${t.serial}: ${TOKEN_STATE_LABELS[t.state]}）` : ''}。`,
      'contractId',
    );
  }
  return t;
}

export function requireIdentityDocument(raw: string): IdentityDocument {
  if (!Object.hasOwn(IDENTITY_DOCUMENTS, raw)) refuse('IDENTITY', '確認した本人確認書類を選択してください。', 'identityDocument');
  return raw as IdentityDocument;
}

/**
 * 契約者ID entered at 交換, 紛失 or 利用中止: the contract as the branch knows it, from its own acts
 * and the bank's (a contract issued at another branch too), the name masked; `bank` says as of
 * when the bank's word is (offline: the last pull).
 */
export function lookupContract(p: Ports, req: { contractId: string }) {
  const c = requireContract(p, req.contractId);
  const t = c.currentSerial ? findKnownToken(p.db, c.currentSerial) : null;
  return {
    contractId: c.contractId,
    maskedName: maskName(c.nameKanji),
    featurePhone: c.featurePhone,
    currentSerial: c.currentSerial,
    currentState: t?.state ?? null,
    stateLabel: t ? TOKEN_STATE_LABELS[t.state] : null,
    currentDigits: t?.seeded?.params.digits ?? null,
    bank: p.sync.freshness(),
  };
}
