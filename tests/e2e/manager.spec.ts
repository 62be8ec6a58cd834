import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, api } from './fixtures';
import { fillApplication, logIn, managerWithStock, MANAGER, openScreen, otpNow, pdfTextFromLink, violations, YAMADA } from './pages';

const shots = 'test-results/screens';
mkdirSync(shots, { recursive: true });

const MGR02 = { id: 'mgr02', first: 'manager234', own: 'manager345' };
const TEL01 = { id: 'tel01', first: 'teller123', own: 'teller234' };

/** axe-core's checks and a screenshot of what is shown, in 標準 and 拡大; back to 標準 after. */
async function lookAt(page: Page, name: string): Promise<void> {
  for (const size of ['標準', '拡大'] as const) {
    await page.getByRole('button', { name: size, exact: true }).click();
    expect(await violations(page), `${name} (${size})`).toEqual([]);
    await page.screenshot({ path: `${shots}/60-${name}-${size}.png`, fullPage: true });
  }
  await page.getByRole('button', { name: '標準', exact: true }).click();
}

/** The manager standing at this terminal types their own ID and password into the 検印 dialog. */
async function approveAs(page: Page, who: { id: string; own: string }, decision: '承認' | '否認' = '承認'): Promise<void> {
  const dialog = page.getByRole('dialog', { name: '検印' });
  await dialog.getByLabel('役席者のオペレーターID').fill(who.id);
  await dialog.getByLabel('パスワード').fill(who.own);
  await dialog.getByRole('button', { name: decision, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

test('a teller issues; a manager voids it with a second manager’s 検印, reviews the log, exports the CSV, checks the ledger, and closes the day with a difference', async ({ page, host }) => {
  // A whole day at the branch, looked at in both sizes: longer than one counter act.
  test.setTimeout(360_000);
  const [token] = await managerWithStock(page, host, 2);
  // A second manager and a teller, each past the first password change.
  for (const [who, name, role] of [[MGR02, '高橋 次長', 'manager'], [TEL01, '鈴木 花子', 'teller']] as const) {
    expect((await api(page, 'operatorsCreate', { operatorId: who.id, name, role, password: who.first })).ok).toBe(true);
  }
  for (const who of [MGR02, TEL01]) {
    expect((await api(page, 'authLogin', { operatorId: who.id, password: who.first })).ok).toBe(true);
    expect((await api(page, 'authChangePassword', { currentPassword: who.first, newPassword: who.own })).ok).toBe(true);
  }
  expect((await api(page, 'authLogin', { operatorId: MANAGER.id, password: MANAGER.password })).ok).toBe(true);
  await page.getByRole('button', { name: 'ログアウト' }).click();

  // The teller issues at the counter.
  await logIn(page, TEL01.id, TEL01.own);
  await expect(page.getByRole('navigation', { name: '業務メニュー' }).getByRole('button', { name: '取引履歴' })).toHaveCount(0);
  await fillApplication(page, YAMADA, token!.serial, otpNow(token!));
  await page.getByRole('button', { name: '確定' }).click();
  await expect(page.getByTestId('receipt-no')).toHaveText('101-01-0000001');
  await page.getByRole('button', { name: 'ログアウト' }).click();

  // The manager finds it in the log: masked in the list, whole in the detail.
  await logIn(page, MANAGER.id, MANAGER.password);
  await openScreen(page, '取引履歴');
  await page.getByLabel('区分').selectOption('counter');
  await page.getByLabel('受付番号').fill('101-01-0000001');
  await page.getByLabel('受付番号').press('Enter');
  const list = page.getByRole('table', { name: '取引履歴の一覧' });
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(list.locator('tbody tr')).toContainText('＊＊＊＊2345');
  await expect(list).not.toContainText(YAMADA.contractId);
  await page.getByLabel('受付番号').fill('');
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await lookAt(page, '取引履歴');

  await list.getByRole('button', { name: /^記録 \d+ の詳細$/ }).click();
  await expect(page.getByTestId('detail-contract-id')).toHaveText(YAMADA.contractId);
  await expect(page.getByTestId('detail-link')).toContainText('つながっています');
  await lookAt(page, '取引履歴の詳細');

  // 取消: the reason, the request, and the dialog; the maker cannot approve their own request.
  await page.getByRole('button', { name: 'この取引を取り消す（検印）' }).click();
  await page.getByLabel('理由').fill('お客さまの申出（二重申込）');
  await page.getByLabel('理由').press('Enter');
  await page.getByRole('button', { name: '検印を依頼' }).click();
  await page.getByRole('button', { name: '今すぐ検印' }).click();
  const dialog = page.getByRole('dialog', { name: '検印' });
  await dialog.getByLabel('役席者のオペレーターID').fill(MANAGER.id);
  await dialog.getByLabel('パスワード').fill(MANAGER.password);
  await dialog.getByRole('button', { name: '承認', exact: true }).click();
  await expect(dialog.locator('.field-error')).toContainText('依頼した本人は検印できません');
  await expect(dialog.getByLabel('パスワード')).toHaveValue('');
  expect(await violations(page), '検印 dialog with an error (標準)').toEqual([]);
  await page.screenshot({ path: `${shots}/60-検印ダイアログ-標準.png`, fullPage: true });
  // The dialog covers the page, the font switch too: closed, the size changed, opened again.
  await dialog.getByRole('button', { name: 'キャンセル' }).click();
  await page.getByRole('button', { name: '拡大', exact: true }).click();
  await page.getByRole('button', { name: '今すぐ検印' }).click();
  expect(await violations(page), '検印 dialog (拡大)').toEqual([]);
  await page.screenshot({ path: `${shots}/60-検印ダイアログ-拡大.png`, fullPage: true });
  await approveAs(page, MGR02);
  await page.getByRole('button', { name: '標準', exact: true }).click();
  await expect(page.getByTestId('void-done')).toContainText('取消の受付番号は 101-01-0000002 です。');
  await page.getByRole('button', { name: '取消受付票を表示/印刷' }).click();
  const slip = (await pdfTextFromLink(page, '取消受付票')).replace(/\s+/g, ' ');
  for (const words of ['取引の取消 受付票', '101-01-0000001', '−2,200円', 'お客さまの申出（二重申込）']) expect(slip).toContain(words);
  await page.getByRole('button', { name: '一覧に戻る' }).click();

  // The filtered log as CSV for Excel: a BOM, the contract masked as in the list.
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await expect(list.locator('tbody tr')).toHaveCount(2);
  await page.getByRole('button', { name: 'CSVで出力' }).click();
  const save = page.getByRole('link', { name: /^取引履歴_\d{8}\.csv を保存$/ });
  const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
  expect(download.suggestedFilename()).toMatch(/^取引履歴_\d{8}\.csv$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.toString('utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFF記録番号,日付,時刻,取引,詳細,担当,受付番号,シリアル番号,契約者ID,金額,お支払方法');
  expect(csv).toContain('取引の取消');
  expect(csv).toContain('＊＊＊＊2345');
  expect(csv).not.toContain(YAMADA.contractId);

  await page.getByRole('button', { name: '台帳の整合性を確認' }).click();
  await expect(page.getByTestId('ledger-verdict')).toContainText(/^\d+件の記録を確認しました。台帳は改ざんされていません/);
  await lookAt(page, '取引履歴の出力');

  // A request still waiting holds the close: the screen says so and leads to 検印待ち, where it is refused.
  expect((await api(page, 'approvalsRequest', { kind: 'FEE_WAIVER', subject: 'C0099999', reason: '店舗側の不備（検討中）' })).ok).toBe(true);
  await openScreen(page, '日計・締め');
  await expect(page.getByTestId('pending-approvals')).toContainText('検印待ちの依頼が1件あります。');
  await page.getByRole('link', { name: '検印待ちを開く' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '検印待ち' })).toBeVisible();
  const waiting = page.getByRole('table', { name: '検印待ちの一覧' }).locator('tbody tr');
  await expect(waiting).toHaveCount(1);
  await expect(waiting).toContainText('店舗側の不備（検討中）');
  await lookAt(page, '検印待ち');
  await waiting.getByRole('button', { name: /を検印$/ }).click();
  await approveAs(page, MGR02, '否認');
  await expect(page.getByText('検印待ちの依頼はありません。')).toBeVisible();
  await expect(page.locator('.status-message')).toContainText('を否認しました。');

  // 日計・締め: the fee refunded, so no cash is expected; 1,000円 too many is counted, with its reason.
  await openScreen(page, '日計・締め');
  await expect(page.getByTestId('pending-approvals')).toHaveCount(0);
  await expect(page.getByTestId('expected-cash')).toContainText('予定の現金 0円');
  const businessDate = (await page.getByTestId('business-date').textContent())!.replace('営業日 ', '');
  await page.getByLabel('数えた現金').fill('１，０００');
  await page.getByLabel('数えた現金').press('Enter');
  await expect(page.getByLabel('現金の過不足の理由')).toBeFocused();
  await page.getByLabel('現金の過不足の理由').fill('両替金の戻し忘れ（1,000円）');
  await page.getByLabel('在庫（数えた本数）').fill('2');
  await page.getByLabel('在庫破損（数えた本数）').fill('0');
  await page.getByLabel('交換回収（数えた本数）').fill('0');
  await expect(page.getByTestId('cash-difference')).toHaveText('過不足 +1,000円（多い）');
  await lookAt(page, '日計・締め');
  await page.getByRole('button', { name: '確認', exact: true }).click();
  await lookAt(page, '締めの確認');
  await page.getByRole('button', { name: '締める', exact: true }).click();
  await expect(page.getByRole('heading', { name: `${businessDate}を締めました` })).toBeVisible();
  await expect(page.getByTestId('next-business-day')).toContainText('この後の取引は、翌営業日');
  await expect(page.locator('.status-message')).toContainText(`${businessDate}を締めました。`);
  await lookAt(page, '日計・締め完了');
  const report = (await pdfTextFromLink(page, '日計表')).replace(/\s+/g, ' ');
  for (const words of ['日計表', 'ハードウェアトークン発行 1件 2,200円', '取引の取消 1件 −2,200円', '数えた現金 1,000円', '両替金の戻し忘れ（1,000円）']) expect(report).toContain(words);
});

test('the counter’s exceptions, each with a 検印: 手数料免除 before 確定, a second reprint, 取消 left for 検印待ち', async ({ page, host }) => {
  test.setTimeout(360_000);
  const [token] = await managerWithStock(page, host, 1);
  expect((await api(page, 'operatorsCreate', { operatorId: MGR02.id, name: '高橋 次長', role: 'manager', password: MGR02.first })).ok).toBe(true);
  expect((await api(page, 'authLogin', { operatorId: MGR02.id, password: MGR02.first })).ok).toBe(true);
  expect((await api(page, 'authChangePassword', { currentPassword: MGR02.first, newPassword: MGR02.own })).ok).toBe(true);
  expect((await api(page, 'authLogin', { operatorId: MANAGER.id, password: MANAGER.password })).ok).toBe(true);

  // 手数料免除: asked at 確認, approved in the dialog, carried by 確定.
  await fillApplication(page, YAMADA, token!.serial, otpNow(token!));
  await page.getByRole('button', { name: '手数料を免除する（検印）' }).click();
  await page.getByLabel('理由').fill('店舗側の不備による再来店');
  await page.getByRole('button', { name: '検印を依頼' }).click();
  await approveAs(page, MGR02);
  await expect(page.getByTestId('fee-waiver')).toContainText('手数料の免除：承認済（検印 mgr02');
  await expect(page.getByTestId('confirm-fee')).toHaveText('0円（免除）');
  await lookAt(page, '手数料免除');
  await page.getByRole('button', { name: '確定' }).click();
  await expect(page.getByTestId('receipt-no')).toHaveText('101-01-0000001');
  await page.getByRole('button', { name: '領収書を表示/印刷' }).click();
  expect((await pdfTextFromLink(page, '領収書')).replace(/\s+/g, ' ')).toContain('手数料 手数料 0円');

  // A reprint after the first asks for a 検印, then prints with it.
  await openScreen(page, '本日の取引');
  const row = page.getByRole('table', { name: '本日の取引一覧' }).locator('tbody tr').filter({ hasText: 'ハードウェアトークン発行' });
  await row.getByRole('button', { name: '再発行' }).click();
  await expect(page.locator('.status-message')).toContainText('再発行しました');
  await row.getByRole('button', { name: '再発行' }).click();
  await expect(page.getByRole('form', { name: '受付番号 101-01-0000001 の再発行（2回目以降）' })).toContainText('役席者の検印が必要です');
  await lookAt(page, '再発行の検印');
  await page.getByLabel('理由').fill('お客さまが控えを紛失');
  await page.getByRole('button', { name: '検印を依頼' }).click();
  await approveAs(page, MGR02);
  await expect(page.locator('.status-message')).toContainText('の領収書を再発行しました（検印 mgr02');

  // 取消 asked at the counter and left for 検印待ち; decided there.
  await row.getByRole('button', { name: '101-01-0000001 を取消' }).click();
  await page.getByLabel('理由').fill('入力誤り');
  await page.getByRole('button', { name: '検印を依頼' }).click();
  await expect(page.getByRole('button', { name: '今すぐ検印' })).toBeVisible();
  await lookAt(page, '取消の検印依頼');
  await page.getByRole('button', { name: '検印待ちに回す' }).click();
  await openScreen(page, '検印待ち');
  const waiting = page.getByRole('table', { name: '検印待ちの一覧' }).locator('tbody tr');
  await expect(waiting).toHaveCount(1);
  await waiting.getByRole('button', { name: /取引の取消）を検印$/ }).click();
  await approveAs(page, MGR02);
  await expect(page.getByTestId('void-done')).toContainText('取消の受付番号は 101-01-0000002 です。');
  await lookAt(page, '検印待ちの承認後');
});
