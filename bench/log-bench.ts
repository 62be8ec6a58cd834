import { performance } from 'node:perf_hooks';
import { stringify } from 'csv-stringify/sync';
import { GENESIS_HASH } from '../domain/journal-chain';
import type { Fixture } from '../tests/support/app-fixture';
import { branchWithStock } from '../tests/support/app-fixture';

/** A day's mix at a busy branch: mostly logins and outs, some counter work, refusals, reprints, closes. */
const MIX: [kind: string, share: number][] = [
  ['LOGIN', 30],
  ['LOGOUT', 28],
  ['TOKEN_ISSUED', 12],
  ['TOKEN_EXCHANGED', 4],
  ['TOKEN_REISSUED_LOST', 2],
  ['TOKEN_SUSPENDED', 1],
  ['OTP_REFUSED', 6],
  ['LOGIN_FAILED', 4],
  ['RECEIPT_REPRINTED', 3],
  ['SEED_IMPORTED', 1],
  ['TOKEN_RESYNCED', 1],
  ['RECORD_VIEWED', 7],
  ['DAY_CLOSED', 1],
];

/**
 * Years of a branch's journal written straight into the table (the hashes are not chained: the log
 * does not read them), after the fixture's own few entries.
 */
function addYears(fx: Fixture, entries: number): void {
  const db = fx.app.db;
  const wheel = MIX.flatMap(([kind, share]) => Array.from({ length: share }, () => kind));
  const counter = new Set(['TOKEN_ISSUED', 'TOKEN_EXCHANGED', 'TOKEN_REISSUED_LOST', 'TOKEN_SUSPENDED']);
  const first = (db.prepare('SELECT MAX(seq) AS s FROM journal').get() as { s: number }).s + 1;
  const start = Date.parse('2016-04-01T00:00:00Z');
  const step = (Date.parse('2026-11-01T00:00:00Z') - start) / entries;
  const insert = db.prepare(
    `INSERT INTO journal (seq, format, kind, occurred_at, operator_id, receipt_no, receipt_sha256, serial, contract_id, amount, payload, prev_hash, hash)
     VALUES (?, 3, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)`,
  );
  db.exec('DROP TRIGGER IF EXISTS journal_count_day');
  db.transaction(() => {
    for (let i = 0; i < entries; i++) {
      const kind = wheel[(i * 7919) % wheel.length]!;
      const isCounter = counter.has(kind);
      const serial = isCounter || kind === 'OTP_REFUSED' ? `HS${String(i % 400_000).padStart(10, '0')}` : null;
      insert.run(
        first + i,
        kind,
        new Date(start + i * step).toISOString(),
        `op${String(i % 20).padStart(2, '0')}`,
        isCounter ? `101-01-${String(i).padStart(7, '0')}` : null,
        serial,
        isCounter ? `ref${String(i % 150_000).padStart(8, '0')}` : null,
        isCounter ? 2200 : null,
        isCounter ? '{"payment":"CASH"}' : '{}',
        GENESIS_HASH,
        `h${first + i}`,
      );
    }
  })();
}

function time(runs: number, f: () => unknown): number {
  f();
  const started = performance.now();
  for (let i = 0; i < runs; i++) f();
  return (performance.now() - started) / runs;
}

/**
 * A filtered page of the issuance log on a ledger of `entries` entries (ten years of a busy
 * branch), first and deep, beside reading the same rows by primary key; and the CSV export's rate.
 */
export async function benchLog(entries: number, runs = 20) {
  const fx = await branchWithStock({ tokens: 1 });
  try {
    addYears(fx, entries);
    const byKey = fx.app.db.prepare('SELECT * FROM journal WHERE seq = ?');
    const pageOf = async (req: Parameters<Fixture['call']>[1] & object) => {
      const r = await fx.call('logSearch', req as never);
      return (r as { entries: { seq: number }[]; next: number | null });
    };
    const figures: { name: string; ms: number; floorMs: number }[] = [];
    const deepBefore = Math.floor(entries / 50);
    for (const [name, req] of [
      ['issuances, first page', { kind: 'TOKEN_ISSUED' }],
      ['issuances, deep page', { kind: 'TOKEN_ISSUED', before: deepBefore }],
      ['counter group, first page', { group: 'counter' }],
      ['counter group, deep page', { group: 'counter', before: deepBefore }],
      ['one operator, deep page', { operatorId: 'op07', before: deepBefore }],
      ['refusals in one month', { group: 'refusal', from: '2021-06-01', to: '2021-06-30' }],
    ] as const) {
      const seqs = (await pageOf(req)).entries.map((e) => e.seq);
      if (seqs.length === 0) throw new Error(`${name}: no rows`);
      // Interleaved, so that neither side gets the quieter moments of a busy machine.
      let ms = 0;
      let floorMs = 0;
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await pageOf(req);
        ms += performance.now() - started;
        floorMs += time(1, () => seqs.map((s) => byKey.get(s)));
      }
      figures.push({ name, ms: ms / runs, floorMs: floorMs / runs });
    }

    const query = { group: 'refusal' as const };
    const started = performance.now();
    const { jobId } = await fx.call('logExportStart', { ...query, format: 'csv' });
    let status;
    for (;;) {
      status = await fx.call('jobStatus', { jobId });
      if (status.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const exportMs = performance.now() - started;
    const rows = status.done;
    const rawStarted = performance.now();
    stringify(fx.app.db.prepare("SELECT * FROM journal WHERE kind IN ('OTP_REFUSED', 'COUNTER_REFUSED', 'LOGIN_FAILED', 'SEED_IMPORT_REFUSED') ORDER BY seq DESC").raw().all() as unknown[][]);
    const rawMs = performance.now() - rawStarted;
    return { entries: (fx.app.db.prepare('SELECT COUNT(*) AS n FROM journal').get() as { n: number }).n, figures, csv: { rows, perSecond: rows / (exportMs / 1000), rawPerSecond: rows / (rawMs / 1000) } };
  } finally {
    fx.cleanup();
  }
}
