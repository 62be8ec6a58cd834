import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { test, expect } from './fixtures';
import { issueByApi, managerWithStock, openScreen, violations, YAMADA } from './pages';

const shots = 'test-results/screens';
mkdirSync(shots, { recursive: true });

test('概況: a manager sees the 30 days per act (chart and table), low stock, and a token whose battery is near its end', async ({ page, host }) => {
  const tokens = await managerWithStock(page, host, 3);
  await issueByApi(page, YAMADA, tokens[0]!);
  // The host's clock is the machine's: the token is made old in the ledger file itself.
  const db = new Database(join(host.dataDir, 'madoguchi.sqlite'));
  db.prepare("UPDATE tokens SET issued_at = '2021-05-10T02:00:00.000Z' WHERE serial = ?").run(tokens[0]!.serial);
  db.close();

  await openScreen(page, '概況');
  await expect(page.getByRole('heading', { level: 1, name: '概況' })).toBeVisible();
  await expect(page.getByTestId('activity-summary')).toContainText('ハードウェアトークン発行 1件');
  await expect(page.getByRole('application', { name: /直近30日の取引件数/ })).toBeVisible();
  await expect(page.getByTestId('low-stock')).toContainText('在庫（未使用）は2個で、下限の20個を下回っています。');
  const row = page.getByRole('table', { name: '電池の交換時期が近いトークン（発行の古い順）' }).getByRole('row').filter({ hasText: tokens[0]!.serial });
  await expect(row).toContainText('＊＊＊＊2345');
  await expect(row).toContainText('2021年05月10日');
  await expect(row).not.toContainText('C0012345');
  await expect(row).not.toContainText('山田');

  await page.getByText('日別の件数を表で見る').click();
  await expect(page.getByRole('table', { name: '直近30日の日別・種類別の件数' })).toBeVisible();
  for (const size of ['標準', '拡大'] as const) {
    await page.getByRole('button', { name: size, exact: true }).click();
    expect(await violations(page), `概況 (${size})`).toEqual([]);
    await page.screenshot({ path: `${shots}/50-${size}-概況.png`, fullPage: true });
  }
  await page.getByRole('button', { name: '標準', exact: true }).click();

  await openScreen(page, '店舗設定');
  await page.getByLabel('在庫の下限（個）').fill('2');
  await page.getByRole('button', { name: '下限を登録' }).click();
  await expect(page.getByRole('status')).toHaveText('在庫の下限を2個に変更しました。');
  await page.screenshot({ path: `${shots}/51-標準-店舗設定-在庫の警告.png`, fullPage: true });
  await openScreen(page, '概況');
  await expect(page.getByTestId('activity-summary')).toBeVisible();
  await expect(page.getByTestId('low-stock')).toHaveCount(0);
});
