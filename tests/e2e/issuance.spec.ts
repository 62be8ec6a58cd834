import { mkdirSync } from 'node:fs';
import { test, expect, api } from './fixtures';
import { fillApplication, importSeeds, logIn, logInFirstTime, managerWithStock, openScreen, MANAGER, otpNow, pdfTextFromLink, receiptTextFromLink, setUpBranch, YAMADA } from './pages';
import { makeOathCsv } from '../support/seeds';

const shots = 'test-results/screens';
mkdirSync(shots, { recursive: true });

test('first run → login → seed import → issuance with the right OTP → receipt → today’s log', async ({ page, host }) => {
  await setUpBranch(page, host, `${shots}/00-setup.png`);
  await page.screenshot({ path: `${shots}/01-after-setup.png` });
  await logIn(page, MANAGER.id, MANAGER.password);

  const { csv, tokens } = makeOathCsv(3);
  await importSeeds(page, 'vendor-2026-11.csv', csv);
  await expect(page.getByTestId('import-count')).toHaveText('3件');
  await expect(page.getByTestId('count-IN_STOCK')).toContainText('3');
  await page.screenshot({ path: `${shots}/02-stock.png` });

  const token = tokens[0]!;
  await fillApplication(page, YAMADA, token.serial, otpNow(token));
  await page.screenshot({ path: `${shots}/03-confirm.png` });
  await page.getByRole('button', { name: '確定' }).click();

  const receiptNo = page.getByTestId('receipt-no');
  await expect(receiptNo).toHaveText('101-01-0000001');
  await expect(page.getByTestId('issued-serial')).toHaveText(token.serial);
  await page.getByRole('button', { name: '領収書を表示/印刷' }).click();
  await page.screenshot({ path: `${shots}/04-done.png` });
  const text = await receiptTextFromLink(page);
  for (const word of ['ハードウェアトークン発行', '101-01-0000001', token.serial, 'ハードウェアトークン発行手数料 2,200円(税込)', '10%対象 2,200円', 'うち消費税 200円', 'T7000012050002', '北見信用金庫', 'お客さま控']) {
    expect(text).toContain(word);
  }
  expect(text).not.toContain('山田 太郎');

  await openScreen(page, '本日の取引');
  const row = page.getByRole('row').filter({ hasText: '101-01-0000001' });
  await expect(row).toContainText('ハードウェアトークン発行');
  await expect(row).toContainText(token.serial);
  await expect(row).toContainText('2,200円');
  await expect(page.getByTestId('journal-summary')).toHaveText('受付 1件手数料 2,200円（現金 2,200円・口座振替 0円）受付できなかった操作 0件');
  await page.screenshot({ path: `${shots}/05-journal.png` });
});

test('店舗設定: family names only, a branch copy and 和暦; the next receipt shows 山田 ＊＊ 様 and 令和, and its 店舗控 prints', async ({ page, host }) => {
  const tokens = await managerWithStock(page, host, 1);

  await openScreen(page, '店舗設定');
  await expect(page.getByText('T7000012050002')).toBeVisible();
  await page.getByLabel('書類のお名前表示').selectOption('FAMILY');
  await page.getByLabel('店舗控を印刷する').check();
  await page.getByLabel('日付に和暦を併記する').check();
  await page.getByRole('button', { name: '変更を登録' }).click();
  await expect(page.getByRole('status')).toContainText('姓のみ');
  await page.screenshot({ path: `${shots}/07-settings.png` });

  const token = tokens[0]!;
  await fillApplication(page, YAMADA, token.serial, otpNow(token));
  await page.getByRole('button', { name: '確定' }).click();
  await expect(page.getByTestId('receipt-no')).toHaveText('101-01-0000001');
  await page.getByRole('button', { name: '領収書を表示/印刷' }).click();
  const text = (await receiptTextFromLink(page)).replace(/\s+/gu, ' ');
  expect(text).toContain('山田 ＊＊ 様');
  expect(text).not.toContain('太郎');
  expect(text).toMatch(/取引年月日 20\d\d年（令和\d+年）\d\d月\d\d日/);
  await expect(page.getByTestId('accepted-at')).toContainText('（令和');
  await page.getByRole('button', { name: '店舗控を表示/印刷' }).click();
  const branchCopy = await pdfTextFromLink(page, '領収書（店舗控）');
  for (const word of ['店舗控', '101-01-0000001', '山田']) expect(branchCopy).toContain(word);

  await openScreen(page, '本日の取引');
  await expect(page.getByRole('row').filter({ hasText: '店舗設定変更' })).toContainText(MANAGER.id);
});

test('a wrong OTP is refused with a clear message, the form keeps what was typed, and nothing is written', async ({ page, host }) => {
  const tokens = await managerWithStock(page, host, 1);

  const token = tokens[0]!;
  const wrong = () => String((Number(otpNow(token)()) + 500_000) % 1_000_000).padStart(6, '0');
  await fillApplication(page, YAMADA, token.serial, wrong);
  const confirm = page.getByRole('button', { name: '確定' });
  if (await confirm.isVisible()) await confirm.click();

  const otp = page.getByLabel('ワンタイムパスワード');
  await expect(otp).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await otp.getAttribute('aria-describedby')) ?? '';
  const message = await page.locator(describedBy.split(' ').map((id) => `#${id}`).join(', ')).allTextContents();
  expect(message.join(' ')).toContain('一致しません');
  await expect(page.getByLabel('契約者ID')).toHaveValue(YAMADA.contractId);
  await expect(page.getByLabel('お名前（漢字）')).toHaveValue(YAMADA.nameKanji);
  await page.screenshot({ path: `${shots}/06-wrong-otp.png` });

  const journal = await api(page, 'journalToday', {});
  expect(journal.ok && journal.value.entries.filter((e) => e.kind === 'TOKEN_ISSUED')).toEqual([]);
  const stock = await api(page, 'stockLookup', { serial: token.serial });
  expect(stock.ok && stock.value.state).toBe('IN_STOCK');
});

test('a name the receipt cannot print (a simplified 张) is refused at the field, the form kept; written as 張 it is issued', async ({ page, host }) => {
  const [token] = await managerWithStock(page, host, 1);
  await fillApplication(page, { ...YAMADA, nameKanji: '张 伟' }, token!.serial, otpNow(token!));
  const confirm = page.getByRole('button', { name: '確定' });
  if (await confirm.isVisible()) await confirm.click();

  const name = page.getByLabel('お名前（漢字）');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('お名前（漢字）に、控えに印刷できない文字 「张」、「伟」 があります。').first()).toBeVisible();
  await expect(name).toHaveValue('张 伟');
  await expect(page.getByLabel('契約者ID')).toHaveValue(YAMADA.contractId);
  await page.screenshot({ path: `${shots}/06b-unprintable-name.png` });

  await name.fill('張 偉');
  // The refused form never reached the code check: the code on the token now is still unused.
  await page.getByLabel('ワンタイムパスワード').fill(otpNow(token!)());
  await page.getByRole('button', { name: '確認', exact: true }).click();
  await page.getByRole('button', { name: '確定' }).click();
  await expect(page.getByTestId('issued-serial')).toHaveText(token!.serial);
});

test('a reload in the middle of the form loses nothing typed but the one-time code', async ({ page, host }) => {
  const tokens = await managerWithStock(page, host, 1);
  await openScreen(page, '発行受付');
  await page.getByLabel('契約者ID').fill(YAMADA.contractId);
  await page.getByLabel('お名前（漢字）').fill(YAMADA.nameKanji);
  const serial = page.getByLabel('シリアル番号', { exact: true });
  await serial.fill(tokens[0]!.serial);
  await serial.press('Enter');
  await page.getByLabel('ワンタイムパスワード').fill(otpNow(tokens[0]!)());

  await page.reload();
  await expect(page.getByRole('status')).toContainText('入力途中の内容を復元しました');
  await expect(page.getByLabel('契約者ID')).toHaveValue(YAMADA.contractId);
  await expect(page.getByLabel('お名前（漢字）')).toHaveValue(YAMADA.nameKanji);
  await expect(serial).toHaveValue(tokens[0]!.serial);
  await expect(page.getByLabel('ワンタイムパスワード')).toHaveValue('');
});

test('a serial that is not in stock is named as such when scanned', async ({ page, host }) => {
  await managerWithStock(page, host, 1);
  await openScreen(page, '発行受付');
  const serial = page.getByLabel('シリアル番号', { exact: true });
  await serial.fill('ＺＺ９９９９９９９９９９');
  await serial.press('Enter');
  await expect(page.getByText(/ZZ9999999999 は当店の在庫に登録されていません/).first()).toBeVisible();
});

test('a teller sees no manager screens, and the host refuses a teller’s manager-only call', async ({ page, host }) => {
  await setUpBranch(page, host);
  await logIn(page, MANAGER.id, MANAGER.password);
  const created = await api(page, 'operatorsCreate', { operatorId: 'tel01', name: '鈴木 花子', role: 'teller', password: 'teller123' });
  expect(created.ok).toBe(true);
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await logInFirstTime(page, 'tel01', 'teller123', 'mine56789');

  await expect(page.getByRole('button', { name: '発行受付' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'オペレーター' })).toHaveCount(0);
  const list = await api(page, 'operatorsList', {});
  expect(list.ok ? '' : list.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('役席者のみ') });
  const imp = await api(page, 'stockImport', { fileName: 'x.csv', content: makeOathCsv(1).csv });
  expect(imp.ok).toBe(false);
});
