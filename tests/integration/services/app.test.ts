import { VIEWER_PRINTER } from '../../../services/printing';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { branchWithContract, branchWithStock, type Fixture, issueRequest, MANAGER_LOGIN } from '../../support/app-fixture';
import { codeAt } from '../../support/seeds';
import { DataFolderInUse, openApp } from '../../../services/app';
import { keyFileStore } from '../../../browser/key-file';

let fx: Fixture;
afterEach(() => fx?.cleanup());

describe('the ledger files at rest', () => {
  it('never stores a seed in the clear, and keeps the key file readable by its owner only', async () => {
    fx = await branchWithStock();
    fx.reopen();
    const file = readFileSync(join(fx.dir, 'madoguchi.sqlite'));
    for (const t of fx.tokens) {
      expect(file.includes(t.secret)).toBe(false);
      expect(file.includes(Buffer.from(t.secret.toString('hex')))).toBe(false);
    }
    expect(statSync(join(fx.dir, 'madoguchi.key')).mode & 0o777).toBe(0o600);
    for (const f of ['madoguchi.sqlite', 'madoguchi.sqlite-wal', 'madoguchi.sqlite-shm']) {
      expect(statSync(join(fx.dir, f)).mode & 0o777, f).toBe(0o600);
    }
    await fx.call('authLogin', MANAGER_LOGIN);
    const listed = JSON.stringify(await fx.call('stockList', {}));
    expect(listed).not.toContain(fx.tokens[0]!.secret.toString('hex'));
  });

  it('creates a new data folder for its user only, and narrows a ledger file made readable to others', () => {
    const root = mkdtempSync(join(tmpdir(), 'madoguchi-perm-'));
    try {
      const dataDir = join(root, 'terminal', 'data');
      const open = () => openApp({ dataDir, keys: keyFileStore(join(dataDir, 'madoguchi.key')), printer: VIEWER_PRINTER });
      open().close();
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      chmodSync(join(dataDir, 'madoguchi.sqlite'), 0o644);
      const app = open();
      expect(statSync(join(dataDir, 'madoguchi.sqlite')).mode & 0o777).toBe(0o600);
      app.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the data folder', () => {
  it('is narrowed to its user when others could open it, and the host is told once', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-open-'));
    try {
      chmodSync(dataDir, 0o755);
      const told: string[] = [];
      const open = () => openApp({ dataDir, keys: keyFileStore(join(dataDir, 'madoguchi.key')), printer: VIEWER_PRINTER, notify: (m) => told.push(m) });
      open().close();
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(told).toEqual([expect.stringContaining('この PC のユーザーだけが使えるようにしました')]);
      open().close();
      expect(told).toHaveLength(1);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('customer data at rest', () => {
  it('leaves no customer’s name, kana, account or contract ID in the ledger file, its WAL or a backup copy', async () => {
    const c = await branchWithContract(true);
    fx = c;
    const { old, stock } = c;
    await fx.call('issue', issueRequest(stock[0]!.serial, codeAt(stock[0]!, fx.clock.now), {
      contractId: 'QX7731904',
      nameKanji: '髙橋 美咲',
      nameKana: 'タカハシ ミサキ',
      accountNumber: '8642097',
    }));
    await fx.call('suspend', { contractId: 'C0012345', identityDocument: 'DRIVERS_LICENSE', serial: old.serial });
    await fx.call('journalToday', {});
    await fx.app.db.backup(join(fx.dir, 'backup.sqlite'));

    const secrets = ['QX7731904', 'C0012345', '髙橋', '美咲', 'タカハシ', 'ミサキ', '山田', 'ヤマダ', '8642097', '1234567'].map((s) => Buffer.from(s, 'utf8'));
    for (const file of ['madoguchi.sqlite', 'madoguchi.sqlite-wal', 'backup.sqlite']) {
      const bytes = readFileSync(join(fx.dir, file));
      expect(bytes.length, file).toBeGreaterThan(0);
      for (const secret of secrets) expect(bytes.includes(secret), `${file} holds ${secret.toString()}`).toBe(false);
    }
    // The counter still finds the contract by its ID, and the day's list names it.
    expect((await fx.call('contractsLookup', { contractId: 'QX7731904' })).currentSerial).toBe(stock[0]!.serial);
    expect((await fx.call('journalToday', {})).entries.filter((e) => e.contractId === 'QX7731904')).toHaveLength(1);
  });
});

describe('one madoguchi per data folder', () => {
  it('refuses a second process on the folder with a clear message, and lets the folder go when the first is killed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-lock-'));
    const holder = spawn(process.execPath, ['--import', 'tsx', 'tests/support/app-holder.ts', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let err = '';
      holder.stderr.on('data', (d: Buffer) => (err += d));
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (d: Buffer) => d.toString().includes('open') && resolve());
        holder.on('exit', (code) => reject(new Error(`holder exited ${code}: ${err}`)));
      });
      const second = () => openApp({ dataDir, keys: keyFileStore(join(dataDir, 'madoguchi.key')), printer: VIEWER_PRINTER });
      expect(second).toThrow(DataFolderInUse);
      expect(second).toThrow(`このデータフォルダ（${dataDir}）は別の madoguchi が使用中です`);

      // Killed without any clean-up, as a power cut would: the lock goes with the process.
      const gone = new Promise((resolve) => holder.once('exit', resolve));
      holder.kill('SIGKILL');
      await gone;
      const app = second();
      app.close();
    } finally {
      holder.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
