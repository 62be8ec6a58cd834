import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../browser/server';
import type { Dispatch } from '../../../services/handlers';

// Laid out as dist/ is: the renderer's folder, the bridge beside it.
const dir = mkdtempSync(join(tmpdir(), 'madoguchi-host-'));
mkdirSync(join(dir, 'renderer'));
writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>madoguchi</title>');
writeFileSync(join(dir, 'host-bridge.js'), '// bridge');
const dispatch = vi.fn(async (_channel: string, _req: unknown) => ({ ok: true as const, value: {} }));
let host: BrowserHost;

interface Answer {
  status: number;
  body: { ok: boolean; value?: { token?: string }; error?: { code: string; message: string } };
}

/** A raw HTTP request, so that any Host, Origin or body can be sent, and the time it took. */
function send(o: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Answer & { ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method: o.method ?? 'POST', path: o.path, headers: { host: `127.0.0.1:${host.port}`, ...o.headers } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d));
      const isJson = res.headers['content-type']?.startsWith('application/json');
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: isJson ? JSON.parse(text) : {}, ms: performance.now() - started }));
    });
    // The host answers a stranger before reading the body, and may close the socket under it.
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
    req.end(o.body);
  });
}

const startKey = () => new URL(host.url).hash.slice('#k='.length);
const json = (value: unknown) => ({ body: JSON.stringify(value), headers: { 'content-type': 'application/json' } });
let token: string;
const call = (channel: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  send({ path: `/api/${channel}`, body, headers: { 'content-type': 'application/json', 'x-madoguchi-session': token, ...headers } });

beforeAll(async () => {
  host = await startBrowserHost({ dispatch: dispatch as unknown as Dispatch, rendererDir: join(dir, 'renderer'), bridgeFile: join(dir, 'host-bridge.js') });
  const first = await send({ path: '/session', headers: { 'x-madoguchi-start-key': startKey() } });
  token = first.body.value!.token!;
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => dispatch.mockClear());

describe('the start key in the printed URL', () => {
  it('opens one session, once: a second exchange (the URL kept in the History) opens nothing', async () => {
    expect(token).toMatch(/^[\w-]{43}$/);
    const again = await send({ path: '/session', headers: { 'x-madoguchi-start-key': startKey() } });
    expect(again).toMatchObject({ status: 403, body: { ok: false, error: { code: 'NO_SESSION', message: expect.stringContaining('一度だけ開けます') } } });
    expect((await call('setupStatus', '{}')).status).toBe(200);
  });

  it('is not itself a session token', async () => {
    const r = await call('setupStatus', '{}', { 'x-madoguchi-session': startKey() });
    expect(r.status).toBe(403);
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('the first hook, before any body is read', () => {
  it('refuses a call without the session token or with a wrong one, even with a malformed body', async () => {
    for (const headers of [{}, { 'x-madoguchi-session': 'guess' }] as Record<string, string>[]) {
      const r = await send({ path: '/api/journalToday', body: '{"not json', headers: { 'content-type': 'application/json', ...headers } });
      expect(r).toMatchObject({ status: 403, body: { error: { code: 'NO_SESSION' } } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers a 24 MB body from a stranger at once, without parsing it', async () => {
    const big = Buffer.alloc(24 * 1024 * 1024, 0x20);
    const r = await send({ path: '/api/stockImport', body: big, headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(403);
    expect(r.ms).toBeLessThan(500);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a foreign Origin or a request from another site, secret or not', async () => {
    const strangers: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: 'http://127.0.0.1:1' },
      { 'sec-fetch-site': 'cross-site' },
      // Another port on this PC is the same site, not the same origin.
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'none' },
    ];
    for (const headers of strangers) {
      const r = await call('setupStatus', '{}', headers);
      expect(r, JSON.stringify(headers)).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN_HOST', message: 'この要求は許可されていません。' } } });
    }
    const session = await send({ path: '/session', headers: { origin: 'https://evil.example', 'x-madoguchi-start-key': 'x' } });
    expect(session.status).toBe(403);
    expect(dispatch).not.toHaveBeenCalled();
    const ours = await call('setupStatus', '{}', { origin: `http://127.0.0.1:${host.port}`, 'sec-fetch-site': 'same-origin' });
    expect(ours.status).toBe(200);
  });

  it('serves the page to the address bar, and not to another site', async () => {
    expect((await send({ method: 'GET', path: '/', headers: { 'sec-fetch-site': 'none' } })).status).toBe(200);
    expect((await send({ method: 'GET', path: '/host-bridge.js', headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
  });

  it('refuses another host name (DNS rebinding)', async () => {
    const r = await call('setupStatus', '{}', { host: 'evil.example:80' });
    expect(r.status).toBe(421);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('checks the route the router matched, not the raw path', async () => {
    const r = await send({ path: '/%61pi/journalToday', ...json({}) });
    expect(r.status).toBe(403);
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('bodies, in the contract’s own words', () => {
  it('answers malformed JSON and a body that is not JSON with the contract’s BAD_REQUEST', async () => {
    const bad = { code: 'BAD_REQUEST', message: '要求の形式が正しくありません。画面を再読み込みしてください。' };
    expect(await call('journalToday', '{"not json')).toMatchObject({ status: 400, body: { ok: false, error: bad } });
    expect(await call('journalToday', 'hello', { 'content-type': 'text/plain' })).toMatchObject({ status: 400, body: { ok: false, error: bad } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('takes a large body for the seed-file import alone; every other channel a few kilobytes', async () => {
    const tooBig = await call('journalToday', JSON.stringify({ pad: 'x'.repeat(9 * 1024) }));
    expect(tooBig).toMatchObject({ status: 413, body: { ok: false, error: { code: 'TOO_LARGE', message: expect.stringContaining('大きすぎます') } } });
    expect(dispatch).not.toHaveBeenCalled();

    const seedFile = JSON.stringify({ fileName: 'vendor.xml', content: 'x'.repeat(10 * 1024 * 1024) });
    expect((await call('stockImport', seedFile)).status).toBe(200);
    const serials = JSON.stringify({ serials: Array.from({ length: 1000 }, () => 'S'.repeat(40)) });
    expect((await call('returnsCreateBatch', serials)).status).toBe(200);
    expect(dispatch.mock.calls.map(([channel]) => channel)).toEqual(['stockImport', 'returnsCreateBatch']);
    const seedFileTooBig = await call('stockImport', Buffer.alloc(26 * 1024 * 1024, 0x20));
    expect(seedFileTooBig).toMatchObject({ status: 413, body: { error: { code: 'TOO_LARGE', message: expect.stringContaining('シードファイルが大きすぎます') } } });
  });

  it('answers an unknown channel in Japanese', async () => {
    expect(await call('dropTables', '{}')).toMatchObject({ status: 404, body: { error: { code: 'NO_SUCH_CHANNEL', message: '不明な操作です。' } } });
  });
});
