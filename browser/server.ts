import { randomBytes, timingSafeEqual } from 'node:crypto';
import { basename, dirname } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { ApiError, Channel } from '../services/contract';
import { CHANNELS } from '../services/channels';
import { BAD_REQUEST, UNEXPECTED_MESSAGE } from '../services/failures';
import type { Dispatch } from '../services/handlers';
import { CONTENT_SECURITY_POLICY } from '../services/csp';
import { API_PREFIX, NO_SESSION, SESSION_HEADER, SESSION_PATH, START_KEY_HEADER } from './http-api';

export interface BrowserHost {
  /** The one URL to open, with the single-use start key in its fragment. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Every channel's request is a small form but these two: a vendor's seed file, a return list of up to 1,000 serials. */
const SMALL_BODY = 8 * 1024;
const BODY_LIMITS: Partial<Record<Channel, number>> = { stockImport: 25 * 1024 * 1024, returnsCreateBatch: 64 * 1024 };

const FORBIDDEN: ApiError = { code: 'FORBIDDEN_HOST', message: 'この要求は許可されていません。' };
const TOO_LARGE: ApiError = { code: 'TOO_LARGE', message: '要求が大きすぎます。画面を再読み込みしてください。' };
const SEED_FILE_TOO_LARGE: ApiError = { code: 'TOO_LARGE', message: 'シードファイルが大きすぎます。取り込めるのは20MBまでです。' };
const NOT_FOUND: ApiError = { code: 'NO_SUCH_CHANNEL', message: '不明な操作です。' };

const refusal = (error: ApiError) => ({ ok: false, error });

function same(given: unknown, expected: string | null): boolean {
  if (typeof given !== 'string' || expected === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Serves the built renderer and the API on 127.0.0.1 only. The first hook, before any body is
 * read, refuses a request under another host name (DNS rebinding), from another origin or site
 * (a web page in the same browser), and an API call without the session token; so a stranger's
 * request costs nothing however large its body. The start key in the printed URL opens one
 * session, once.
 */
export async function startBrowserHost(o: {
  dispatch: Dispatch;
  rendererDir: string;
  bridgeFile: string;
  port?: number;
}): Promise<BrowserHost> {
  let startKey: string | null = randomBytes(32).toString('base64url');
  const printedKey = startKey;
  let sessionToken: string | null = null;
  // Closing drops every connection: a page left open in the browser keeps its own alive.
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: SMALL_BODY, forceCloseConnections: true });
  // JSON only: a text/plain POST is what another site may send without asking first.
  app.removeContentTypeParser('text/plain');
  let hosts = new Set<string>();
  let origins = new Set<string>();

  // The route Fastify matched, not the raw URL: the router decodes the path (/%61pi/… is /api/…).
  const route = (req: FastifyRequest) => req.routeOptions.url ?? '';
  const isApi = (req: FastifyRequest) => route(req).startsWith(API_PREFIX);
  const isCall = (req: FastifyRequest) => isApi(req) || route(req) === SESSION_PATH;
  /** A page reaches us by address bar or bookmark ('none') and calls us from itself ('same-origin'). */
  function crossesSites(req: FastifyRequest): boolean {
    const site = req.headers['sec-fetch-site'];
    if (site === undefined) return false;
    return isCall(req) ? site !== 'same-origin' : site !== 'same-origin' && site !== 'none';
  }

  app.addHook('onRequest', async (req, reply) => {
    if (!hosts.has(req.headers.host ?? '')) return reply.code(421).send(refusal({ code: 'BAD_HOST', message: FORBIDDEN.message }));
    const origin = req.headers.origin;
    if ((origin !== undefined && !origins.has(origin)) || crossesSites(req)) return reply.code(403).send(refusal(FORBIDDEN));
    if (isApi(req) && !same(req.headers[SESSION_HEADER], sessionToken)) return reply.code(403).send(refusal(NO_SESSION));
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cache-control', 'no-store');
  });
  app.setErrorHandler<FastifyError>((error, req, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send(refusal(route(req) === `${API_PREFIX}stockImport` ? SEED_FILE_TOO_LARGE : TOO_LARGE));
    }
    if (error.statusCode !== undefined && error.statusCode < 500) return reply.code(400).send(refusal(BAD_REQUEST));
    return reply.code(500).send(refusal({ code: 'INTERNAL', message: UNEXPECTED_MESSAGE }));
  });
  app.setNotFoundHandler((_req, reply) => reply.code(404).send(refusal(NOT_FOUND)));

  app.post(SESSION_PATH, async (req, reply) => {
    if (!same(req.headers[START_KEY_HEADER], startKey)) return reply.code(403).send(refusal(NO_SESSION));
    startKey = null;
    sessionToken = randomBytes(32).toString('base64url');
    return { ok: true, value: { token: sessionToken } };
  });
  for (const channel of CHANNELS) {
    app.post(API_PREFIX + channel, { bodyLimit: BODY_LIMITS[channel] ?? SMALL_BODY }, (req) => o.dispatch(channel, req.body));
  }
  app.get('/host-bridge.js', (_req, reply) => reply.type('text/javascript; charset=utf-8').sendFile(basename(o.bridgeFile), dirname(o.bridgeFile)));
  await app.register(fastifyStatic, { root: o.rendererDir, index: 'index.html', wildcard: false });

  await app.listen({ host: '127.0.0.1', port: o.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  origins = new Set([...hosts].map((h) => `http://${h}`));
  return { url: `http://127.0.0.1:${port}/#k=${printedKey}`, port, close: () => app.close() };
}
