import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../db/migrations';
import { openDatabase } from '../../../db/open';
import { SecretBox } from '../../../db/sealed-secret';
import { countTokensByState } from '../../../db/token-repo';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('migration 16 on a ledger made before it', () => {
  it('keeps every token, batch, count and reference, and lets a token be known without its seed, but never half of one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-mig16-'));
    dirs.push(dir);
    const file = join(dir, 'old.sqlite');
    const box = new SecretBox(randomBytes(32));
    const old = openDatabase(file, MIGRATIONS.filter((m) => m.version < 16), box);
    old.exec(`
      INSERT INTO operators (operator_id, name, role, password_hash, created_at) VALUES ('mgr01', '佐藤', 'manager', 'x', '2026-11-01T00:00:00Z');
      INSERT INTO seed_batches (batch_id, file_name, sha256, format, token_count, operator_id, imported_at) VALUES (1, 'v.csv', 'h', 'OATH_CSV', 3, 'mgr01', '2026-11-01T00:00:00Z');
      INSERT INTO contracts (contract_ref, details_enc, feature_phone, current_serial, updated_at) VALUES ('ref1', x'00', 0, 'MG0000000002', '2026-11-02T00:00:00Z');
      INSERT INTO tokens (serial, state, batch_id, algorithm, hash, digits, period, counter, secret_enc, contract_ref, updated_at)
      VALUES ('MG0000000001', 'IN_STOCK', 1, 'TOTP', 'SHA1', 6, 30, 0, x'01', NULL, '2026-11-01T00:00:00Z'),
             ('MG0000000002', 'ISSUED', 1, 'TOTP', 'SHA1', 6, 30, 0, x'02', 'ref1', '2026-11-02T00:00:00Z'),
             ('MG0000000003', 'RETURNED_TO_VENDOR', 1, 'TOTP', 'SHA1', 6, 30, 0, x'03', 'ref1', '2026-11-03T00:00:00Z');
      INSERT INTO return_batches (batch_id, operator_id, created_at, token_count, pdf, sha256) VALUES (1, 'mgr01', '2026-11-03T00:00:00Z', 1, x'25', 'h');
      INSERT INTO return_batch_items (batch_id, serial) VALUES (1, 'MG0000000003');
    `);
    const before = old.prepare('SELECT * FROM tokens ORDER BY serial').all();
    old.close();

    const db = openDatabase(file, MIGRATIONS, box);
    expect(db.prepare('SELECT * FROM tokens ORDER BY serial').all()).toEqual(before.map((t) => ({ ...(t as object), ours: 1 })));
    expect(countTokensByState(db)).toEqual({ IN_STOCK: 1, ISSUED: 1, RETURNED_TO_VENDOR: 1 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'tokens' AND type = 'index' AND sql IS NOT NULL ORDER BY name").all()).toContainEqual({ name: 'tokens_state_serial' });

    db.prepare("INSERT INTO tokens (serial, state, contract_ref, updated_at, ours) VALUES ('XB0000000001', 'ACTIVE', 'ref1', '2026-11-04T00:00:00Z', 0)").run();
    expect(countTokensByState(db)).toEqual({ IN_STOCK: 1, ISSUED: 1, RETURNED_TO_VENDOR: 1 });
    db.prepare("UPDATE tokens SET state = 'EXCHANGED', ours = 1 WHERE serial = 'XB0000000001'").run();
    expect(countTokensByState(db)).toMatchObject({ EXCHANGED: 1 });
    expect(() => db.prepare("INSERT INTO tokens (serial, state, batch_id, updated_at) VALUES ('XB0000000002', 'IN_STOCK', 1, '2026-11-04T00:00:00Z')").run()).toThrow(/CHECK constraint/);
    expect(() => db.prepare("INSERT INTO seed_batches (file_name, sha256, format, token_count, operator_id, imported_at) VALUES ('本部割当', 'h', 'HEAD_OFFICE', 0, NULL, 'now')").run()).not.toThrow();
    db.close();
  });
});
