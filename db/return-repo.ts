import { createHash } from 'node:crypto';
import type { Db } from './db';
import { sql } from './prepared';

/** Tokens handed in at this branch's counter and not yet sent back: the "collected tokens" box (not those handed in elsewhere). */
export function listCollected(db: Db): { serial: string; contractRef: string | null; collectedAt: string }[] {
  return sql(db, "SELECT serial, contract_ref AS contractRef, updated_at AS collectedAt FROM tokens WHERE state = 'EXCHANGED' AND ours = 1 ORDER BY updated_at, serial")
    .all() as { serial: string; contractRef: string | null; collectedAt: string }[];
}

export function nextReturnBatchId(db: Db): number {
  return ((sql(db, 'SELECT MAX(batch_id) AS m FROM return_batches').get() as { m: number | null }).m ?? 0) + 1;
}

export function insertReturnBatch(db: Db, b: { batchId: number; operatorId: string; createdAt: string; serials: string[]; pdf: Buffer }): void {
  sql(db, 
    'INSERT INTO return_batches (batch_id, operator_id, created_at, token_count, pdf, sha256) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(b.batchId, b.operatorId, b.createdAt, b.serials.length, b.pdf, createHash('sha256').update(b.pdf).digest('hex'));
  const item = sql(db, 'INSERT INTO return_batch_items (batch_id, serial) VALUES (?, ?)');
  for (const s of b.serials) item.run(b.batchId, s);
}
