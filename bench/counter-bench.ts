import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { openDatabase } from '../db/open';
import { branchWithStock, issueRequest } from '../tests/support/app-fixture';
import { codeAt } from '../tests/support/seeds';

/**
 * Issuances per second through the whole use case (validation, OTP check, PDF, one SQLite
 * transaction), against the baseline of raw inserts of the same rows into a file with the
 * same schema and pragmas, one transaction per issuance.
 */
export async function benchIssuance(n: number): Promise<{ perSecond: number; baselinePerSecond: number }> {
  const fx = await branchWithStock({ tokens: n });
  try {
    const started = performance.now();
    for (const [i, t] of fx.tokens.entries()) {
      await fx.call('issue', issueRequest(t.serial, codeAt(t, fx.clock.now), { contractId: `C${String(i).padStart(7, '0')}` }));
    }
    const perSecond = n / ((performance.now() - started) / 1000);

    const rows = fx.app.db.prepare('SELECT * FROM journal ORDER BY seq').all() as Record<string, unknown>[];
    const receipts = fx.app.db.prepare('SELECT * FROM receipts ORDER BY receipt_seq').all() as Record<string, unknown>[];
    const outbox = fx.app.db.prepare('SELECT * FROM outbox ORDER BY seq').all() as Record<string, unknown>[];
    const contracts = fx.app.db.prepare('SELECT * FROM contracts').all() as Record<string, unknown>[];
    const tokens = fx.app.db.prepare('SELECT * FROM tokens').all() as Record<string, unknown>[];
    const setupRows = fx.app.db.prepare('SELECT * FROM seed_batches').all() as Record<string, unknown>[];
    const operators = fx.app.db.prepare('SELECT * FROM operators').all() as Record<string, unknown>[];

    const raw = openDatabase(join(fx.dir, 'baseline.sqlite'));
    const insertAll = (table: string, list: Record<string, unknown>[]) => {
      if (list.length === 0) return;
      const cols = Object.keys(list[0]!);
      const stmt = raw.prepare(`INSERT INTO ${table} (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`);
      for (const r of list) stmt.run(r);
    };
    raw.transaction(() => {
      insertAll('operators', operators);
      insertAll('seed_batches', setupRows);
      insertAll('tokens', tokens.map((t) => ({ ...t, state: 'IN_STOCK', contract_id: null })));
      insertAll('journal', rows.filter((r) => r.kind !== 'TOKEN_ISSUED'));
    })();
    const issued = rows.filter((r) => r.kind === 'TOKEN_ISSUED');
    const update = raw.prepare("UPDATE tokens SET state = 'ISSUED', contract_id = ? WHERE serial = ?");
    const insert = (table: string, r: Record<string, unknown>) => {
      const cols = Object.keys(r);
      raw.prepare(`INSERT INTO ${table} (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`).run(r);
    };
    const baseStart = performance.now();
    issued.forEach((entry, i) => {
      raw.transaction(() => {
        insert('journal', entry);
        insert('contracts', contracts.find((c) => c.contract_id === entry.contract_id)!);
        update.run(entry.contract_id, entry.serial);
        insert('receipts', receipts[i]!);
        insert('outbox', outbox[i]!);
      }).immediate();
    });
    const baselinePerSecond = n / ((performance.now() - baseStart) / 1000);
    raw.close();
    return { perSecond, baselinePerSecond };
  } finally {
    fx.cleanup();
  }
}
