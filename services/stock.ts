import { createHash } from 'node:crypto';
import { parseSeedFile, type SeedFileKeys } from '../seeds/seed-file';
import { TOKEN_STATE_LABELS } from '../domain/token-lifecycle';
import { normalizeSerial, validateSerial } from '../domain/validation';
import { DomainError, refuse } from '../domain/errors';
import type { TokenState } from '../domain/types';
import { appendJournal } from '../db/journal';
import { countTokens, countTokensByState, findToken, insertSeedBatch, insertToken, listTokens, type TokenRow } from '../db/token-repo';
import type { Operator, StockToken } from './contract';
import type { Ports } from './ports';
import { requireBranch } from './setup';

/**
 * A seed file goes in whole or not at all: one batch row, one token per record, seeds sealed
 * with the data key, one journal entry. A serial the branch already knows refuses the file.
 * A refused file is journalled too (SEED_IMPORT_REFUSED: its name, SHA-256 and why, never its
 * key or password), so that a manager sees every attempt.
 */
export function importSeeds(p: Ports, by: Operator, req: { fileName: string; content: string } & SeedFileKeys) {
  const sha256 = createHash('sha256').update(req.content, 'utf8').digest('hex');
  const now = p.now();
  try {
    return importWhole(p, by, req, sha256, now);
  } catch (e) {
    if (e instanceof DomainError) {
      p.db.transaction(() => {
        appendJournal(p.db, {
          kind: 'SEED_IMPORT_REFUSED',
          occurredAt: now.toISOString(),
          operatorId: by.operatorId,
          payload: { fileName: req.fileName, sha256, code: e.code, message: e.message },
        });
      }).immediate();
    }
    throw e;
  }
}

function importWhole(p: Ports, by: Operator, req: { fileName: string; content: string } & SeedFileKeys, sha256: string, now: Date) {
  const { serialFormat } = requireBranch(p);
  const { format, records } = parseSeedFile(req.content, { preSharedKeyHex: req.preSharedKeyHex, password: req.password, now, serialFormat });
  if (records.length === 0) refuse('SEED_FILE', 'シードファイルにトークンが1件も含まれていません。', 'content');
  const at = now.toISOString();
  const batchId = p.db.transaction(() => {
    for (const r of records) {
      if (findToken(p.db, r.serial)) {
        refuse('SEED_DUPLICATE', `シリアル番号 ${r.serial} は既に登録されています。ファイル全体を取り込みませんでした。`, 'content');
      }
    }
    const id = insertSeedBatch(p.db, { fileName: req.fileName, sha256, format, count: records.length, operatorId: by.operatorId, importedAt: at });
    for (const r of records) {
      insertToken(p.db, {
        serial: r.serial,
        batchId: id,
        params: r.params,
        driftSteps: r.driftSteps ?? 0,
        secretEnc: p.secrets.seal(r.secret, r.serial),
        updatedAt: at,
      });
    }
    appendJournal(p.db, {
      kind: 'SEED_IMPORTED',
      occurredAt: at,
      operatorId: by.operatorId,
      payload: { batchId: id, fileName: req.fileName, sha256, format, count: records.length },
    });
    return id;
  }).immediate();
  return { batchId, count: records.length, format, sha256 };
}

function toStockToken(t: TokenRow): StockToken {
  return {
    serial: t.serial,
    state: t.state,
    algorithm: t.params.algorithm,
    digits: t.params.digits,
    failCount: t.memory.failCount,
    batchId: t.batchId,
    updatedAt: t.updatedAt,
  };
}

/** The most rows one list sends to the screen; `matched` says how many the filter found. */
export const STOCK_LIST_LIMIT = 500;

export function list(p: Ports, req: { state?: TokenState; serial?: string }) {
  const serialLike = req.serial ? normalizeSerial(req.serial) : undefined;
  const filter = { ...(req.state ? { state: req.state } : {}), ...(serialLike ? { serialLike } : {}) };
  return {
    tokens: listTokens(p.db, { ...filter, limit: STOCK_LIST_LIMIT }).map(toStockToken),
    matched: countTokens(p.db, filter),
    counts: countTokensByState(p.db),
  };
}

/**
 * A serial as typed (scanner or keyboard, full-width, hyphens) in the form the branch keeps: one
 * the branch has, whatever rule it came in under (tokens keep their serials when the rule
 * changes), or one that follows the branch's rule (else DomainError SERIAL_FORMAT, field 'serial').
 */
export function checkSerial(p: Ports, raw: string): string {
  const serial = normalizeSerial(raw);
  return findToken(p.db, serial) ? serial : validateSerial(raw, requireBranch(p).serialFormat);
}

export function requireToken(p: Ports, rawSerial: string): TokenRow {
  const token = findToken(p.db, normalizeSerial(rawSerial));
  if (token) return token;
  const serial = validateSerial(rawSerial, requireBranch(p).serialFormat);
  return refuse('SERIAL_UNKNOWN', `シリアル番号 ${serial} は当店の在庫に登録されていません。番号を確かめてください。`, 'serial');
}

export function lookup(p: Ports, req: { serial: string }) {
  const t = requireToken(p, req.serial);
  return { serial: t.serial, state: t.state, stateLabel: TOKEN_STATE_LABELS[t.state], digits: t.params.digits };
}
