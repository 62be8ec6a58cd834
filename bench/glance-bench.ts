import { performance } from 'node:perf_hooks';
import { branchWithStock, issueRequest, type Fixture } from '../tests/support/app-fixture';
import { codeAt } from '../tests/support/seeds';

/** Ten years of a busy branch written straight into the tables: `entries` journal rows, `tokens` tokens, most long issued. */
function addYears(fx: Fixture, entries: number, tokens: number): void {
  const db = fx.app.db;
  const first = (db.prepare('SELECT MAX(seq) AS s FROM journal').get() as { s: number }).s + 1;
  const batch = (db.prepare('SELECT batch_id AS b FROM seed_batches LIMIT 1').get() as { b: number }).b;
  const step = Math.floor((10 * 365 * 86_400) / entries);
  db.transaction(() => {
    // One insert each, so that the journal's day-count trigger runs for every row as it would have.
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
       INSERT INTO journal (seq, kind, occurred_at, operator_id, payload, prev_hash, hash)
       SELECT ? + i, CASE i % 5 WHEN 0 THEN 'TOKEN_ISSUED' WHEN 1 THEN 'LOGIN' WHEN 2 THEN 'TOKEN_EXCHANGED' WHEN 3 THEN 'LOGOUT' ELSE 'RECEIPT_REPRINTED' END,
              strftime('%Y-%m-%dT%H:%M:%fZ', '2016-11-25T00:00:00Z', '+' || (i * ?) || ' seconds'), 'mgr01', '{}', 'bench', 'bench' || i
       FROM n`,
    ).run(entries, first, step);
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
       INSERT INTO tokens (serial, state, batch_id, algorithm, hash, digits, period, counter, secret_enc, updated_at, issued_at)
       SELECT printf('HS%010d', i), CASE i % 4 WHEN 0 THEN 'RETURNED_TO_VENDOR' WHEN 1 THEN 'SUSPENDED' ELSE 'ACTIVE' END, ?, 'TOTP', 'SHA1', 6, 30, 0, x'00',
              '2019-10-01T00:00:00.000Z', strftime('%Y-%m-%dT%H:%M:%fZ', '2016-11-25T00:00:00Z', '+' || (i * 780) || ' seconds')
       FROM n`,
    ).run(tokens, batch);
  })();
}

async function timeGlance(fx: Fixture, runs: number): Promise<number> {
  await fx.call('glance', {});
  const started = performance.now();
  for (let i = 0; i < runs; i++) await fx.call('glance', {});
  return (performance.now() - started) / runs;
}

/**
 * 概況 on a branch with a few dozen customers whose tokens are old (their contracts opened for the
 * list), then the same after ten years of entries and tokens were added behind them.
 */
export async function benchGlance(entries: number, tokens: number, runs = 20) {
  const fx = await branchWithStock({ tokens: 40 });
  try {
    for (const [i, t] of fx.tokens.entries()) {
      await fx.call('issue', issueRequest(t.serial, codeAt(t, fx.clock.now), { contractId: `C${String(i).padStart(7, '0')}` }));
    }
    fx.app.db.prepare("UPDATE tokens SET issued_at = '2016-01-01T00:00:00.000Z' WHERE state = 'ISSUED'").run();
    const fresh = await timeGlance(fx, runs);
    addYears(fx, entries, tokens);
    const aged = await timeGlance(fx, runs);
    return { entries, tokens, fresh, aged };
  } finally {
    fx.cleanup();
  }
}
