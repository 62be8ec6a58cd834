/**
 * The counter and the bank's core service end to end: browser mode as `npm start` runs it, the
 * core as `npm run core` runs it (on PGlite in a temporary folder), the terminal enrolled in
 * 店舗設定 with head office's code.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test as base, expect } from './fixtures';
import { fillApplication, managerWithStock, openScreen, otpNow, scanNewToken, YAMADA } from './pages';
import { adminOf, enrolTerminal, type Admin } from '../support/core-harness';
import { startCoreProcess } from '../support/core-process';
import type { TestToken } from '../support/seeds';

const shots = 'test-results/screens';
mkdirSync(shots, { recursive: true });

interface Core {
  url: string;
  admin: Admin;
}

const test = base.extend<{ core: Core }>({
  // Playwright reads a fixture's dependencies from this pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  core: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-e2e-core-'));
    const adminToken = randomBytes(16).toString('hex');
    const proc = await startCoreProcess({ dataDir, masterKey: randomBytes(32), adminToken });
    await use({ url: proc.url, admin: adminOf(() => proc.url, adminToken) });
    await proc.kill();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

/** 店舗設定 → 本部との同期, with the code head office issued for 101-01 (the branch setUpBranch makes). */
async function enrol(page: Page, core: Core): Promise<void> {
  const { code } = await core.admin<{ code: string }>('POST', '/v1/admin/enrolment-codes', { branchCode: '101', terminalNo: '01' });
  await openScreen(page, '店舗設定');
  const panel = page.getByRole('region', { name: '本部との同期' });
  await panel.getByLabel('本部サービスのアドレス').fill(core.url);
  await panel.getByLabel('登録コード').fill(code);
  await page.screenshot({ path: `${shots}/40-sync-enrol.png`, fullPage: true });
  await panel.getByRole('button', { name: '本部に登録' }).click();
  await expect(panel.getByTestId('sync-terminal-id')).toHaveText('101-01');
}

/** 今すぐ同期 in the header, until it says 同期済み. */
async function syncNow(page: Page): Promise<void> {
  const header = page.getByRole('group', { name: '本部との同期' });
  await header.getByRole('button', { name: '今すぐ同期' }).click();
  await expect(header.getByTestId('sync-state')).toHaveText('同期済み', { timeout: 30_000 });
}

type Held = { items: { entry: { kind: string; serial: string | null; message: Record<string, unknown> | null } }[] };

test('a token issued here reaches the core; registered online there, the counter shows it 利用中 after a pull', async ({ page, host, core }) => {
  const [token] = (await managerWithStock(page, host, 2)) as [TestToken];
  await enrol(page, core);

  await fillApplication(page, YAMADA, token.serial, otpNow(token));
  await page.getByRole('button', { name: '確定' }).click();
  await expect(page.getByTestId('receipt-no')).toHaveText(/^101-01-\d{7}$/);
  await syncNow(page);
  await page.screenshot({ path: `${shots}/41-sync-header.png` });
  const held = await core.admin<Held>('GET', '/v1/admin/journal/101-01?limit=2000');
  const issued = held.items.map((i) => i.entry).find((e) => e.kind === 'TOKEN_ISSUED')!;
  expect(issued.message).toMatchObject({ contractId: YAMADA.contractId, serial: token.serial });
  const states = await core.admin<{ items: { state: string; count: number }[] }>('GET', '/v1/admin/reports/token-states');
  expect(states.items).toContainEqual({ state: 'ISSUED', count: 1 });

  await core.admin('POST', `/v1/admin/tokens/${token.serial}/activate`);
  await syncNow(page);
  await openScreen(page, '交換・再発行');
  const field = page.getByLabel('契約者ID');
  await field.fill(YAMADA.contractId);
  await field.press('Enter');
  const summary = page.getByTestId('contract-summary');
  await expect(summary).toContainText(token.serial);
  await expect(summary).toContainText('利用中');
  await expect(page.getByTestId('contract-bank')).toContainText('時点');
  await page.screenshot({ path: `${shots}/42-sync-active.png`, fullPage: true });
});

test('a contract issued at another terminal is found here and its token exchanged, and the core learns it', async ({ page, host, core }) => {
  const [fresh] = (await managerWithStock(page, host, 1)) as [TestToken];
  await enrol(page, core);

  // Terminal 201-01 of another branch, with a token head office allotted to it, issues it to C0055501.
  const other = await enrolTerminal(core.admin, core.url, '201', '01');
  const foreign = 'HO0000000001';
  await core.admin('POST', '/v1/admin/seed-imports', { fileName: 'ho.csv', content: `${foreign},${randomBytes(20).toString('hex')},totp,6,30,sha1` });
  await core.admin('POST', '/v1/admin/allotments', { terminalId: other.store.terminalId, serials: [foreign] });
  const account = { branchCode: '201', subject: '01', number: '7654321' };
  other.store.counter('TOKEN_ISSUED', foreign, 'C0055501', { serial: foreign, featurePhone: false, fee: 2200, payment: 'CASH', nameKanji: '鈴木　一郎', nameKana: 'スズキ　イチロウ', account });
  await other.agent.push();

  await syncNow(page);
  await openScreen(page, '交換・再発行');
  const field = page.getByLabel('契約者ID');
  await field.fill('C0055501');
  await field.press('Enter');
  const summary = page.getByTestId('contract-summary');
  await expect(summary).toContainText(foreign);
  await expect(summary).toContainText('鈴＊ ＊＊');
  await page.getByLabel('交換（故障・破損・電池切れ）').check();
  await page.getByLabel('故障', { exact: true }).check();
  await page.getByLabel('故障表示あり').check();
  const oldSerial = page.getByLabel('お預かりしたトークンのシリアル番号');
  await oldSerial.fill(foreign);
  await oldSerial.press('Enter');
  await expect(page.getByText('ご契約のトークンと一致')).toBeVisible();
  await page.getByLabel('本人確認書類').selectOption('HEALTH_INSURANCE');
  await scanNewToken(page, fresh);
  await page.screenshot({ path: `${shots}/43-sync-foreign-exchange.png`, fullPage: true });
  await page.getByRole('button', { name: '確認', exact: true }).click();
  await page.getByRole('button', { name: '確定' }).click();
  await expect(page.getByTestId('old-serial')).toHaveText(foreign);
  await expect(page.getByTestId('new-serial')).toHaveText(fresh.serial);

  await syncNow(page);
  const held = await core.admin<Held>('GET', '/v1/admin/journal/101-01?limit=2000');
  expect(held.items.map((i) => i.entry).find((e) => e.kind === 'TOKEN_EXCHANGED')?.message).toMatchObject({ contractId: 'C0055501', oldSerial: foreign, newSerial: fresh.serial });
  await openScreen(page, '回収トークン');
  await expect(page.getByText(foreign)).toBeVisible();
});
