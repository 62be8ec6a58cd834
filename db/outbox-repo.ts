import type { Db } from './open';
import { sql } from './prepared';

/** Queues one message for the core service, numbered per terminal without gaps. */
export function enqueueOutbox(
  db: Db,
  m: { journalSeq: number; kind: string; urgent: boolean; payload: Record<string, unknown>; createdAt: string },
): number {
  const last = sql(db, 'SELECT MAX(seq) AS s FROM outbox').get() as { s: number | null };
  const seq = (last.s ?? 0) + 1;
  sql(db, 
    `INSERT INTO outbox (seq, journal_seq, kind, urgent, payload, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(seq, m.journalSeq, m.kind, m.urgent ? 1 : 0, JSON.stringify({ ...m.payload, seq }), m.createdAt);
  return seq;
}
