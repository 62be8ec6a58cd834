import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendJournal, entryHash, GENESIS_HASH, verifyChain } from '../../../db/journal';
import { MIGRATIONS } from '../../../db/migrations';
import { openDatabase } from '../../../db/open';
import { SecretBox } from '../../../db/sealed-secret';
import { branchWithStock, issueRequest, type Fixture } from '../../support/app-fixture';
import { codeAt } from '../../support/seeds';

let fx: Fixture;
afterEach(() => fx?.cleanup());

describe('the journal is append-only and tamper-evident', () => {
  it('refuses UPDATE and DELETE on journal entries and receipts', async () => {
    fx = await branchWithStock();
    expect(() => fx.app.db.exec("UPDATE journal SET operator_id = 'someone' WHERE seq = 1")).toThrow(/append-only/);
    expect(() => fx.app.db.exec('DELETE FROM journal WHERE seq = 1')).toThrow(/append-only/);
    const t = fx.tokens[0]!;
    await fx.call('issue', issueRequest(t.serial, codeAt(t, fx.clock.now)));
    expect(() => fx.app.db.exec("UPDATE receipts SET sha256 = 'x'")).toThrow(/never changed/);
    expect(() => fx.app.db.exec('DELETE FROM receipts')).toThrow(/never deleted/);
  });

  it('finds the first entry changed behind its back', async () => {
    fx = await branchWithStock();
    const t = fx.tokens[0]!;
    await fx.call('issue', issueRequest(t.serial, codeAt(t, fx.clock.now)));
    const total = verifyChain(fx.app.db);
    expect(total).toMatchObject({ ok: true });
    const issued = fx.app.db.prepare("SELECT seq FROM journal WHERE kind = 'TOKEN_ISSUED'").get() as { seq: number };

    // Someone with the sqlite3 shell drops the guard and edits the amount.
    fx.app.db.exec('DROP TRIGGER journal_no_update');
    fx.app.db.prepare('UPDATE journal SET amount = 0 WHERE seq = ?').run(issued.seq);

    expect(verifyChain(fx.app.db)).toMatchObject({ ok: false, brokenAt: issued.seq, reason: expect.stringContaining('hash') });
  });

  it('finds a deleted entry as a gap in the chain', async () => {
    fx = await branchWithStock();
    fx.app.db.exec('DROP TRIGGER journal_no_delete');
    fx.app.db.exec('DELETE FROM journal WHERE seq = 2');
    expect(verifyChain(fx.app.db)).toMatchObject({ ok: false, brokenAt: 2 });
  });
});

describe('the chain covers the printed document', () => {
  it('names the receipt whose stored PDF was swapped, even by someone who dropped the triggers', async () => {
    fx = await branchWithStock();
    const t = fx.tokens[0]!;
    const { receiptNo } = await fx.call('issue', issueRequest(t.serial, codeAt(t, fx.clock.now)));
    const entry = fx.app.db.prepare('SELECT seq FROM journal WHERE receipt_no = ?').get(receiptNo) as { seq: number };
    expect(verifyChain(fx.app.db)).toMatchObject({ ok: true });

    // A forged PDF, sealed like the real one, with its own SHA-256 beside it: the receipts table alone no longer tells.
    const forged = Buffer.from('%PDF-1.3 a receipt for 0円');
    fx.app.db.exec('DROP TRIGGER receipts_no_update');
    fx.app.db
      .prepare('UPDATE receipts SET pdf = ?, sha256 = ? WHERE receipt_no = ?')
      .run(fx.box.seal(forged, `receipt:${receiptNo}`), createHash('sha256').update(forged).digest('hex'), receiptNo);

    expect(verifyChain(fx.app.db)).toMatchObject({ ok: true, receiptsChecked: false });
    expect(verifyChain(fx.app.db, fx.box)).toMatchObject({
      ok: false,
      brokenAt: entry.seq,
      reason: expect.stringContaining(`receipt ${receiptNo}: the stored PDF is not the one that was printed`),
    });
  });
});

describe('a ledger written before receipts were chained (format 1)', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** An entry and its receipt as madoguchi wrote them before migration 5. */
  function writeFormat1(file: string, pdf: Buffer): void {
    const old = openDatabase(file, MIGRATIONS.filter((m) => m.version < 5));
    const row = {
      seq: 1,
      format: 1,
      kind: 'TOKEN_ISSUED',
      occurred_at: '2026-11-20T01:00:00.000Z',
      operator_id: 'mgr01',
      receipt_no: '101-01-0000001',
      receipt_sha256: null,
      serial: 'MG0000000001',
      contract_id: 'C0012345',
      amount: 2200,
      payload: '{}',
      prev_hash: GENESIS_HASH,
    };
    old.prepare(
      `INSERT INTO journal (seq, kind, occurred_at, operator_id, receipt_no, serial, contract_id, amount, payload, prev_hash, hash)
       VALUES (@seq, @kind, @occurred_at, @operator_id, @receipt_no, @serial, @contract_id, @amount, @payload, @prev_hash, @hash)`,
    ).run({ ...row, hash: entryHash(row) });
    old.prepare(
      `INSERT INTO receipts (receipt_no, receipt_seq, journal_seq, kind, issued_at, document, pdf, sha256)
       VALUES ('101-01-0000001', 1, 1, 'TOKEN_ISSUED', '2026-11-20T01:00:00.000Z', '{}', ?, ?)`,
    ).run(pdf, createHash('sha256').update(pdf).digest('hex'));
    old.close();
  }

  it('keeps verifying after the upgrade, seals its receipt, chains new entries in format 3, and still finds a PDF that no longer matches', () => {
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-v1-'));
    dirs.push(dir);
    const file = join(dir, 'old.sqlite');
    writeFormat1(file, Buffer.from('%PDF-1.3 the original'));

    const box = new SecretBox(randomBytes(32));
    const db = openDatabase(file, MIGRATIONS, box);
    expect(verifyChain(db, box)).toEqual({ ok: true, entries: 1, receiptsChecked: true });
    expect((db.prepare('SELECT pdf FROM receipts').get() as { pdf: Buffer }).pdf.includes('the original')).toBe(false);
    const next = db.transaction(() => appendJournal(db, { kind: 'LOGIN', occurredAt: '2026-11-25T01:00:00.000Z', operatorId: 'mgr01', payload: {} }))();
    expect(next.format).toBe(3);
    expect(verifyChain(db, box)).toEqual({ ok: true, entries: 2, receiptsChecked: true });

    db.exec('DROP TRIGGER receipts_no_update');
    db.prepare('UPDATE receipts SET pdf = ? WHERE journal_seq = 1').run(box.seal(Buffer.from('%PDF-1.3 swapped'), 'receipt:101-01-0000001'));
    expect(verifyChain(db, box)).toMatchObject({ ok: false, brokenAt: 1, reason: expect.stringContaining('receipt 101-01-0000001') });
    db.close();
  });
});
