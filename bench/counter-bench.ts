import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../db/open';
import { branchWithStock, issueRequest, MANAGER_LOGIN, type Fixture } from '../tests/support/app-fixture';
import { codeAt } from '../tests/support/seeds';
import { addYears } from './aged-ledger';

async function issueAll(fx: Fixture, prefix: string): Promise<number> {
  // The customer's token makes the codes: not part of what is timed.
  const requests = fx.tokens.map((t, i) => issueRequest(t.serial, codeAt(t, fx.clock.now), { contractId: `${prefix}${String(i).padStart(7, '0')}` }));
  const started = performance.now();
  for (const req of requests) await fx.call('issue', req);
  return performance.now() - started;
}

/**
 * One act before the timed ones, on a token of its own: the first act of a session prepares its
 * statements and warms the JIT (7-15 ms measured), which at n = 40 added 0.2-0.4 ms to the mean.
 */
async function warmUp(fx: Fixture): Promise<void> {
  const [first, ...rest] = fx.tokens;
  await fx.call('issue', issueRequest(first!.serial, codeAt(first!, fx.clock.now), { contractId: 'W0000000' }));
  fx.tokens = rest;
}

/** The same rows, written as plain inserts into a fresh file with the same schema: one transaction per issuance; ms per issuance. */
function rawInserts(fx: Fixture): number {
  const all = (table: string, order: string) => fx.app.db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all() as Record<string, unknown>[];
  const [journal, receipts, outbox, contracts, tokens] = [all('journal', 'seq'), all('receipts', 'receipt_seq'), all('outbox', 'seq'), all('contracts', 'contract_ref'), all('tokens', 'serial')];
  const raw = openDatabase(join(fx.dir, 'baseline.sqlite'));
  const insert = (table: string, r: Record<string, unknown>) => {
    const cols = Object.keys(r);
    raw.prepare(`INSERT INTO ${table} (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`).run(r);
  };
  raw.transaction(() => {
    for (const table of ['operators', 'seed_batches']) for (const r of all(table, 'rowid')) insert(table, r);
    for (const t of tokens) insert('tokens', { ...t, state: 'IN_STOCK', contract_ref: null });
    for (const e of journal) if (e.kind !== 'TOKEN_ISSUED') insert('journal', e);
  })();
  const issued = journal.filter((r) => r.kind === 'TOKEN_ISSUED');
  const update = raw.prepare("UPDATE tokens SET state = 'ISSUED', contract_ref = ? WHERE serial = ?");
  const started = performance.now();
  issued.forEach((entry, i) => {
    raw.transaction(() => {
      insert('journal', entry);
      insert('contracts', contracts.find((c) => c.contract_ref === entry.contract_id)!);
      update.run(entry.contract_id, entry.serial);
      insert('receipts', receipts[i]!);
      insert('outbox', outbox[i]!);
    }).immediate();
  });
  const ms = performance.now() - started;
  raw.close();
  return ms / issued.length;
}

/** One row, one durable commit (WAL, synchronous=FULL): the least any counter transaction costs; `commit(k)` times k of them. */
function durableCommits(file: string) {
  const db = openDatabase(file, []);
  db.exec('CREATE TABLE t (i INTEGER PRIMARY KEY, v TEXT)');
  const insert = db.prepare('INSERT INTO t (i, v) VALUES (?, ?)');
  let i = 0;
  return {
    commit(k: number): number {
      const started = performance.now();
      for (const end = i + k; i < end; i++) db.transaction(() => insert.run(i, 'x')).immediate();
      return performance.now() - started;
    },
    close: () => db.close(),
  };
}

/** Acts and their floor in alternating blocks of this many: this machine's fsync time drifts within seconds. */
const BLOCK = 10;

/** Issues `fx.tokens` BLOCK at a time, calling `between` after each block; the acts' ms in all. */
async function issueInBlocks(fx: Fixture, prefix: string, between: (count: number) => Promise<void> | void): Promise<number> {
  const tokens = fx.tokens;
  let ms = 0;
  for (let from = 0; from < tokens.length; from += BLOCK) {
    fx.tokens = tokens.slice(from, from + BLOCK);
    ms += await issueAll(fx, `${prefix}${from}X`);
    await between(fx.tokens.length);
  }
  fx.tokens = tokens;
  return ms;
}

const fixedPdf = () => Buffer.from('%PDF-1.3 fixed');

/**
 * The counter transaction (issuance through the whole use case: validation, the code checked against
 * the sealed seed, the fee, one SQLite transaction), in two figures: with its receipt, per second,
 * beside raw inserts of the same rows; and without rendering the receipt (a fixed PDF instead), per
 * transaction, beside a one-row durable commit on a file with the same pragmas and beside its own
 * rows written as plain inserts. Each fixture's first act is a warm-up, not timed.
 */
export async function benchCounter(n: number, acts: number) {
  const withPdf = await branchWithStock({ tokens: n + 1 });
  const noPdf = await branchWithStock({ tokens: acts + 1, renderDocument: fixedPdf });
  try {
    await warmUp(withPdf);
    await warmUp(noPdf);
    const fullMs = await issueAll(withPdf, 'C');
    const rawMs = rawInserts(withPdf);
    // Interleaved in short blocks, so that neither side gets the quieter moments of the machine.
    let commitMs = 0;
    const floor = durableCommits(join(noPdf.dir, 'commit.sqlite'));
    const actMs = await issueInBlocks(noPdf, 'N', (count) => {
      commitMs += floor.commit(count);
    });
    floor.close();
    // The rows an act writes, with their indexes and triggers, cost most of it: the same rows as plain inserts.
    const rowsMs = rawInserts(noPdf);
    return { n, acts, perSecond: n / (fullMs / 1000), rawPerSecond: 1000 / rawMs, actMs: actMs / acts, commitMs: commitMs / acts, rowsMs };
  } finally {
    withPdf.cleanup();
    noPdf.cleanup();
  }
}

/**
 * The same act (without the PDF) on a ledger of ten years, `entries` journal rows and `tokens` more
 * tokens, opened afresh as on a morning, beside the act on a new ledger: alternating in blocks.
 */
export async function benchCounterAged(acts: number, entries: number, tokens: number) {
  const fresh = await branchWithStock({ tokens: acts + 1, renderDocument: fixedPdf });
  const aged = await branchWithStock({ tokens: acts + 1, renderDocument: fixedPdf });
  try {
    addYears(aged.app.db, entries, tokens);
    aged.reopen();
    await aged.call('authLogin', MANAGER_LOGIN);
    await warmUp(fresh);
    await warmUp(aged);
    const agedBlocks = aged.tokens;
    let agedMs = 0;
    let from = 0;
    const freshMs = await issueInBlocks(fresh, 'F', async (count) => {
      aged.tokens = agedBlocks.slice(from, from + count);
      agedMs += await issueAll(aged, `A${from}X`);
      from += count;
    });
    return { acts, entries, tokens, freshMs: freshMs / acts, agedMs: agedMs / acts };
  } finally {
    fresh.cleanup();
    aged.cleanup();
  }
}
