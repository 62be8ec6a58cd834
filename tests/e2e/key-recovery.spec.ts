import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { test, expect, api, startHost } from './fixtures';
import { importSeeds, issueByApi, logIn, MANAGER, openScreen, RECOVERY_PASSPHRASE, setUpBranch, YAMADA } from './pages';
import { makeOathCsv } from '../support/seeds';

const stop = async (child: ChildProcess) => {
  child.kill('SIGTERM');
  await once(child, 'exit');
};

test('a new PC: the ledger carried over without its key asks for the recovery passphrase, then opens all it held', async ({ page, context }) => {
  const oldPc = mkdtempSync(join(tmpdir(), 'madoguchi-e2e-old-pc-'));
  const newPc = mkdtempSync(join(tmpdir(), 'madoguchi-e2e-new-pc-'));
  try {
    const first = await startHost(oldPc);
    const { csv, tokens } = makeOathCsv(2);
    try {
      await setUpBranch(page, first.host);
      await logIn(page, MANAGER.id, MANAGER.password);
      await importSeeds(page, 'vendor.csv', csv);
      await expect(page.getByTestId('import-count')).toHaveText('2件');
      await issueByApi(page, YAMADA, tokens[0]!);
    } finally {
      await stop(first.child);
    }
    // The branch's copy of the data folder, all but the key (on Windows, wrapped by the old profile's DPAPI).
    cpSync(oldPc, newPc, { recursive: true, filter: (src) => !src.endsWith('madoguchi.key') });
    expect(existsSync(join(newPc, 'madoguchi.key'))).toBe(false);

    const second = await startHost(newPc);
    try {
      const tab = await context.newPage();
      await tab.goto(second.host.url);
      await expect(tab.getByRole('heading', { name: 'データ鍵の復元' })).toBeVisible();
      await tab.screenshot({ path: 'test-results/screens/40-key-restore.png', fullPage: true });
      expect(await api(tab, 'stockList', {})).toMatchObject({ ok: false, error: { code: 'KEY_MISSING' } });

      await tab.getByLabel('復元用パスフレーズ').fill('支店の金庫は一人で開けます');
      await tab.getByRole('button', { name: 'データ鍵を復元' }).click();
      await expect(tab.getByRole('alert')).toContainText('復元用パスフレーズが正しくありません');

      await tab.getByLabel('復元用パスフレーズ').fill(RECOVERY_PASSPHRASE);
      await tab.getByRole('button', { name: 'データ鍵を復元' }).click();
      await expect(tab.getByText('データ鍵をこの PC に復元しました。ログインしてください。')).toBeVisible();
      expect(existsSync(join(newPc, 'madoguchi.key'))).toBe(true);

      await logIn(tab, MANAGER.id, MANAGER.password);
      expect(await api(tab, 'contractsLookup', { contractId: YAMADA.contractId })).toMatchObject({ ok: true, value: { currentSerial: tokens[0]!.serial } });
      await openScreen(tab, '在庫');
      await expect(tab.getByTestId('count-IN_STOCK')).toContainText('1');
      await openScreen(tab, '本日の取引');
      await expect(tab.getByText('データ鍵の復元', { exact: true }).first()).toBeVisible();
    } finally {
      await stop(second.child);
    }
  } finally {
    rmSync(oldPc, { recursive: true, force: true });
    rmSync(newPc, { recursive: true, force: true });
  }
});
