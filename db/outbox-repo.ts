import type { Db } from './db';
import { sql } from './prepared';
import { sealContext } from './seal-at-rest';
import type { SecretBox } from './sealed-secret';

/** Queues one message for the core service, numbered per terminal without gaps, sealed at rest (it names the customer's contract). */
export function enqueueOutbox(
  db: Db,
  box: SecretBox,
  m: { journalSeq: number; kind: string; urgent: boolean; payload: Record<string, unknown>; createdAt: string },
): number {
  const last = sql(db, 'SELECT MAX(seq) AS s FROM outbox').get() as { s: number | null };
  const seq = (last.s ?? 0) + 1;
  sql(
    db,
    `INSERT INTO outbox (seq, journal_seq, kind, urgent, payload, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(seq, m.journalSeq, m.kind, m.urgent ? 1 : 0, box.sealJson({ ...m.payload, seq }, sealContext.outbox(seq)), m.createdAt);
  return seq;
}

/** A queued message as the core service is to receive it. */
export function outboxPayload(box: SecretBox, row: { seq: number; payload: Buffer }): Record<string, unknown> {
  return box.openJson<Record<string, unknown>>(row.payload, sealContext.outbox(row.seq));
}
