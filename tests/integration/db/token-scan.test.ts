import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../db/open';
import { insertToken, moveToken, saveOtpMemory } from '../../../db/token-repo';
import { scanTokens } from '../../../db/token-scan';
import type { OtpParams } from '../../../domain/types';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function ledger(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-scan-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'ledger.sqlite'));
  db.prepare("INSERT INTO operators (operator_id, name, role, password_hash, created_at) VALUES ('m', 'm', 'manager', 'x', 'now')").run();
  db.prepare("INSERT INTO seed_batches (batch_id, file_name, sha256, format, token_count, operator_id, imported_at) VALUES (1, 'f', 'h', 'CSV', 0, 'm', 'now')").run();
  return db;
}

const totp = (digits: 6 | 8): OtpParams => ({ algorithm: 'TOTP', hash: 'SHA256', digits, period: 60, counter: 0 });
const hotp: OtpParams = { algorithm: 'HOTP', hash: 'SHA1', digits: 6, period: 30, counter: 42 };

describe('scanTokens (what find-by-OTP reads)', () => {
  it('gives every seeded token of the state and code length once, in serial order across chunks, with its parameters, seed and memory', () => {
    const db = ledger();
    const add = (serial: string, params: OtpParams) => insertToken(db, { serial, batchId: 1, params, driftSteps: 3, secretEnc: Buffer.from(serial), updatedAt: 'now' });
    add('AA0000000005', totp(6));
    add('AA0000000001', hotp);
    add('AA0000000002', totp(8));
    add('AA0000000003', totp(6));
    add('AA0000000004', totp(8));
    add('AA0000000006', totp(6));
    add('AA0000000007', totp(6));
    moveToken(db, 'AA0000000006', 'IN_STOCK', 'DAMAGED_IN_STOCK', null, 'now');
    saveOtpMemory(db, 'AA0000000001', { lastStep: 50, failCount: 2, driftSteps: 0 });

    const chunks = [...scanTokens(db, 'IN_STOCK', 6, 2)];
    expect(chunks.map((c) => c.map((t) => t.serial))).toEqual([['AA0000000001', 'AA0000000003'], ['AA0000000005', 'AA0000000007']]);
    expect(chunks[0]![0]).toEqual({ serial: 'AA0000000001', params: hotp, secretEnc: Buffer.from('AA0000000001'), memory: { lastStep: 50, failCount: 2, driftSteps: 0 } });
    expect(chunks[0]![1]).toEqual({ serial: 'AA0000000003', params: totp(6), secretEnc: Buffer.from('AA0000000003'), memory: { lastStep: -1, failCount: 0, driftSteps: 3 } });
    expect([...scanTokens(db, 'IN_STOCK', 8, 1)].flat().map((t) => t.serial)).toEqual(['AA0000000002', 'AA0000000004']);
    expect([...scanTokens(db, 'DAMAGED_IN_STOCK', 6)].flat().map((t) => t.serial)).toEqual(['AA0000000006']);
    db.close();
  });
});
