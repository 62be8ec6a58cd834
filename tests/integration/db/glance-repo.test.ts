import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../db/open';
import { MIGRATIONS } from '../../../db/migrations';
import { readBranch } from '../../../db/branch-repo';
import { countTokensIssuedBefore, dayCounts, GLANCE_SQL, tokensIssuedBefore } from '../../../db/glance-repo';
import { moveToken } from '../../../db/token-repo';
import { LIVE_STATES } from '../../../domain/token-lifecycle';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function ledger(migrations = MIGRATIONS) {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-glance-'));
  dirs.push(dir);
  const file = join(dir, 'madoguchi.sqlite');
  return { file, db: openDatabase(file, migrations) };
}

let seq = 0;
function entry(db: Db, kind: string, occurredAt: string, serial: string | null = null) {
  seq++;
  db.prepare(`INSERT INTO journal (seq, kind, occurred_at, operator_id, serial, payload, prev_hash, hash) VALUES (?, ?, ?, 'mgr01', ?, '{}', 'x', ?)`).run(
    seq,
    kind,
    occurredAt,
    serial,
    `h${seq}`,
  );
}

function token(db: Db, serial: string, state: string, updatedAt: string) {
  db.prepare(
    `INSERT INTO tokens (serial, state, batch_id, algorithm, hash, digits, period, counter, secret_enc, updated_at)
     VALUES (?, ?, 1, 'TOTP', 'SHA1', 6, 30, 0, x'00', ?)`,
  ).run(serial, state, updatedAt);
}

/** What SQLite will do for a query: every step should SEARCH an index, none SCAN a table. */
function plan(db: Db, sql: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('; ');
}

describe('migration 11: what 概況 reads, kept as the ledger grows', () => {
  it('counts the earlier entries per Japan day and kind, dates live tokens by their issue (not their later ACTIVE), and starts the threshold at 20', () => {
    const { file, db: old } = ledger(MIGRATIONS.filter((m) => m.version < 11));
    old.prepare("INSERT INTO branch (id, bank_name, branch_code, branch_name, terminal_no, invoice_reg_no, created_at) VALUES (1, '北見信用金庫', '101', '本店営業部', '01', 'T7000012050002', '2020-01-01T00:00:00Z')").run();
    old.prepare("INSERT INTO operators (operator_id, name, role, password_hash, created_at) VALUES ('mgr01', '佐藤', 'manager', 'x', '2020-01-01T00:00:00Z')").run();
    old.prepare("INSERT INTO seed_batches (batch_id, file_name, sha256, format, token_count, operator_id, imported_at) VALUES (1, 'v.csv', 'x', 'OATH_CSV', 4, 'mgr01', '2020-01-01T00:00:00Z')").run();
    token(old, 'ACTIVE000001', 'ACTIVE', '2021-03-01T00:00:00.000Z');
    token(old, 'ISSUED000002', 'ISSUED', '2021-06-01T00:00:00.000Z');
    token(old, 'EXCHD0000003', 'EXCHANGED', '2021-06-01T00:00:00.000Z');
    token(old, 'INSTOCK00004', 'IN_STOCK', '2020-01-01T00:00:00.000Z');
    entry(old, 'TOKEN_ISSUED', '2021-01-04T15:00:00.000Z', 'ACTIVE000001'); // 2021-01-05 in Japan
    entry(old, 'TOKEN_ISSUED', '2021-01-05T02:00:00.000Z', 'EXCHD0000003');
    entry(old, 'TOKEN_EXCHANGED', '2021-06-01T00:00:00.000Z', 'ISSUED000002');
    entry(old, 'LOGIN', '2021-06-01T00:00:00.000Z');
    old.close();

    const db = openDatabase(file);
    expect(dayCounts(db, '2021-01-01', '2021-12-31')).toEqual([
      { day: '2021-01-05', kind: 'TOKEN_ISSUED', n: 2 },
      { day: '2021-06-01', kind: 'LOGIN', n: 1 },
      { day: '2021-06-01', kind: 'TOKEN_EXCHANGED', n: 1 },
    ]);
    const issued = Object.fromEntries((db.prepare('SELECT serial, issued_at AS at FROM tokens').all() as { serial: string; at: string | null }[]).map((r) => [r.serial, r.at]));
    expect(issued).toEqual({ ACTIVE000001: '2021-01-04T15:00:00.000Z', ISSUED000002: '2021-06-01T00:00:00.000Z', EXCHD0000003: null, INSTOCK00004: null });
    expect(readBranch(db)?.lowStockThreshold).toBe(20);

    entry(db, 'TOKEN_ISSUED', '2021-01-05T03:00:00.000Z', 'INSTOCK00004');
    moveToken(db, 'INSTOCK00004', 'IN_STOCK', 'ISSUED', null, '2021-01-05T03:00:00.000Z');
    moveToken(db, 'INSTOCK00004', 'ISSUED', 'ACTIVE', null, '2021-02-01T00:00:00.000Z');
    expect(dayCounts(db, '2021-01-05', '2021-01-05')).toEqual([{ day: '2021-01-05', kind: 'TOKEN_ISSUED', n: 3 }]);
    expect(tokensIssuedBefore(db, '2021-06-01T00:00:00.000Z', 10).map((t) => [t.serial, t.issuedAt])).toEqual([
      ['ACTIVE000001', '2021-01-04T15:00:00.000Z'],
      ['INSTOCK00004', '2021-01-05T03:00:00.000Z'],
    ]);
    expect(countTokensIssuedBefore(db, '2021-06-01T00:00:01.000Z', 10)).toBe(3);
    // Counted only as far as the screen says a number: beyond it, 「以上」.
    expect(countTokensIssuedBefore(db, '2021-06-01T00:00:01.000Z', 2)).toBe(2);
    db.close();
  });

  it('reads through the kept counts and the index of live tokens by issue date, never scanning the journal or the tokens', () => {
    const { db } = ledger();
    // The partial index's condition is the live states' word for word.
    expect(LIVE_STATES).toEqual(['ISSUED', 'ACTIVE']);
    const days = plan(db, GLANCE_SQL.dayCounts, '2026-10-27', '2026-11-25');
    expect(days).toMatch(/SEARCH journal_day_counts USING PRIMARY KEY \(day>\? AND day<\?\)/);
    const old = plan(db, GLANCE_SQL.tokensIssuedBefore, '2022-05-25', 100);
    expect(old).toMatch(/SEARCH tokens USING INDEX tokens_live_issued \(issued_at<\?\)/);
    const count = plan(db, GLANCE_SQL.countTokensIssuedBefore, '2022-05-25', 1001);
    expect(count).toMatch(/SEARCH tokens USING (COVERING )?INDEX tokens_live_issued \(issued_at<\?\)/);
    for (const p of [days, old, count]) expect(p).not.toMatch(/SCAN (tokens|journal)|TEMP B-TREE/);
    db.close();
  });
});
