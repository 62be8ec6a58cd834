import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { MIGRATIONS } from '../../../db/migrations';
import { readBranch } from '../../../db/branch-repo';
import { BRANCH } from '../../support/app-fixture';

describe('migration 3 on a ledger made before it', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('keeps the branch, with the first-character rule the earlier receipts were printed with, no branch copy and 西暦 only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-mig-'));
    dirs.push(dir);
    const file = join(dir, 'old.sqlite');
    const old = openDatabase(file, MIGRATIONS.filter((m) => m.version < 3));
    old
      .prepare(
        `INSERT INTO branch (id, bank_name, branch_code, branch_name, terminal_no, invoice_reg_no, created_at)
         VALUES (1, '北見信用金庫', '101', '本店営業部', '01', 'T7000012050002', '2026-11-01T00:00:00Z')`,
      )
      .run();
    expect(old.pragma('user_version', { simple: true })).toBe(2);
    old.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)?.version);
    expect(readBranch(db)).toEqual({ ...BRANCH, nameOnDocuments: 'INITIAL', printBranchCopy: false, japaneseEra: false });
    expect(() => db.prepare("UPDATE branch SET name_on_documents = 'NONE'").run()).toThrow(/CHECK constraint/);
    db.close();
  });
});

describe('migration 8 on a ledger made before it', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('gives the branch this bank’s serial rule, 英数字12桁, and refuses a rule madoguchi does not know', () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-mig-'));
    dirs.push(dir);
    const file = join(dir, 'old.sqlite');
    const old = openDatabase(file, MIGRATIONS.filter((m) => m.version < 8));
    old
      .prepare(
        `INSERT INTO branch (id, bank_name, branch_code, branch_name, terminal_no, invoice_reg_no, created_at)
         VALUES (1, '北見信用金庫', '101', '本店営業部', '01', 'T7000012050002', '2026-11-01T00:00:00Z')`,
      )
      .run();
    old.close();

    const db = openDatabase(file);
    expect(readBranch(db)?.serialFormat).toBe('ALNUM_12');
    expect(() => db.prepare("UPDATE branch SET serial_format = 'ANY'").run()).toThrow(/CHECK constraint/);
    db.prepare("UPDATE branch SET serial_format = 'DIGITS_13'").run();
    expect(readBranch(db)?.serialFormat).toBe('DIGITS_13');
    db.close();
  });
});

describe('migrations 4 and 5 on a ledger made before them', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('names the fee kinds by their act and gives every earlier entry hash format 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-mig-'));
    dirs.push(dir);
    const file = join(dir, 'old.sqlite');
    const old = openDatabase(file, MIGRATIONS.filter((m) => m.version < 4));
    const fee = old.prepare("INSERT INTO fee_rules (kind, effective_from, total_incl_tax, tax_rate_percent, description) VALUES (?, '2019-10-01', ?, 10, ?)");
    fee.run('HW_TOKEN_REPLACEMENT', 0, '交換');
    fee.run('HW_TOKEN_REISSUE_LOST', 2200, '再発行');
    old.prepare(
      "INSERT INTO journal (seq, kind, occurred_at, operator_id, payload, prev_hash, hash) VALUES (1, 'LOGIN', '2026-11-01T00:00:00Z', 'mgr01', '{}', ?, 'h1')",
    ).run('0'.repeat(64));
    old.close();

    const db = openDatabase(file);
    expect(db.prepare('SELECT kind FROM fee_rules ORDER BY kind').all()).toEqual([{ kind: 'HW_TOKEN_EXCHANGE' }, { kind: 'HW_TOKEN_REISSUE' }]);
    expect(db.prepare('SELECT format, receipt_sha256 FROM journal').get()).toEqual({ format: 1, receipt_sha256: null });
    db.close();
  });
});
