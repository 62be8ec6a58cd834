import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { branchWithStock, issueRequest, type Fixture } from '../../support/app-fixture';
import { codeAt } from '../../support/seeds';
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
