import type { ExchangeReason } from '../domain/counter-rules';
import { refuse } from '../domain/errors';
import { nextState } from '../domain/token-lifecycle';
import { normalizeSerial } from '../domain/validation';
import { appendJournal } from '../db/journal';
import { sql } from '../db/prepared';
import { insertReturnBatch, listCollected, nextReturnBatchId } from '../db/return-repo';
import { findContractByRef } from '../db/contract-repo';
import { findKnownToken, moveToken, type KnownToken } from '../db/token-repo';
import type { Operator } from './contract';
import { renderReturnList, type ReturnedToken } from '../templates/return-list';
import type { Ports } from './ports';
import { requireBranch } from './setup';

/** The collected box: each token with the contract it was handed in from. */
export function collected(p: Ports) {
  return {
    tokens: listCollected(p.db).map(({ contractRef, ...t }) => ({
      ...t,
      contractId: contractRef ? (findContractByRef(p.db, p.secrets, contractRef)?.contractId ?? null) : null,
    })),
  };
}

/**
 * Why a collected token was handed in, from its exchange's journal entry: the token was last
 * moved by that exchange, so the entry is found by its moment (indexed), not by a scan.
 */
function exchangeReason(p: Ports, t: KnownToken): ExchangeReason {
  const row = sql(
    p.db,
    "SELECT json_extract(payload, '$.reason') AS reason FROM journal WHERE occurred_at = ? AND kind = 'TOKEN_EXCHANGED' AND json_extract(payload, '$.oldSerial') = ?",
  ).get(t.updatedAt, t.serial) as { reason: ExchangeReason } | undefined;
  if (!row) throw new Error(`no exchange in the journal for collected token ${t.serial}`);
  return row.reason;
}

/**
 * A return batch: the chosen tokens from the collected box go back to the vendor
 * (RETURNED_TO_VENDOR) with a printed list that travels in the parcel.
 */
export function createBatch(p: Ports, by: Operator, req: { serials: string[] }) {
  // Collected tokens are known here: their serials are checked against the stock, not a rule.
  const serials = [...new Set(req.serials.map((s) => normalizeSerial(s)))];
  const now = p.now();
  const at = now.toISOString();
  return p.db.transaction(() => {
    const branch = requireBranch(p);
    const batchId = nextReturnBatchId(p.db);
    const tokens = serials.map((s): ReturnedToken => {
      const t = findKnownToken(p.db, s) ?? refuse('SERIAL_UNKNOWN', `シリアル番号 ${s} は当店の回収トークンにありません。`, 'serials');
      moveToken(p.db, s, t.state, nextState(t.state, 'RETURN_TO_VENDOR', s), t.contractRef, at);
      return { serial: s, reason: exchangeReason(p, t), collectedAt: new Date(t.updatedAt) };
    });
    const pdf = renderReturnList({ branch, operator: by, batchId, createdAt: now, tokens });
    insertReturnBatch(p.db, { batchId, operatorId: by.operatorId, createdAt: at, serials, pdf });
    appendJournal(p.db, { kind: 'TOKENS_RETURNED', occurredAt: at, operatorId: by.operatorId, payload: { batchId, serials } });
    return { batchId, count: serials.length, pdfBase64: pdf.toString('base64') };
  }).immediate();
}
