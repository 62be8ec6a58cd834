import { test, expect } from './fixtures';
import { importSeeds, issueByApi, logIn, MANAGER, openScreen, openWithContract, setUpBranch, violations, YAMADA, type MenuItem } from './pages';
import { makeOathCsv } from '../support/seeds';

test('every screen passes axe-core’s WCAG 2.1 AA checks, in 標準 and 拡大, with and without errors shown', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: '初期設定' })).toBeVisible();
  await page.getByRole('button', { name: '初期設定を登録' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  expect(await violations(page), 'setup with errors').toEqual([]);

  await page.goto('about:blank');
  await setUpBranch(page, host);
  expect(await violations(page), 'login').toEqual([]);
  await logIn(page, MANAGER.id, MANAGER.password);

  const { csv, tokens } = makeOathCsv(2);
  await importSeeds(page, 'vendor.csv', csv);
  await expect(page.getByTestId('import-count')).toHaveText('2件');
  await issueByApi(page, YAMADA, tokens[0]!);

  for (const size of ['標準', '拡大'] as const) {
    await page.getByRole('button', { name: size, exact: true }).click();
    const screens: MenuItem[] = ['発行受付', '本日の取引', '在庫', '回収トークン', 'オペレーター', '店舗設定', 'パスワード変更', '概況', '取引履歴', '検印待ち', '日計・締め'];
    for (const item of screens) {
      await openScreen(page, item);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await violations(page), `${item} (${size})`).toEqual([]);
      await page.screenshot({ path: `test-results/screens/30-${size}-${item}.png`, fullPage: true });
    }
    await openScreen(page, '発行受付');
    await page.getByRole('button', { name: '確認', exact: true }).click();
    await expect(page.getByText('入力内容を確認してください。')).toBeVisible();
    expect(await violations(page), `発行受付 with errors (${size})`).toEqual([]);
    await openScreen(page, '日計・締め');
    await page.getByRole('button', { name: '確認', exact: true }).click();
    await expect(page.getByText('入力内容を確認してください。')).toBeVisible();
    expect(await violations(page), `日計・締め with errors (${size})`).toEqual([]);

    for (const menu of ['交換・再発行', '利用中止届'] as const) {
      await openWithContract(page, menu, YAMADA.contractId);
      expect(await violations(page), `${menu} (${size})`).toEqual([]);
    }
  }
});
