import { randomBytes, timingSafeEqual } from 'node:crypto';
import { basename, dirname } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { HTTP_API_PREFIX, SECRET_HEADER } from '../services/channels';
import { isChannel, type Dispatch } from '../services/handlers';
import { CONTENT_SECURITY_POLICY } from '../services/csp';

export interface BrowserHost {
  url: string;
  port: number;
  secret: string;
  close(): Promise<void>;
}

function sameSecret(given: unknown, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

const refusal = (code: string, message: string) => ({ ok: false, error: { code, message } });

/**
 * Serves the built renderer and the API on 127.0.0.1 only. Every API call must carry the
 * secret made here at start-up; the Host header must name this loopback address, so a web
 * page elsewhere (or a DNS-rebinding trick) cannot reach the ledger.
 */
export async function startBrowserHost(o: {
  dispatch: Dispatch;
  rendererDir: string;
  bridgeFile: string;
  port?: number;
}): Promise<BrowserHost> {
  const secret = randomBytes(32).toString('base64url');
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 25 * 1024 * 1024 });
  let allowedHosts: Set<string> = new Set();

  app.addHook('onRequest', async (req, reply) => {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      return reply.code(421).send(refusal('BAD_HOST', 'Misdirected request'));
    }
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cache-control', 'no-store');
  });

  app.post<{ Params: { channel: string } }>(`${HTTP_API_PREFIX}:channel`, async (req, reply) => {
    if (!sameSecret(req.headers[SECRET_HEADER], secret)) {
      return reply.code(403).send(refusal('FORBIDDEN_HOST', 'この要求は許可されていません。'));
    }
    const { channel } = req.params;
    if (!isChannel(channel)) return reply.code(404).send(refusal('NO_SUCH_CHANNEL', '不明な操作です。'));
    return o.dispatch(channel, req.body);
  });
  app.get('/host-bridge.js', (_req, reply) => reply.type('text/javascript; charset=utf-8').sendFile(basename(o.bridgeFile), dirname(o.bridgeFile)));
  await app.register(fastifyStatic, { root: o.rendererDir, index: 'index.html', wildcard: false });

  await app.listen({ host: '127.0.0.1', port: o.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return { url: `http://127.0.0.1:${port}/#k=${secret}`, port, secret, close: () => app.close() };
}
