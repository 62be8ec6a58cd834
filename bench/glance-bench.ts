import { performance } from 'node:perf_hooks';
import { branchWithStock, issueRequest, type Fixture } from '../tests/support/app-fixture';
import { codeAt } from '../tests/support/seeds';
import { addYears } from './aged-ledger';

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
    addYears(fx.app.db, entries, tokens);
    const aged = await timeGlance(fx, runs);
    return { entries, tokens, fresh, aged };
  } finally {
    fx.cleanup();
  }
}
