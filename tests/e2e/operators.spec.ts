import { mkdirSync } from 'node:fs';
import { test, expect, api } from './fixtures';
import { logIn, MANAGER, openScreen, setUpBranch, violations } from './pages';

const shots = 'test-results/screens';
mkdirSync(shots, { recursive: true });

test('a teller’s first password, set by a manager, is changed before anything else; a retired teller is refused', async ({ page, host }) => {
  await setUpBranch(page, host);
  await logIn(page, MANAGER.id, MANAGER.password);
  await openScreen(page, 'オペレーター');
  const create = page.getByRole('region', { name: 'オペレーターの登録' });
  await create.getByLabel('オペレーターID').fill('tel01');
  await create.getByLabel('氏名').fill('鈴木 花子');
  await create.getByLabel('役割').selectOption('teller');
  await create.getByLabel('初期パスワード').fill('first1234');
  await create.getByRole('button', { name: '登録' }).click();
  await expect(page.getByRole('status')).toContainText('最初のログインでパスワードの変更を求めます');
  const row = page.getByRole('row').filter({ hasText: 'tel01' });
  await expect(row).toContainText('パスワード変更待ち');
  await page.getByRole('button', { name: 'ログアウト' }).click();

  await page.getByLabel('オペレーターID').fill('tel01');
  await page.getByLabel('パスワード', { exact: true }).fill('first1234');
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByTestId('password-required')).toBeVisible();
  await expect(page.getByRole('navigation', { name: '業務メニュー' })).toHaveCount(0);
  await expect(page.getByText('8文字以上で、英字と数字をそれぞれ1文字以上含めてください。現在のパスワードとは別のものにしてください。')).toBeVisible();
  // The host refuses everything else too, not only the screen.
  const early = await api(page, 'journalToday', {});
  expect(early.ok ? '' : early.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  for (const size of ['標準', '拡大'] as const) {
    await page.getByRole('button', { name: size, exact: true }).click();
    expect(await violations(page), `first password (${size})`).toEqual([]);
    await page.screenshot({ path: `${shots}/40-${size}-初回パスワード変更.png`, fullPage: true });
  }
  await page.getByRole('button', { name: '標準', exact: true }).click();

  await page.getByLabel('現在のパスワード').fill('first1234');
  await page.getByLabel('新しいパスワード', { exact: true }).fill('first1234');
  await page.getByLabel('新しいパスワード（確認）').fill('first1234');
  await page.getByRole('button', { name: 'パスワードを変更' }).click();
  await expect(page.getByRole('alert')).toContainText('現在のパスワードとは異なるパスワードを入力してください。');
  await page.getByLabel('現在のパスワード').fill('first1234');
  await page.getByLabel('新しいパスワード', { exact: true }).fill('hanako2026');
  await page.getByLabel('新しいパスワード（確認）').fill('hanako2026');
  await page.getByRole('button', { name: 'パスワードを変更' }).click();
  await expect(page.getByTestId('current-operator')).toContainText('鈴木');
  await expect(page.getByRole('status')).toHaveText('パスワードを変更しました。');
  await expect(page.getByRole('heading', { level: 1, name: 'ハードウェアトークン発行申込書' })).toBeVisible();
  await page.getByRole('button', { name: 'ログアウト' }).click();

  await logIn(page, MANAGER.id, MANAGER.password);
  await openScreen(page, 'オペレーター');
  await page.getByRole('button', { name: '鈴木　花子（tel01）を変更' }).click();
  const edit = page.getByTestId('operator-edit');
  await expect(row).toContainText('利用可');
  await edit.getByRole('button', { name: '退職を登録' }).click();
  await expect(edit.getByRole('alert')).toContainText('鈴木　花子（tel01） を退職として登録します。取り消せません。よろしいですか。');
  for (const size of ['標準', '拡大'] as const) {
    await page.getByRole('button', { name: size, exact: true }).click();
    expect(await violations(page), `operator change (${size})`).toEqual([]);
    await page.screenshot({ path: `${shots}/41-${size}-オペレーターの変更.png`, fullPage: true });
  }
  await page.getByRole('button', { name: '標準', exact: true }).click();
  await edit.getByRole('button', { name: '退職として登録' }).click();
  await expect(row).toContainText('退職（');
  await expect(row.getByRole('button')).toHaveCount(0);
  await page.getByRole('button', { name: 'ログアウト' }).click();

  await page.getByLabel('オペレーターID').fill('tel01');
  await page.getByLabel('パスワード', { exact: true }).fill('hanako2026');
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByRole('alert')).toContainText('このオペレーターIDは退職登録されているため、使用できません。');
  await expect(page.getByTestId('current-operator')).toHaveCount(0);
});
