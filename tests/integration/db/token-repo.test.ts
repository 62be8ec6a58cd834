import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { openDatabase, type Db } from '../../../db/open';
import { countTokens, countTokensByState, insertToken, listTokens, moveToken } from '../../../db/token-repo';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function ledger(migrations = MIGRATIONS): { db: Db; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-tokens-'));
  dirs.push(dir);
  const file = join(dir, 'ledger.sqlite');
  return { db: openDatabase(file, migrations), file };
}

const PARAMS = { algorithm: 'TOTP', hash: 'SHA1', digits: 6, period: 30, counter: 0 } as const;

function stock(db: Db, serials: string[]): void {
  db.prepare("INSERT INTO operators (operator_id, name, role, password_hash, created_at) VALUES ('m', 'm', 'manager', 'x', 'now')").run();
  db.prepare("INSERT INTO seed_batches (batch_id, file_name, sha256, format, token_count, operator_id, imported_at) VALUES (1, 'f', 'h', 'CSV', 0, 'm', 'now')").run();
  for (const serial of serials) insertToken(db, { serial, batchId: 1, params: PARAMS, driftSteps: 0, secretEnc: Buffer.alloc(40), updatedAt: 'now' });
}

const groupBy = (db: Db) => Object.fromEntries((db.prepare('SELECT state, COUNT(*) AS n FROM tokens GROUP BY state').all() as { state: string; n: number }[]).map((r) => [r.state, r.n]));

describe('tokens per state', () => {
  it('are kept by the triggers through imports and moves, equal to counting the table', () => {
    const { db } = ledger();
    stock(db, ['AA0000000001', 'AA0000000002', 'AA0000000003', 'AB0000000004']);
    moveToken(db, 'AA0000000001', 'IN_STOCK', 'ISSUED', null, 'now');
    moveToken(db, 'AA0000000001', 'ISSUED', 'EXCHANGED', null, 'now');
    moveToken(db, 'AA0000000002', 'IN_STOCK', 'DAMAGED_IN_STOCK', null, 'now');
    expect(countTokensByState(db)).toEqual(groupBy(db));
    expect(countTokensByState(db)).toEqual({ IN_STOCK: 2, EXCHANGED: 1, DAMAGED_IN_STOCK: 1 });
    expect(countTokens(db, {})).toBe(4);
    expect(countTokens(db, { state: 'IN_STOCK' })).toBe(2);
    db.close();
  });

  it('are counted from the existing stock by migration 6 on an older ledger', () => {
    const { db, file } = ledger(MIGRATIONS.filter((m) => m.version < 6));
    stock(db, ['AA0000000001', 'AA0000000002']);
    db.prepare("UPDATE tokens SET state = 'ISSUED' WHERE serial = 'AA0000000002'").run();
    db.close();
    const upgraded = openDatabase(file);
    expect(countTokensByState(upgraded)).toEqual({ IN_STOCK: 1, ISSUED: 1 });
    upgraded.close();
  });
});

describe('the stock list filter', () => {
  it('finds a part of a serial literally: % and _ typed by the teller are not wildcards', () => {
    const { db } = ledger();
    stock(db, ['AA0000000001', 'AB0000000002', 'ZZ0000000003']);
    expect(listTokens(db, { serialLike: 'A', limit: 10 }).map((t) => t.serial)).toEqual(['AA0000000001', 'AB0000000002']);
    expect(listTokens(db, { serialLike: '%', limit: 10 })).toEqual([]);
    expect(countTokens(db, { serialLike: '_', state: 'IN_STOCK' })).toBe(0);
    expect(listTokens(db, { state: 'IN_STOCK', serialLike: '0003', limit: 10 }).map((t) => t.serial)).toEqual(['ZZ0000000003']);
    db.close();
  });
});
