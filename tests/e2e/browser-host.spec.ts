import { test, expect, api } from './fixtures';

const SETUP_HEADING = { name: '初期設定' } as const;

test('the API answers only the session the printed URL opened, under its own host name', async ({ request, host }) => {
  const url = `${host.origin}/api/setupStatus`;
  expect((await request.post(url, { data: {} })).status()).toBe(403);
  expect((await request.post(url, { data: {}, headers: { 'x-madoguchi-session': host.startKey } })).status()).toBe(403);

  const opened = await request.post(`${host.origin}/session`, { headers: { 'x-madoguchi-start-key': host.startKey } });
  expect(opened.status()).toBe(200);
  const { token } = ((await opened.json()) as { value: { token: string } }).value;
  const again = await request.post(`${host.origin}/session`, { headers: { 'x-madoguchi-start-key': host.startKey } });
  expect(again.status()).toBe(403);

  expect((await request.post(url, { data: {}, headers: { 'x-madoguchi-session': 'guess' } })).status()).toBe(403);
  expect((await request.post(url, { data: {}, headers: { 'x-madoguchi-session': token, host: 'evil.example:80' } })).status()).toBe(421);
  expect((await request.post(url, { data: {}, headers: { 'x-madoguchi-session': token, origin: 'https://evil.example' } })).status()).toBe(403);
  const right = await request.post(url, { data: {}, headers: { 'x-madoguchi-session': token } });
  expect(right.status()).toBe(200);
  expect(await right.json()).toMatchObject({ ok: true, value: { initialized: false, branch: null } });
});

test('the printed URL opens one tab once; that tab keeps its session through a reload and a return', async ({ page, context, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', SETUP_HEADING)).toBeVisible();
  // The start key leaves the address bar at once (Chromium's History keeps what was typed, though).
  expect(page.url()).toBe(`${host.origin}/`);

  // The same URL from the History, in another tab: nothing opens.
  const fromHistory = await context.newPage();
  await fromHistory.goto(host.url);
  await expect(fromHistory.getByRole('alert')).toContainText('一度だけ開けます');
  await expect(fromHistory.getByRole('heading', SETUP_HEADING)).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('heading', SETUP_HEADING)).toBeVisible();
  await page.goto('about:blank');
  await page.goto(host.url);
  await expect(page.getByRole('heading', SETUP_HEADING)).toBeVisible();
});

test('a web page of another site in the same browser reaches nothing, even holding the session token', async ({ page, context, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', SETUP_HEADING)).toBeVisible();
  const token = await page.evaluate(() => sessionStorage.getItem('madoguchi.session'));
  expect(token).toBeTruthy();
  const body = JSON.stringify({
    bankName: '偽信用金庫', branchCode: '999', branchName: '偽', terminalNo: '1', invoiceRegNo: 'T7000012050002',
    nameOnDocuments: 'FULL', managerId: 'evil01', managerName: '悪意', managerPassword: 'evil12345',
  });
  const target = `${host.origin}/api/setupInitialize`;

  // Another program's page on this PC (same site, another port) and a page from the Internet.
  for (const foreign of ['http://127.0.0.1:1', 'http://evil.example']) {
    const other = await context.newPage();
    const form = `<form method="post" enctype="text/plain" action="${target}"><input name='${body.slice(0, -1)},"x":"' value='"}'></form>`;
    await other.route(`${foreign}/**`, (r) => r.fulfill({ contentType: 'text/html', body: `<!doctype html><title>x</title>${form}` }));
    await other.goto(`${foreign}/`);
    const answers = await other.evaluate(
      async ({ target, token, body }) => {
        const tries: Array<() => Promise<Response>> = [
          () => fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', 'x-madoguchi-session': token }, body }),
          () => fetch(target, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body }),
        ];
        const out: string[] = [];
        for (const t of tries) {
          try {
            const res = await t();
            out.push(res.type === 'opaque' ? 'opaque' : `read ${res.status}`);
          } catch (e) {
            out.push(String(e));
          }
        }
        return out;
      },
      { target, token: token!, body },
    );
    // Nothing the foreign page can read …
    expect(answers.some((a) => a.startsWith('read'))).toBe(false);
    // … and a form posted across sites is refused too.
    await Promise.all([other.waitForURL(target), other.evaluate(() => document.forms[0]!.submit())]);
    await expect(other.locator('body')).toContainText('FORBIDDEN_HOST');
    await other.close();
  }
  // … and nothing reached the ledger.
  expect(await api(page, 'setupStatus', {})).toMatchObject({ ok: true, value: { initialized: false } });
});
