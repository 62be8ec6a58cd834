import { mkdirSync } from 'node:fs';
import { test, expect } from './fixtures';
import { fillApplication, managerWithStock, openScreen, otpNow, pdfFromLink, YAMADA } from './pages';
import { pdfText } from '../support/pdf-text';
import { firstPageSize } from '../../templates/page-layout';

const shots = 'test-results/screens';
mkdirSync(shots, { recursive: true });

test('店舗設定 → プリンターと用紙: the manager sets the 80 mm roll and is told what needs the desktop app; the next receipt is 80 mm wide with the same 受付番号 and amount', async ({ page, host }) => {
  const tokens = await managerWithStock(page, host, 1);

  await openScreen(page, '店舗設定');
  const section = page.getByRole('region', { name: 'プリンターと用紙' });
  await expect(section).toContainText('プリンターの選択・部数・確認画面なしの印刷はデスクトップ版の madoguchi でだけ働きます');
  await expect(section.getByLabel('プリンター', { exact: true })).toBeDisabled();
  await section.getByLabel('ロール紙（80mm）').check();
  await section.getByRole('button', { name: 'プリンターの設定を登録' }).click();
  await expect(page.getByRole('status')).toContainText('用紙：ロール紙（80mm）');
  await section.screenshot({ path: `${shots}/23-printer-settings.png` });

  const token = tokens[0]!;
  await fillApplication(page, YAMADA, token.serial, otpNow(token));
  await page.getByRole('button', { name: '確定' }).click();
  await expect(page.getByTestId('receipt-no')).toHaveText('101-01-0000001');
  await page.getByRole('button', { name: '領収書を表示/印刷' }).click();
  await expect(page.getByRole('status').filter({ hasText: '領収書を別ウィンドウで開きました' })).toBeVisible();
  const pdf = Buffer.from(await pdfFromLink(page, '領収書'), 'base64');
  expect((firstPageSize(pdf).width * 25.4) / 72).toBeCloseTo(80, 1);
  const text = pdfText(pdf).replace(/\s+/gu, ' ');
  for (const word of ['101-01-0000001', token.serial, '2,200円', 'T7000012050002', 'お客さま控']) expect(text).toContain(word);
  expect(text).not.toContain('山田 太郎');
});
