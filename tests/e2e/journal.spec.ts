import { mkdirSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { test, expect, api } from './fixtures';
import { randomBytes } from 'node:crypto';
import { importSeeds, issueByApi, managerWithStock, MANAGER, openScreen, YAMADA } from './pages';
import { buildEncryptedPskc } from '../support/pskc-builder';
import { codeAt, type TestToken } from '../support/seeds';

const shots = 'test-results/screens';
mkdirSync(shots, { recursive: true });

/** How many lines the text of `el` takes on screen. */
function lines(el: Locator): Promise<number> {
  return el.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
}

test('本日の取引: a manager sees the counter transactions apart from their reprints, and the refused attempts (a refused seed file too) with their reason', async ({ page, host }) => {
  const [a, b, c] = (await managerWithStock(page, host, 3)) as [TestToken, TestToken, TestToken];
  await issueByApi(page, YAMADA, a);
  await issueByApi(page, { ...YAMADA, contractId: 'C0012346' }, b);
  // A code the token does not show, and a wrong password: both refused, both journalled.
  const good = codeAt(c, new Date());
  const wrong = String((Number(good) + 1) % 1_000_000).padStart(6, '0');
  const refused = await api(page, 'issue', {
    contractId: 'C0012347', nameKanji: '鈴木 一郎', nameKana: 'スズキ イチロウ', accountBranch: '101', accountSubject: '01', accountNumber: '7654321',
    featurePhone: false, identityDocument: 'DRIVERS_LICENSE', sealChecked: true, serial: c.serial, otp: wrong, payment: 'CASH',
  });
  expect(refused.ok).toBe(false);
  expect((await api(page, 'authLogin', { operatorId: MANAGER.id, password: 'wrong-password1' })).ok).toBe(false);
  // A vendor file under a key that is not its own: refused, journalled, and the key does not stay in the field.
  const xml = buildEncryptedPskc(randomBytes(16), [{ serial: 'PK0000000001', id: 'K1', secret: randomBytes(20), totp: true }]);
  await importSeeds(page, 'vendor.pskc', xml, randomBytes(16).toString('hex'));
  await expect(page.getByRole('alert')).toContainText('事前共有鍵');
  await expect(page.getByLabel('事前共有鍵')).toHaveValue('');
  await expect(page.getByLabel('パスワード', { exact: true })).toHaveValue('');
  for (const size of ['拡大', '標準'] as const) {
    await page.getByRole('button', { name: size, exact: true }).click();
    await page.screenshot({ path: `${shots}/52-seed-import-refused-${size}.png`, fullPage: true });
  }

  await openScreen(page, '本日の取引');
  const rows = page.getByRole('table', { name: '本日の取引一覧' }).locator('tbody tr');
  const first = rows.filter({ hasText: '101-01-0000001' }).filter({ hasText: 'ハードウェアトークン発行' });
  await first.getByRole('button', { name: '再発行' }).click();
  await expect(page.locator('.status-message').filter({ hasText: '受付番号 101-01-0000001 の領収書を再発行しました' })).toBeVisible();
  await page.getByRole('button', { name: '最新の情報に更新' }).click();

  // Two issuances and a reprint: 受付 2件, and the reprint has no 再発行 of its own.
  await expect(page.getByTestId('journal-summary')).toContainText('受付 2件');
  await expect(page.getByTestId('journal-summary')).toContainText('手数料 4,400円');
  await expect(page.getByTestId('journal-summary')).toContainText('受付できなかった操作 3件');
  const reprint = rows.filter({ hasText: '領収書再発行' });
  await expect(reprint).toContainText('お客さま控（再発行1回目）');
  await expect(reprint.getByRole('button', { name: '再発行' })).toHaveCount(0);

  await page.getByLabel('受付（受付番号のある取引）のみ').check();
  await expect(rows).toHaveCount(2);
  await expect(page.getByText('表示 2件')).toBeVisible();

  await page.getByLabel('受付できなかった操作のみ').check();
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'シード取込できず' })).toContainText('vendor.pskc：');
  await expect(rows.filter({ hasText: 'ワンタイムパスワード不一致' })).toContainText('ハードウェアトークン発行：');
  await expect(rows.filter({ hasText: 'ログイン失敗' })).toContainText('パスワード誤り（1回目）');

  await page.getByLabel('すべて', { exact: true }).check();
  for (const size of ['標準', '拡大'] as const) {
    await page.getByRole('button', { name: size, exact: true }).click();
    await page.screenshot({ path: `${shots}/50-journal-${size}.png`, fullPage: true });
    // The list fits beside the menu: nothing to scroll sideways to.
    const wrap = page.locator('.table-wrap');
    expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    // Each kind reads on one line, whatever the size.
    for (const label of await page.locator('.journal-kind-label').all()) expect(await lines(label), await label.textContent() ?? '').toBe(1);
  }
  await page.getByLabel('受付できなかった操作のみ').check();
  await page.screenshot({ path: `${shots}/51-journal-refusals-拡大.png`, fullPage: true });
  await page.getByRole('button', { name: '標準', exact: true }).click();
});
