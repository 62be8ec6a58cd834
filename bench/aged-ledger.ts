import type { Db } from '../db/open';

/**
 * Ten years of a busy branch written straight into the tables behind what a fixture holds:
 * `entries` journal rows (acts on tokens naming their serial and a contract's keyed reference, as
 * the log indexes them) and `tokens` more tokens, most long issued.
 */
export function addYears(db: Db, entries: number, tokens: number): void {
  const first = (db.prepare('SELECT MAX(seq) AS s FROM journal').get() as { s: number }).s + 1;
  const batch = (db.prepare('SELECT batch_id AS b FROM seed_batches LIMIT 1').get() as { b: number }).b;
  const step = Math.floor((10 * 365 * 86_400) / entries);
  db.transaction(() => {
    // One insert each, so that the journal's day-count trigger runs for every row as it would have.
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
       INSERT INTO journal (seq, kind, occurred_at, operator_id, serial, contract_id, payload, prev_hash, hash)
       SELECT ? + i, CASE i % 5 WHEN 0 THEN 'TOKEN_ISSUED' WHEN 1 THEN 'LOGIN' WHEN 2 THEN 'TOKEN_EXCHANGED' WHEN 3 THEN 'LOGOUT' ELSE 'RECEIPT_REPRINTED' END,
              strftime('%Y-%m-%dT%H:%M:%fZ', '2016-11-25T00:00:00Z', '+' || (i * ?) || ' seconds'), 'mgr01',
              CASE WHEN i % 5 IN (0, 2) THEN printf('HS%010d', i % ?) END, CASE WHEN i % 5 IN (0, 2) THEN lower(hex(randomblob(32))) END,
              '{}', 'bench', lower(hex(randomblob(32)))
       FROM n`,
    ).run(entries, first, step, Math.max(tokens, 1));
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
       INSERT INTO tokens (serial, state, batch_id, algorithm, hash, digits, period, counter, secret_enc, updated_at, issued_at)
       SELECT printf('HS%010d', i), CASE i % 4 WHEN 0 THEN 'RETURNED_TO_VENDOR' WHEN 1 THEN 'SUSPENDED' ELSE 'ACTIVE' END, ?, 'TOTP', 'SHA1', 6, 30, 0, x'00',
              '2019-10-01T00:00:00.000Z', strftime('%Y-%m-%dT%H:%M:%fZ', '2016-11-25T00:00:00Z', '+' || (i * 780) || ' seconds')
       FROM n`,
    ).run(tokens, batch);
  })();
}
