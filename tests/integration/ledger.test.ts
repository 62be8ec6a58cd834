import { spawn, spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../db/journal';
import { branchWithStock, issueRequest, type Fixture } from '../support/app-fixture';
import { codeAt } from '../support/seeds';
import { join } from 'node:path';

let fx: Fixture;
afterEach(() => fx?.cleanup());

function runReader(file: string, target: number): Promise<{ issued: number; receipts: number; outbox: number; tokensIssued: number }[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/ledger-reader.ts', file, String(target)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('exit', (code) =>
      code === 0 ? resolve(out.trim().split('\n').map((l) => JSON.parse(l))) : reject(new Error(`reader exited ${code}: ${err}`)),
    );
  });
}

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

describe('a second process on the same file', () => {
  it('sees every issuance whole: journal, receipt, outbox and token state always agree', async () => {
    fx = await branchWithStock({ tokens: 12 });
    const file = join(fx.dir, 'madoguchi.sqlite');
    const reading = runReader(file, fx.tokens.length);
    for (const [i, t] of fx.tokens.entries()) {
      await fx.call('issue', issueRequest(t.serial, codeAt(t, fx.clock.now), { contractId: `C${String(i).padStart(7, '0')}` }));
    }
    const snapshots = await reading;
    for (const s of snapshots) {
      expect(s.receipts).toBe(s.issued);
      expect(s.outbox).toBe(s.issued);
      expect(s.tokensIssued).toBe(s.issued);
    }
    expect(snapshots.at(-1)).toEqual({ issued: 12, receipts: 12, outbox: 12, tokensIssued: 12 });
    const [after] = await runReader(file, 0);
    expect(after).toEqual({ issued: 12, receipts: 12, outbox: 12, tokensIssued: 12 });
  });
});

describe('npm run verify-ledger', () => {
  it('exits 0 on an intact file and 1 naming the entry on a tampered one', async () => {
    fx = await branchWithStock();
    const file = join(fx.dir, 'madoguchi.sqlite');
    const run = () => spawnSync(process.execPath, ['--import', 'tsx', 'db/verify-cli.ts', file], { encoding: 'utf8' });
    const intact = run();
    expect(intact.status).toBe(0);
    expect(intact.stdout).toMatch(/ledger OK: \d+ entries/);
    fx.app.db.exec('DROP TRIGGER journal_no_update');
    fx.app.db.exec("UPDATE journal SET operator_id = 'intruder' WHERE seq = 3");
    const broken = run();
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('BROKEN at entry 3');
  });
});

