import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyChain } from '../../../db/journal';
import type { Db } from '../../../db/open';
import { ERROR_LOG_FILE } from '../../../services/error-log';
import { branchWithStock, counts, type Fixture, issueRequest, MANAGER_LOGIN } from '../../support/app-fixture';
import { codeAt } from '../../support/seeds';

let fx: Fixture;
afterEach(() => fx?.cleanup());

/** Runs the writer until it has committed `commits` issuances, waits `delayMs`, then SIGKILLs it. */
function issueThenKill(f: Fixture, tokensFile: string, commits: number, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/ledger-writer.ts', f.dir, tokensFile, f.clock.now.toISOString()], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const committed: string[] = [];
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.stdout.on('data', (d: Buffer) => {
      for (const m of d.toString().matchAll(/committed (\S+)/g)) committed.push(m[1]!);
      if (committed.length >= commits && !child.killed) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(committed) : reject(new Error(`writer ended before the kill (${code}): ${err}`)),
    );
  });
}

const receiptNumbers = (db: Db) =>
  (db.prepare('SELECT receipt_no AS r FROM receipts ORDER BY receipt_seq').all() as Array<{ r: string }>).map((x) => x.r);

describe('one counter transaction = one SQLite transaction', () => {
  it('writes nothing when the receipt step fails inside the transaction', async () => {
    fx = await branchWithStock();
    const t = fx.tokens[0]!;
    const before = counts(fx.app);
    const journalBefore = (fx.app.db.prepare('SELECT COUNT(*) AS n FROM journal').get() as { n: number }).n;
    fx.app.db.exec("CREATE TRIGGER fail_receipt BEFORE INSERT ON receipts BEGIN SELECT RAISE(ABORT, 'printer spool full'); END");

    const r = await fx.app.dispatch('issue', issueRequest(t.serial, codeAt(t, fx.clock.now)));

    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.error).toEqual({ code: 'INTERNAL', message: expect.stringContaining('この取引は記録されていません') });
    expect(fx.errorReports()).toEqual([
      {
        at: fx.clock.now.toISOString(),
        channel: 'issue',
        operatorId: 'mgr01',
        error: expect.objectContaining({ name: 'SqliteError', code: 'SQLITE_CONSTRAINT_TRIGGER', message: 'printer spool full' }),
      },
    ]);
    expect(JSON.stringify(fx.errorReports())).not.toContain('山田');
    expect(statSync(join(fx.dir, 'logs', ERROR_LOG_FILE)).mode & 0o777).toBe(0o600);
    expect(fx.stderr).toEqual([expect.stringContaining('issue: SqliteError: printer spool full')]);
    expect(counts(fx.app)).toEqual(before);
    expect((fx.app.db.prepare('SELECT COUNT(*) AS n FROM journal').get() as { n: number }).n).toBe(journalBefore);
    expect(fx.app.db.prepare('SELECT state, last_step FROM tokens WHERE serial = ?').get(t.serial)).toEqual({ state: 'IN_STOCK', last_step: -1 });

    fx.app.db.exec('DROP TRIGGER fail_receipt');
    const ok = await fx.call('issue', issueRequest(t.serial, codeAt(t, fx.clock.now)));
    expect(ok.receiptNo).toBe('101-01-0000001');
  });

  it('numbers receipts per terminal without gaps, across a restart', async () => {
    fx = await branchWithStock({ tokens: 3 });
    const [a, b, c] = fx.tokens as [typeof fx.tokens[0], typeof fx.tokens[0], typeof fx.tokens[0]];
    await fx.call('issue', issueRequest(a.serial, codeAt(a, fx.clock.now), { contractId: 'C0000001' }));
    await fx.call('issue', issueRequest(b.serial, codeAt(b, fx.clock.now), { contractId: 'C0000002' }));
    fx.reopen();
    await fx.call('authLogin', MANAGER_LOGIN);
    const third = await fx.call('issue', issueRequest(c.serial, codeAt(c, fx.clock.now), { contractId: 'C0000003' }));
    expect(third.receiptNo).toBe('101-01-0000003');
    const seqs = fx.app.db.prepare('SELECT seq FROM outbox ORDER BY seq').all();
    expect(seqs).toEqual([{ seq: 1 }, { seq: 2 }, { seq: 3 }]);
  });
});

describe('refused attempts', () => {
  it('journals a wrong code and a refused act with the operator and what was attempted, and nothing of the act itself', async () => {
    fx = await branchWithStock();
    const t = fx.tokens[0]!;
    const good = codeAt(t, fx.clock.now);
    const wrong = String((Number(good) + 1) % 1_000_000).padStart(6, '0');
    expect((await fx.app.dispatch('issue', issueRequest(t.serial, wrong))).ok).toBe(false);
    expect((await fx.app.dispatch('issue', issueRequest('ZZ0000000000', good, { contractId: 'C0000009' }))).ok).toBe(false);

    const refused = fx.app.db
      .prepare("SELECT kind, operator_id AS op, serial, contract_id AS contract, receipt_no AS receipt, payload FROM journal WHERE kind IN ('OTP_REFUSED', 'COUNTER_REFUSED') ORDER BY seq")
      .all() as Array<{ payload: string }>;
    expect(refused.map((r) => ({ ...r, payload: JSON.parse(r.payload) }))).toEqual([
      {
        kind: 'OTP_REFUSED',
        op: 'mgr01',
        serial: t.serial,
        contract: fx.box.contractRef('C0012345'),
        receipt: null,
        payload: { act: 'TOKEN_ISSUED', failCount: 1, code: 'OTP_MISMATCH', fields: ['otp'], message: expect.stringContaining('一致しません') },
      },
      {
        kind: 'COUNTER_REFUSED',
        op: 'mgr01',
        serial: 'ZZ0000000000',
        contract: fx.box.contractRef('C0000009'),
        receipt: null,
        payload: { act: 'TOKEN_ISSUED', code: 'SERIAL_UNKNOWN', fields: ['serial'], message: expect.stringContaining('在庫に登録されていません') },
      },
    ]);
    expect(counts(fx.app)).toMatchObject({ journalIssued: 0, receipts: 0, outbox: 0, contracts: 0 });
    expect(verifyChain(fx.app.db)).toMatchObject({ ok: true });
  });
});

describe('a terminal killed in the middle of issuing (power cut, crash)', () => {
  // Three child processes, each starting tsx: a generous timeout for a loaded 2-core machine.
  it('keeps every committed issuance whole, leaves no half of one, and numbers on without a gap or reuse', async () => {
    fx = await branchWithStock({ tokens: 30 });
    const tokensFile = join(fx.dir, 'tokens.json');
    writeFileSync(tokensFile, JSON.stringify(fx.tokens.map((t) => ({ ...t, secret: t.secret.toString('hex') }))));

    // The writer is the terminal now (one madoguchi per data folder); between kills the file is only read.
    fx.app.close();
    // Kill at different moments after a commit: during the next PDF, inside its transaction, between two.
    for (const delayMs of [0, 7, 19]) {
      const reported = await issueThenKill(fx, tokensFile, 3, delayMs);
      const db = new Database(join(fx.dir, 'madoguchi.sqlite'), { readonly: true });
      try {
        const c = counts({ db });
        expect(c.receipts).toBe(c.journalIssued);
        expect(c.outbox).toBe(c.journalIssued);
        expect(c.contracts).toBe(c.journalIssued);
        expect(c.issuedTokens).toBe(c.journalIssued);
        expect(verifyChain(db)).toMatchObject({ ok: true });

        const numbers = receiptNumbers(db);
        expect(numbers).toEqual(expect.arrayContaining(reported));
        expect(numbers).toEqual(numbers.map((_, i) => `101-01-${String(i + 1).padStart(7, '0')}`));
        const outboxSeqs = (db.prepare('SELECT seq FROM outbox ORDER BY seq').all() as Array<{ seq: number }>).map((r) => r.seq);
        expect(outboxSeqs).toEqual(outboxSeqs.map((_, i) => i + 1));
      } finally {
        db.close();
      }
    }

    // The terminal restarts on the same file and goes on from the next number.
    fx.reopen();
    await fx.call('authLogin', MANAGER_LOGIN);
    const issuedSoFar = counts(fx.app).journalIssued;
    expect(issuedSoFar).toBeGreaterThanOrEqual(9);
    const next = fx.tokens.find((t) => (fx.app.db.prepare('SELECT state FROM tokens WHERE serial = ?').get(t.serial) as { state: string }).state === 'IN_STOCK')!;
    const r = await fx.call('issue', issueRequest(next.serial, codeAt(next, fx.clock.now), { contractId: 'Z0000001' }));
    expect(r.receiptNo).toBe(`101-01-${String(issuedSoFar + 1).padStart(7, '0')}`);
  }, 90_000);
});
