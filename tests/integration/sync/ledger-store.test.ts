/** The SyncStore over the real ledger, without a core: what it sends, what it takes back, what it keeps. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContractItem } from '../../../domain/sync-protocol';
import { verifyChain } from '../../../db/journal';
import { LedgerSyncStore, OUTBOX_RETENTION_DAYS } from '../../../sync/ledger-store';
import { branchWithContract, countOf, issueRequest, tokenState, type ContractFixture } from '../../support/app-fixture';
import { codeAt } from '../../support/seeds';

let fx: ContractFixture;
afterEach(() => fx?.cleanup());

const store = (f: ContractFixture, at = () => f.clock.now) => new LedgerSyncStore(f.app.db, f.box, at);

const bankSays = (f: ContractFixture, over: Partial<ContractItem> = {}): ContractItem => ({
  contractId: 'C0012345',
  nameKanji: '山田　太郎',
  nameKana: 'ヤマダ　タロウ',
  account: null,
  featurePhone: false,
  currentSerial: f.old.serial,
  currentState: 'ACTIVE',
  updatedAt: '2026-11-25T02:00:00.000Z',
  ...over,
});

describe('the ledger as the sync sees it', () => {
  it('sends each entry with every hashed column as stored and the counter act’s message opened, a seed import with its serials', async () => {
    fx = await branchWithContract();
    const sent = store(fx).entriesAfter(0, 100);
    const stored = fx.app.db.prepare('SELECT seq, format, kind, occurred_at, operator_id, receipt_no, receipt_sha256, serial, contract_id, amount, payload, prev_hash, hash FROM journal ORDER BY seq').all();
    expect(sent.map(({ message: _m, ...e }) => e)).toEqual(stored);
    const imported = sent.find((e) => e.kind === 'SEED_IMPORTED')!;
    expect(imported.message).toEqual({ type: 'SEED_IMPORTED', batchId: 1, serials: fx.tokens.map((t) => t.serial).sort() });
    const issued = sent.find((e) => e.kind === 'TOKEN_ISSUED')!;
    expect(issued.message).toMatchObject({ type: 'TOKEN_ISSUED', contractId: 'C0012345', serial: fx.old.serial, nameKanji: '山田　太郎', account: { branchCode: '101', subject: '01', number: '1234567' } });
    expect(issued.contract_id).toBe(fx.box.contractRef('C0012345'));
  });

  it('takes the bank’s word on a token only once the branch’s own entries about it are at the bank', async () => {
    fx = await branchWithContract();
    const s = store(fx);
    s.applyPage('contracts', [bankSays(fx)], '7');
    expect(tokenState(fx, fx.old.serial)).toBe('ISSUED');
    s.acknowledge(s.lastSeq(), []);
    s.applyPage('contracts', [bankSays(fx)], '8');
    expect(tokenState(fx, fx.old.serial)).toBe('ACTIVE');
    expect(s.cursor('contracts')).toBe('8');
    // Handed in at another branch: in that branch's collected box and counts, not this one's.
    s.applyPage('token-states', [{ serial: fx.old.serial, state: 'EXCHANGED', contractId: 'C0012345', updatedAt: '2026-11-26T00:00:00.000Z' }], '9');
    expect(countOf(fx, "SELECT COUNT(*) AS n FROM tokens WHERE state = 'EXCHANGED' AND ours = 0")).toBe(1);
    expect((await fx.call('returnsCollected', {})).tokens).toEqual([]);
    expect(verifyChain(fx.app.db, fx.box)).toMatchObject({ ok: true });
  });

  it('prunes the messages the core acknowledged once their retention is over, keeping the last', async () => {
    fx = await branchWithContract();
    await fx.call('issue', issueRequest(fx.stock[0]!.serial, codeAt(fx.stock[0]!, fx.clock.now), { contractId: 'C0099999' }));
    const later = new Date(fx.clock.now.getTime() + (OUTBOX_RETENTION_DAYS + 1) * 86_400_000);
    const s = store(fx);
    s.acknowledge(s.lastSeq(), []);
    expect(countOf(fx, 'SELECT COUNT(*) AS n FROM outbox WHERE sent_at IS NOT NULL')).toBe(2);
    store(fx, () => later).acknowledge(s.lastSeq(), []);
    expect(fx.app.db.prepare('SELECT seq FROM outbox').all()).toEqual([{ seq: 2 }]);
    expect(countOf(fx, "SELECT COUNT(*) AS n FROM journal WHERE kind = 'TOKEN_ISSUED'")).toBe(2);
  });

  it('keeps the enrolment sealed: neither the credential nor the private key is in the file', async () => {
    fx = await branchWithContract();
    const credential = Buffer.from('c'.repeat(32)).toString('base64url');
    const privateKey = Buffer.from('k'.repeat(48)).toString('base64url');
    new LedgerSyncStore(fx.app.db, fx.box, () => fx.clock.now, { coreUrl: 'https://core.example', operatorId: 'mgr01' }).saveEnrolment({ terminalId: '101-01', credential, privateKey });
    expect(store(fx).enrolment()).toEqual({ terminalId: '101-01', credential, privateKey });
    fx.app.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(join(fx.dir, 'madoguchi.sqlite'));
    for (const secret of [credential, privateKey, 'c'.repeat(32), 'k'.repeat(48)]) expect(file.includes(Buffer.from(secret))).toBe(false);
    expect(fx.app.db.prepare("SELECT operator_id AS by FROM journal WHERE kind = 'TERMINAL_ENROLLED'").get()).toEqual({ by: 'mgr01' });
  });
});
