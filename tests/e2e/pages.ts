import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { api, expect, type Host } from './fixtures';
import { pdfText } from '../support/pdf-text';
import { codeAt, makeOathCsv, type TestToken } from '../support/seeds';

export const MANAGER = { id: 'mgr01', name: '佐藤 一郎', password: 'manager123' };
/** The data key's recovery passphrase the first manager sets at setup, held for a new PC. */
export const RECOVERY_PASSPHRASE = '支店の金庫は二人で開けます';

/** WCAG 2.1 A and AA rules as axe-core checks them, on what the page shows now. */
export async function violations(page: Page): Promise<Array<{ rule: string; impact: string | null | undefined; nodes: string[] }>> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => ({ rule: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** First run through the setup screen, as a branch would do it. */
export async function setUpBranch(page: Page, host: Host, screenshot?: string): Promise<void> {
  await page.goto(host.url);
  await page.getByLabel('銀行名').fill('北見信用金庫');
  await page.getByLabel('店番', { exact: true }).fill('１０１');
  await page.getByLabel('店名').fill('本店営業部');
  await page.getByLabel('端末番号').fill('1');
  await page.getByLabel('登録番号').fill('T7000012050002');
  await page.getByLabel('オペレーターID').fill(MANAGER.id);
  await page.getByLabel('氏名').fill(MANAGER.name);
  await page.getByLabel('パスワード', { exact: true }).fill(MANAGER.password);
  await page.getByLabel('パスワード（確認）').fill(MANAGER.password);
  await page.getByLabel('復元用パスフレーズ', { exact: true }).fill(RECOVERY_PASSPHRASE);
  await page.getByLabel('復元用パスフレーズ（確認）').fill(RECOVERY_PASSPHRASE);
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  await page.getByRole('button', { name: '初期設定を登録' }).click();
  await expect(page.getByRole('heading', { name: 'オペレーター認証' })).toBeVisible();
}

export type MenuItem = '発行受付' | '交換・再発行' | '利用中止届' | '本日の取引' | '在庫' | '回収トークン' | 'オペレーター' | '店舗設定' | 'パスワード変更' | '概況' | '取引履歴' | '検印待ち' | '日計・締め';

/** Opens a screen from the menu and waits until it is shown: the route changes on hashchange, after the click returns. */
export async function openScreen(page: Page, item: MenuItem): Promise<void> {
  const button = page.getByRole('navigation', { name: '業務メニュー' }).getByRole('button', { name: item, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-current', 'page');
}

export async function logIn(page: Page, id: string, password: string): Promise<void> {
  await page.getByLabel('オペレーターID').fill(id);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByTestId('current-operator')).toBeVisible();
}

/** The first login with a password a manager set: the change screen comes first, then the menu. */
export async function logInFirstTime(page: Page, id: string, first: string, mine: string): Promise<void> {
  await page.getByLabel('オペレーターID').fill(id);
  await page.getByLabel('パスワード', { exact: true }).fill(first);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expect(page.getByTestId('password-required')).toBeVisible();
  await page.getByLabel('現在のパスワード').fill(first);
  await page.getByLabel('新しいパスワード', { exact: true }).fill(mine);
  await page.getByLabel('新しいパスワード（確認）').fill(mine);
  await page.getByRole('button', { name: 'パスワードを変更' }).click();
  await expect(page.getByTestId('current-operator')).toBeVisible();
}

/** シードファイル取込 on the 在庫 screen; an encrypted PSKC file also needs the vendor's 事前共有鍵. */
export async function importSeeds(page: Page, fileName: string, content: string, preSharedKeyHex?: string): Promise<void> {
  await openScreen(page, '在庫');
  const mimeType = /\.(xml|pskc)$/i.test(fileName) ? 'text/xml' : 'text/csv';
  await page.getByLabel('シードファイル', { exact: true }).setInputFiles({ name: fileName, mimeType, buffer: Buffer.from(content) });
  if (preSharedKeyHex !== undefined) await page.getByLabel('事前共有鍵').fill(preSharedKeyHex);
  await page.getByRole('button', { name: '取込', exact: true }).click();
}

/** First run, the manager logged in, `count` tokens imported through the 在庫 screen; returns their seeds. */
export async function managerWithStock(page: Page, host: Host, count: number): Promise<TestToken[]> {
  await setUpBranch(page, host);
  await logIn(page, MANAGER.id, MANAGER.password);
  const { csv, tokens } = makeOathCsv(count);
  await importSeeds(page, 'vendor.csv', csv);
  await expect(page.getByTestId('import-count')).toHaveText(`${count}件`);
  return tokens;
}

export interface Customer {
  contractId: string;
  nameKanji: string;
  nameKana: string;
  account: [string, string, string];
  featurePhone?: boolean;
}

export const YAMADA: Customer = { contractId: 'C0012345', nameKanji: '山田 太郎', nameKana: 'ヤマダ タロウ', account: ['101', '01', '1234567'] };

/** Fills the application form up to the OTP; returns after 確認 is pressed. */
export async function fillApplication(page: Page, c: Customer, serial: string, otp: () => string): Promise<void> {
  await openScreen(page, '発行受付');
  await page.getByLabel('契約者ID').fill(c.contractId);
  await page.getByLabel('お名前（漢字）').fill(c.nameKanji);
  await page.getByLabel('フリガナ').fill(c.nameKana);
  await page.getByLabel('代表口座 店番').fill(c.account[0]);
  await page.getByLabel('科目').selectOption(c.account[1]);
  await page.getByLabel('口座番号').fill(c.account[2]);
  if (c.featurePhone) await page.getByLabel('携帯電話（ガラケー）利用').check();
  await page.getByLabel('本人確認書類').selectOption('DRIVERS_LICENSE');
  await page.getByLabel('お届け印 照合済').check();
  // A barcode scanner types the serial and presses Enter.
  const serialField = page.getByLabel('シリアル番号', { exact: true });
  await serialField.fill(serial);
  await serialField.press('Enter');
  await page.getByLabel('ワンタイムパスワード').fill(otp());
  await page.getByLabel('現金').check();
  await page.getByRole('button', { name: '確認', exact: true }).click();
}

export const otpNow = (t: TestToken) => () => codeAt(t, new Date());

/** The receipt the completion panel links to, read back as text. */
export async function receiptTextFromLink(page: Page): Promise<string> {
  return pdfTextFromLink(page, '領収書');
}

/** Any PDF the screen links to as 「{documentName}PDFを開く」 (交換受付票, 返却一覧 …), as base64. */
export async function pdfFromLink(page: Page, documentName: string): Promise<string> {
  const href = await page.getByRole('link', { name: `${documentName}PDFを開く` }).getAttribute('href');
  expect(href).toMatch(/^blob:/);
  return page.evaluate(async (url) => {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  }, href!);
}

/** That PDF read back as text. */
export async function pdfTextFromLink(page: Page, documentName: string): Promise<string> {
  return pdfText(await pdfFromLink(page, documentName));
}

/** Issues `token` to the customer through the API (set-up for the lifecycle tests). */
export async function issueByApi(page: Page, c: Customer, token: TestToken): Promise<void> {
  const r = await api(page, 'issue', {
    contractId: c.contractId,
    nameKanji: c.nameKanji,
    nameKana: c.nameKana,
    accountBranch: c.account[0],
    accountSubject: c.account[1],
    accountNumber: c.account[2],
    featurePhone: c.featurePhone ?? false,
    identityDocument: 'DRIVERS_LICENSE',
    sealChecked: true,
    serial: token.serial,
    otp: codeAt(token, new Date()),
    payment: 'CASH',
  });
  expect(r.ok ? r.value.serial : r.error).toBe(token.serial);
}

/** Opens a counter screen from the menu and looks the contract up (Enter, as a teller does). */
export async function openWithContract(page: Page, menu: '交換・再発行' | '利用中止届', contractId: string): Promise<void> {
  await openScreen(page, menu);
  const field = page.getByLabel('契約者ID');
  await field.fill(contractId);
  await field.press('Enter');
  await expect(page.getByTestId('contract-summary')).toBeVisible();
}

/** 新しいトークン: scans the serial (Enter), waits for 在庫, types the code it shows now. */
export async function scanNewToken(page: Page, token: TestToken): Promise<void> {
  const serial = page.getByLabel('新しいトークンのシリアル番号');
  await serial.fill(token.serial);
  await serial.press('Enter');
  await expect(page.getByTestId('newSerial-state')).toHaveText('在庫');
  await page.getByLabel('新しいトークンのワンタイムパスワード').fill(codeAt(token, new Date()));
}
