/**
 * The sync's figures on a private PostgreSQL cluster, each beside its floor from the same run:
 * - drain: 10,000 queued entries pushed on loopback (signed, verified link by link, registry
 *   applied), against the raw insert rate of the same rows into a table of the same shape and
 *   indexes on the same server, in the same batches (one unnest INSERT each, no HTTP, no checks);
 * - fan-in: 100 terminals pushing at once into two core instances, entries/s and p95 batch latency,
 *   then every terminal's journal compared with what the core holds.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { adminOf, CoreBackend, enrolTerminal, heldJournal } from '../tests/support/core-harness';
import { startCoreProcess } from '../tests/support/core-process';

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export async function benchSync(opts: { drainEntries?: number; terminals?: number; perTerminal?: number; batchSize?: number } = {}) {
  const drainEntries = opts.drainEntries ?? 10_000;
  const terminals = opts.terminals ?? 100;
  const perTerminal = opts.perTerminal ?? 200;
  const batchSize = opts.batchSize ?? 1000;
  const backend = new CoreBackend('postgres');
  await backend.setUp();
  const database = await backend.database();
  // The core in processes of its own, as it runs beside the terminals: two instances on one server.
  const keys = { masterKey: randomBytes(32), adminToken: randomBytes(16).toString('hex') };
  const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-bench-'));
  const pool = new pg.Pool({ connectionString: database.url });
  const cores = [await startCoreProcess({ dataDir, databaseUrl: database.url, ...keys })];
  cores.push(await startCoreProcess({ dataDir, databaseUrl: database.url, ...keys }));
  const urls = cores.map((c) => c.url);
  const admin = adminOf(() => urls[0]!, keys.adminToken);
  try {
    const latencies: number[] = [];
    const timed: typeof fetch = async (input, init) => {
      const t0 = performance.now();
      const res = await fetch(input, init);
      await res.clone().arrayBuffer();
      if (String(input).endsWith('/v1/push')) latencies.push(performance.now() - t0);
      return res;
    };

    const drainer = await enrolTerminal(admin, urls[0]!, '500', '1', { fetch: timed, agent: { batchSize } });
    drainer.store.day(drainEntries, 'BENCH');
    const t0 = performance.now();
    await drainer.agent.push();
    const drainPerSecond = drainEntries / ((performance.now() - t0) / 1000);

    // The same table shape, keys and indexes, without the service: no HTTP, no checks, no registry.
    await pool.query('CREATE TABLE raw_journal (LIKE journal INCLUDING ALL)');
    const rows = drainer.store.journal;
    const r0 = performance.now();
    for (let i = 0; i < rows.length; i += batchSize) {
      const b = rows.slice(i, i + batchSize);
      const col = <K extends keyof (typeof b)[number]>(k: K) => b.map((e) => e[k]);
      await pool.query(
        `INSERT INTO raw_journal SELECT 'raw', u.*, now() FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::text[], $12::text[], $13::text[], $14::jsonb[]) AS u`,
        [col('seq'), col('format'), col('kind'), col('occurred_at'), col('operator_id'), col('receipt_no'), col('receipt_sha256'), col('serial'), col('contract_id'), col('amount'), col('payload'), col('prev_hash'), col('hash'), b.map((e) => (e.message ? JSON.stringify(e.message) : null))],
      );
    }
    const rawPerSecond = drainEntries / ((performance.now() - r0) / 1000);

    latencies.length = 0;
    const fleet = [];
    for (let i = 0; i < terminals; i++) {
      const t = await enrolTerminal(admin, urls[i % 2]!, '6' + String(Math.floor(i / 10)).padStart(2, '0'), String(i % 10), { fetch: timed, agent: { batchSize: 50 } });
      t.store.day(perTerminal, `F${createHash('sha1').update(String(i)).digest('hex').slice(0, 5)}`);
      fleet.push(t);
    }
    const f0 = performance.now();
    await Promise.all(fleet.map((t) => t.agent.push()));
    const fanInPerSecond = (terminals * perTerminal) / ((performance.now() - f0) / 1000);
    let mismatched = 0;
    for (const t of fleet) {
      const held = await heldJournal(admin, t.store.terminalId);
      if (!isDeepStrictEqual(held, t.store.journal)) mismatched++;
    }
    return { drainEntries, drainPerSecond, rawPerSecond, terminals, perTerminal, fanInPerSecond, p95Ms: percentile(latencies, 95), batches: latencies.length, mismatched };
  } finally {
    for (const c of cores) await c.kill();
    await pool.end();
    await database.close();
    backend.tearDown();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The lines `npm run bench` prints, beside the others. */
export function syncBenchLines(r: Awaited<ReturnType<typeof benchSync>>): string[] {
  return [
    `sync drain:       ${r.drainPerSecond.toFixed(0)} entries/s for ${r.drainEntries.toLocaleString('en')} queued   floor (raw inserts of the same rows, same batches): ${r.rawPerSecond.toFixed(0)} /s   ratio ${(r.drainPerSecond / r.rawPerSecond).toFixed(2)}x`,
    `sync fan-in:      ${r.fanInPerSecond.toFixed(0)} entries/s from ${r.terminals} terminals into 2 instances   p95 batch ${r.p95Ms.toFixed(0)} ms (${r.batches} batches)   ${r.mismatched === 0 ? 'nothing lost or doubled' : `${r.mismatched} TERMINALS DIFFER`}`,
  ];
}
