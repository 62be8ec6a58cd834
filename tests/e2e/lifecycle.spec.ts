import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { test, expect, api } from './fixtures';
import {
  fillApplication,
  importSeeds,
  issueByApi,
  logIn,
  managerWithStock,
  MANAGER,
  openScreen,
  openWithContract,
  otpNow,
  pdfTextFromLink,
  scanNewToken,
  setUpBranch,
  YAMADA,
  type Customer,
} from './pages';
import { buildEncryptedPskc } from '../support/pskc-builder';
import { codeAt, type TestToken } from '../support/seeds';

const shots = 'test-results/screens';
mkdirSync(shots, { recursive: true });

/** A feature-phone customer (ガラケー): hands in the paper 利用中止届. */
const SATO: Customer = { contractId: 'C0077001', nameKanji: '佐藤 花子', nameKana: 'サトウ ハナコ', account: ['101', '01', '7654321'], featurePhone: true };

/** The completion panel of 交換・再発行 (serials before and after, the fee), then its slip read back. */
async function exchangedAndSlip(page: Page, serials: [before: string, after: string], fee: string, documentName: string, shot: string): Promise<string> {
  await expect(page.getByTestId('old-serial')).toHaveText(serials[0]);
  await expect(page.getByTestId('new-serial')).toHaveText(serials[1]);
  await expect(page.getByTestId('fee-charged')).toHaveText(fee);
  await page.getByRole('button', { name: `${documentName}を表示/印刷` }).click();
  await page.screenshot({ path: `${shots}/${shot}`, fullPage: true });
  return pdfTextFromLink(page, documentName);
}

async function tokenState(page: Page, serial: string): Promise<string> {
  const r = await api(page, 'stockLookup', { serial });
  return r.ok ? r.value.state : r.error.code;
}

test('free exchange for a dead battery: the old token handed in, a new one from stock, 0円, and the 交換受付票', async ({ page, host }) => {
  const [old, fresh] = (await managerWithStock(page, host, 2)) as [TestToken, TestToken];
  await issueByApi(page, YAMADA, old);

  await openWithContract(page, '交換・再発行', YAMADA.contractId);
  await expect(page.getByTestId('contract-summary')).toContainText(old.serial);
  await expect(page.getByTestId('contract-summary')).toContainText('山＊ ＊＊');
  await page.getByLabel('交換（故障・破損・電池切れ）').check();
  await page.getByLabel('電池切れ', { exact: true }).check();
  // The battery is flat: the token shows nothing, so no symptom mark and no code.
  const oldSerial = page.getByLabel('お預かりしたトークンのシリアル番号');
  await oldSerial.fill(old.serial.toLowerCase());
  await oldSerial.press('Enter');
  await expect(page.getByText('ご契約のトークンと一致')).toBeVisible();
  await expect(oldSerial).toHaveValue(old.serial);
  await page.getByLabel('本人確認書類').selectOption('HEALTH_INSURANCE');
  await scanNewToken(page, fresh);
  await expect(page.getByTestId('fee')).toContainText('0円');
  await page.screenshot({ path: `${shots}/10-exchange-input.png`, fullPage: true });
  // 文字サイズ 拡大: one column, nothing cut off.
  await page.getByRole('button', { name: '拡大' }).click();
  await page.screenshot({ path: `${shots}/10b-exchange-input-large.png`, fullPage: true });
  await page.getByRole('button', { name: '標準' }).click();

  await page.getByRole('button', { name: '確認', exact: true }).click();
  await expect(page.getByRole('heading', { name: '入力内容の確認' })).toBeVisible();
  await expect(page.locator('.confirm')).toContainText('交換（電池切れ）');
  await page.screenshot({ path: `${shots}/11-exchange-confirm.png`, fullPage: true });
  await page.getByRole('button', { name: '確定' }).click();

  await expect(page.getByTestId('receipt-no')).toHaveText(/^101-01-\d{7}$/);
  const receiptNo = (await page.getByTestId('receipt-no').textContent())!;
  const slip = await exchangedAndSlip(page, [old.serial, fresh.serial], '0円（無料）', '交換受付票', '12-exchange-done.png');
  for (const word of ['交換受付票', '変更前', '変更後', old.serial, fresh.serial, receiptNo, '受付時刻', '0円', '電池切れ']) expect(slip).toContain(word);
  expect(slip).not.toContain('うち消費税');

  expect(await tokenState(page, old.serial)).toBe('EXCHANGED');
  expect(await tokenState(page, fresh.serial)).toBe('ISSUED');
});

test('lost reissue: the old serial stopped, 2,200円 with its tax, and the receipt naming both serials', async ({ page, host }) => {
  const [lost, fresh] = (await managerWithStock(page, host, 2)) as [TestToken, TestToken];
  await issueByApi(page, YAMADA, lost);

  await openWithContract(page, '交換・再発行', YAMADA.contractId);
  await page.getByLabel('紛失・盗難', { exact: true }).check();
  await page.getByLabel('紛失', { exact: true }).check();
  await expect(page.getByLabel('お預かりしたトークンのシリアル番号')).toHaveCount(0);
  await page.getByLabel('本人確認書類').selectOption('MY_NUMBER_CARD');
  await scanNewToken(page, fresh);
  await expect(page.getByTestId('fee')).toContainText('2,200円');
  await expect(page.getByTestId('fee')).toContainText('うち消費税 200円');
  await page.getByLabel('現金').check();
  await page.getByRole('button', { name: '確認', exact: true }).click();
  await expect(page.getByRole('note')).toContainText(lost.serial);
  await page.screenshot({ path: `${shots}/13-lost-confirm.png`, fullPage: true });
  await page.getByRole('button', { name: '確定' }).click();

  const receipt = await exchangedAndSlip(page, [lost.serial, fresh.serial], '2,200円（税込） うち消費税 200円', '領収書', '14-lost-done.png');
  for (const word of ['再発行', '2,200円(税込)', 'うち消費税 200円', lost.serial, fresh.serial, 'T7000012050002']) expect(receipt).toContain(word);

  expect(await tokenState(page, lost.serial)).toBe('LOST');
  expect(await tokenState(page, fresh.serial)).toBe('ISSUED');
});

test('feature-phone suspension: the form, the warning, and the 利用中止受付票 saying transfers are restricted', async ({ page, host }) => {
  const [token] = (await managerWithStock(page, host, 1)) as [TestToken];
  await issueByApi(page, SATO, token);

  await openWithContract(page, '利用中止届', SATO.contractId);
  await expect(page.getByTestId('contract-summary')).toContainText('利用あり');
  await page.getByLabel('本人確認書類').selectOption('DRIVERS_LICENSE');
  await page.getByLabel('利用中止するトークンのシリアル番号').fill(token.serial);
  await expect(page.getByText('ご契約のトークンと一致')).toBeVisible();
  await expect(page.getByRole('note')).toContainText('お振込等の資金移動のお取引が制限されます');
  await expect(page.getByRole('note')).toContainText('二度とご利用・再登録いただけません');
  await page.getByLabel('上記をお客さまにご説明し、ご了承いただきました').check();
  await page.screenshot({ path: `${shots}/15-suspend-input.png`, fullPage: true });
  await page.getByRole('button', { name: '確認', exact: true }).click();
  await page.getByRole('button', { name: '確定' }).click();

  await expect(page.getByTestId('suspended-serial')).toHaveText(token.serial);
  const receiptNo = (await page.getByTestId('receipt-no').textContent())!;
  await page.getByRole('button', { name: '利用中止受付票を表示/印刷' }).click();
  await page.screenshot({ path: `${shots}/16-suspend-done.png`, fullPage: true });
  const slip = await pdfTextFromLink(page, '利用中止受付票');
  for (const word of ['利用中止受付票', '資金移動', '制限', token.serial, receiptNo, '利用開始']) expect(slip).toContain(word);

  expect(await tokenState(page, token.serial)).toBe('SUSPENDED');
  // Final: that serial is never handed out again.
  const again = await api(page, 'issue', {
    contractId: 'C0077002', nameKanji: '佐藤 次郎', nameKana: 'サトウ ジロウ', accountBranch: '101', accountSubject: '01', accountNumber: '1111111',
    featurePhone: true, identityDocument: 'DRIVERS_LICENSE', sealChecked: true, serial: token.serial, otp: codeAt(token, new Date()), payment: 'CASH',
  });
  expect(again.ok).toBe(false);
});

test('a smartphone contract is told to use 利用中止 in WEBバンキング, on screen and by the server', async ({ page, host }) => {
  const [token] = (await managerWithStock(page, host, 1)) as [TestToken];
  await issueByApi(page, YAMADA, token);

  await openWithContract(page, '利用中止届', YAMADA.contractId);
  const refusal = page.getByRole('alert').filter({ hasText: 'WEBバンキングの「利用中止」' });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText('スマートフォン・パソコンのご利用です');
  await expect(page.getByTestId('contract-summary')).toContainText('利用なし（スマートフォン・パソコン）');
  await page.screenshot({ path: `${shots}/17-suspend-smartphone.png`, fullPage: true });

  // The rest of the form does not apply, and it does not reach 確認.
  await expect(page.getByLabel('本人確認書類')).toBeDisabled();
  await expect(page.getByLabel('利用中止するトークンのシリアル番号')).toBeDisabled();
  await page.getByRole('button', { name: '確認', exact: true }).click();
  await expect(page.getByLabel('契約者ID')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('heading', { name: '入力内容の確認' })).toHaveCount(0);

  const direct = await api(page, 'suspend', { contractId: YAMADA.contractId, identityDocument: 'DRIVERS_LICENSE', serial: token.serial });
  expect(direct.ok ? 'accepted' : direct.error.code).toBe('SUSPEND_ONLINE');
  expect(await tokenState(page, token.serial)).toBe('ISSUED');
});

test('PSKC import with the pre-shared key through the 在庫 screen, then issuance with a code from the imported seed', async ({ page, host }) => {
  await setUpBranch(page, host);
  await logIn(page, MANAGER.id, MANAGER.password);
  const psk = randomBytes(16);
  const tokens: TestToken[] = ['VX7K2M9Q4A01', 'VX7K2M9Q4A02'].map((serial) => ({
    serial,
    secret: randomBytes(20),
    params: { algorithm: 'TOTP', hash: 'SHA1', digits: 6, period: 30, counter: 0 },
  }));
  const xml = buildEncryptedPskc(
    psk,
    tokens.map((t, i) => ({ serial: t.serial, id: `KP-${i + 1}`, secret: t.secret, totp: true })),
  );

  // A wrong key refuses the whole file.
  await importSeeds(page, 'vendor-2026-12.pskc.xml', xml, randomBytes(16).toString('hex'));
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByTestId('count-IN_STOCK')).toContainText('0');

  await importSeeds(page, 'vendor-2026-12.pskc.xml', xml, psk.toString('hex').toUpperCase());
  await expect(page.getByTestId('import-count')).toHaveText('2件');
  await expect(page.getByTestId('import-result')).toContainText('PSKC');
  await expect(page.getByTestId('count-IN_STOCK')).toContainText('2');
  await page.screenshot({ path: `${shots}/18-stock-pskc.png`, fullPage: true });

  const token = tokens[1]!;
  await fillApplication(page, YAMADA, token.serial, otpNow(token));
  await page.getByRole('button', { name: '確定' }).click();
  await expect(page.getByTestId('issued-serial')).toHaveText(token.serial);
  await expect(page.getByTestId('receipt-no')).toHaveText('101-01-0000001');
  expect(await tokenState(page, token.serial)).toBe('ISSUED');
});

test('the collected token goes back to the vendor in a return batch, with its list', async ({ page, host }) => {
  const [old, fresh, other] = (await managerWithStock(page, host, 3)) as [TestToken, TestToken, TestToken];
  await issueByApi(page, YAMADA, old);
  const exchanged = await api(page, 'exchange', {
    contractId: YAMADA.contractId,
    identityDocument: 'DRIVERS_LICENSE',
    reason: 'FAULT',
    oldSerial: old.serial,
    symptoms: { faultMark: true, batteryLowMark: false, physicalDamage: false },
    newSerial: fresh.serial,
    newOtp: codeAt(fresh, new Date()),
  });
  expect(exchanged.ok).toBe(true);

  await openScreen(page, '回収トークン');
  const row = page.getByRole('row').filter({ hasText: old.serial });
  await expect(row).toContainText(YAMADA.contractId);
  await expect(row.getByRole('checkbox')).toBeChecked();
  await expect(page.getByRole('row').filter({ hasText: other.serial })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/19-returns.png`, fullPage: true });
  await page.getByRole('button', { name: '返却一覧を作成' }).click();

  await expect(page.getByTestId('batch-count')).toHaveText('1個');
  const list = await pdfTextFromLink(page, '返却一覧');
  for (const word of ['回収トークン返却一覧', old.serial, '返却件数']) expect(list).toContain(word);
  expect(list).not.toContain(fresh.serial);
  await expect(page.getByText('返却を待っている回収トークンはありません。')).toBeVisible();
  await page.screenshot({ path: `${shots}/20-returns-done.png`, fullPage: true });
  expect(await tokenState(page, old.serial)).toBe('RETURNED_TO_VENDOR');
});

test('stock care: find a serial from its code, 在庫破損 then 廃棄 with notes, 同期 from two codes, 失敗回数リセット', async ({ page, host }) => {
  const [damaged, drifting, unreadable] = (await managerWithStock(page, host, 3)) as [TestToken, TestToken, TestToken];
  // A wrong code counts as a failure on that token.
  const wrong = String((Number(codeAt(unreadable, new Date())) + 500_000) % 1_000_000).padStart(6, '0');
  const failed = await api(page, 'issue', {
    contractId: 'C0099001', nameKanji: '田中 一郎', nameKana: 'タナカ イチロウ', accountBranch: '101', accountSubject: '01', accountNumber: '2222222',
    featurePhone: false, identityDocument: 'DRIVERS_LICENSE', sealChecked: true, serial: unreadable.serial, otp: wrong, payment: 'CASH',
  });
  expect(failed.ok).toBe(false);

  // Still on 在庫 from the import: 検索 reads the list again.
  await openScreen(page, '在庫');
  await page.getByRole('button', { name: '検索', exact: true }).click();
  await expect(page.getByTestId(`fail-${unreadable.serial}`)).toHaveText('1回');

  // The label cannot be read: find it from the code it shows.
  const code = page.getByLabel('表示されているワンタイムパスワード');
  await code.fill(codeAt(unreadable, new Date()));
  await code.press('Enter');
  await expect(page.getByTestId('otp-matches')).toContainText(unreadable.serial);
  await expect(page.getByTestId('otp-matches')).not.toContainText(damaged.serial);

  // Lifting a lock takes a second manager's 検印 at this terminal.
  expect((await api(page, 'operatorsCreate', { operatorId: 'mgr02', name: '高橋 次長', role: 'manager', password: 'manager234' })).ok).toBe(true);
  await page.getByRole('button', { name: `${unreadable.serial} を失敗回数リセット` }).click();
  await page.getByLabel('理由').fill('お客さまがボタンを押し間違えたため');
  await page.getByRole('button', { name: '検印を依頼' }).click();
  await page.getByRole('button', { name: '今すぐ検印' }).click();
  const dialog = page.getByRole('dialog', { name: '検印' });
  await dialog.getByLabel('役席者のオペレーターID').fill('mgr02');
  await dialog.getByLabel('パスワード').fill('manager234');
  await dialog.getByRole('button', { name: '承認', exact: true }).click();
  await expect(page.getByTestId(`fail-${unreadable.serial}`)).toHaveText('0回');

  await page.getByRole('button', { name: `${damaged.serial} を在庫破損にする` }).click();
  await page.getByLabel('破損の状況').fill('落下により液晶割れ');
  await page.screenshot({ path: `${shots}/21-stock-care.png`, fullPage: true });
  await page.getByRole('button', { name: '在庫破損として登録' }).click();
  // The row's inline form also names the serial until the list comes back: read the state cell.
  await expect(page.getByTestId(`state-${damaged.serial}`)).toHaveText('在庫破損');
  await page.getByRole('button', { name: `${damaged.serial} を廃棄する` }).click();
  await page.getByLabel('廃棄の理由・方法').fill('ベンダー指定の方法で廃棄');
  await page.getByRole('button', { name: '廃棄を登録' }).click();
  await expect(page.getByTestId(`state-${damaged.serial}`)).toHaveText('廃棄');

  // A token whose clock runs five steps (2.5 minutes) ahead.
  // One base time for both codes, so a step boundary between them cannot make them non-consecutive.
  const base = Date.now();
  const ahead = (steps: number) => codeAt(drifting, new Date(base + steps * 30_000));
  await page.getByRole('button', { name: `${drifting.serial} を同期する` }).click();
  await page.getByLabel('1回目のワンタイムパスワード').fill(ahead(5));
  await page.getByLabel('2回目のワンタイムパスワード').fill(ahead(6));
  await page.screenshot({ path: `${shots}/22-stock-resync.png`, fullPage: true });
  await page.getByRole('button', { name: '同期', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '同期しました' })).toContainText(drifting.serial);

  const journal = await api(page, 'journalToday', {});
  const kinds = journal.ok ? journal.value.entries.map((e) => e.kind) : [];
  for (const kind of ['TOKEN_DAMAGED', 'TOKEN_DISPOSED', 'TOKEN_RESYNCED', 'TOKEN_FAILCOUNT_RESET']) expect(kinds).toContain(kind);
});
