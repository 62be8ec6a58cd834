import Fastify, { type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import type pg from 'pg';
import { HEADERS, type EnrolRequest, type PushRequest, type RefusalCode } from '../domain/sync-protocol';
import { clockWarning, forgetOldRequestIds, verifyAdmin, verifyTerminal, type SignedRequest, type Terminal } from './auth';
import { demoSeed } from './demo';
import { contractsPage, stockPage, tokenStatesPage, type PageQuery } from './feeds';
import { allRejections, dailyReport, journalPage, logSecurityEvent, putContracts, securityEvents, tokenStateReport, type ContractInput } from './head-office';
import { applyBatch } from './push';
import { Refused } from './refused';
import { loadSpec } from './spec';
import { activate, allot, importSeeds, type SeedImportRequest } from './stock';
import { enrol, heldSeq, issueEnrolmentCode, listTerminals, revoke } from './terminals';

export const CORE_VERSION = '1.0.0';

export interface CoreOptions {
  pool: pg.Pool;
  masterKey: Buffer;
  adminToken: string;
  logger?: boolean | { level: string };
}

declare module 'fastify' {
  interface FastifyRequest {
    rawBody: Buffer | null;
    terminal: Terminal | null;
    receivedAt: number;
  }
}

/** Bodies above these are refused with BODY_TOO_LARGE before they are parsed. */
export const BODY_LIMITS = { default: 256 * 1024, push: 4 * 1024 * 1024, seedImport: 48 * 1024 * 1024 };

/** Refusals written to the security log (and the service's log), with who asked from where. */
const LOGGED: ReadonlySet<RefusalCode> = new Set([
  'MISSING_SIGNATURE',
  'UNKNOWN_TERMINAL',
  'BAD_SIGNATURE',
  'STALE_TIMESTAMP',
  'REPLAYED_REQUEST',
  'TERMINAL_REVOKED',
  'ADMIN_AUTH',
  'ENROLMENT_CODE_INVALID',
  'CHAIN_BROKEN',
]);

interface Ctx {
  terminal: Terminal | null;
  body: unknown;
  query: PageQuery & Record<string, string>;
  params: Record<string, string>;
}

const signedOf = (req: FastifyRequest): SignedRequest => ({ method: req.method, url: req.url, headers: req.headers, rawBody: req.rawBody });

function asRefused(err: FastifyError | Error): Refused {
  if (err instanceof Refused) return err;
  const f = err as FastifyError;
  if (f.validation) return new Refused('INVALID_REQUEST', `要求の形式が正しくありません: ${f.message}`);
  if (f.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new Refused('BODY_TOO_LARGE', '要求が大きすぎます');
  if (f.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new Refused('UNSUPPORTED_MEDIA_TYPE', 'application/json で送ってください');
  if (f.statusCode !== undefined && f.statusCode >= 400 && f.statusCode < 500) return new Refused('INVALID_REQUEST', f.message);
  return new Refused('INTERNAL', '本部サービスで予期しないエラーが発生しました');
}

/**
 * The core service over one PostgreSQL pool. Stateless: everything that makes an entry apply
 * once (sequence, chain head, request ids) is in the database, so instances can share it.
 */
export async function buildCore(opts: CoreOptions): Promise<FastifyInstance> {
  const { pool, masterKey, adminToken } = opts;
  const spec = loadSpec();
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: BODY_LIMITS.default,
    // The wire is taken as sent: no coercion, no defaults, no silently dropped fields.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, strict: false } },
  });
  app.decorateRequest('rawBody', null);
  app.decorateRequest('terminal', null);
  app.decorateRequest('receivedAt', 0);
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body: Buffer, done) => {
    req.rawBody = body;
    if (body.length === 0) return done(null, undefined);
    try {
      done(null, JSON.parse(body.toString('utf8')));
    } catch {
      done(new Refused('MALFORMED_JSON', '本文が JSON として読めません'), undefined);
    }
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header(HEADERS.serverTime, String(Date.now()));
  });
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ error: { code: 'NOT_FOUND', message: `${req.method} ${req.url} はありません` }, serverTime: new Date().toISOString() });
  });
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    const refused = asRefused(err);
    if (refused.status >= 500) req.log.error(err);
    if (LOGGED.has(refused.code)) {
      const terminalId = typeof req.headers[HEADERS.terminal] === 'string' ? (req.headers[HEADERS.terminal] as string) : null;
      req.log.warn({ code: refused.code, terminalId, path: req.url }, 'refused');
      await logSecurityEvent(pool, { code: refused.code, terminalId, method: req.method, path: req.url.slice(0, 500), remote: req.ip ?? null, detail: refused.message }).catch((e) =>
        req.log.error(e),
      );
    }
    reply.status(refused.status).send({ error: { code: refused.code, message: refused.message, ...refused.extra }, serverTime: new Date().toISOString() });
  });

  const handlers: Record<string, (c: Ctx) => Promise<object>> = {
    health: async () => ({ ok: true, version: CORE_VERSION }),
    enrol: (c) => enrol(pool, masterKey, c.body as EnrolRequest),
    status: async (c) => ({ terminalId: c.terminal!.terminalId, heldSeq: await heldSeq(pool, c.terminal!.terminalId) }),
    push: async (c) => {
      const out = await applyBatch(pool, c.terminal!.terminalId, (c.body as PushRequest).entries);
      if (out.broken) throw new Refused('CHAIN_BROKEN', out.broken.reason, { heldSeq: out.heldSeq, seq: out.broken.seq });
      return out;
    },
    pullContracts: (c) => contractsPage(pool, c.query),
    pullTokenStates: (c) => tokenStatesPage(pool, c.query),
    pullStock: (c) => stockPage(pool, masterKey, c.terminal!, c.query),
    adminIssueEnrolmentCode: (c) => {
      const b = c.body as { branchCode: string; terminalNo: string };
      return issueEnrolmentCode(pool, b.branchCode, b.terminalNo);
    },
    adminListTerminals: () => listTerminals(pool),
    adminRevokeTerminal: (c) => revoke(pool, c.params.terminalId!),
    adminImportSeeds: (c) => importSeeds(pool, masterKey, c.body as SeedImportRequest),
    adminAllot: (c) => allot(pool, c.body as { terminalId: string; serials?: string[]; count?: number }),
    adminActivateToken: (c) => activate(pool, c.params.serial!),
    adminPutContracts: (c) => putContracts(pool, (c.body as { items: ContractInput[] }).items),
    adminDailyReport: (c) => dailyReport(pool, c.query.from!, c.query.to!),
    adminTokenStateReport: () => tokenStateReport(pool),
    adminJournal: (c) => journalPage(pool, c.params.terminalId!, c.query),
    adminRejections: () => allRejections(pool),
    adminSecurityEvents: (c) => securityEvents(pool, c.query),
    adminDemoSeed: () => demoSeed(pool, masterKey),
  };
  const unserved = [...spec.operations.keys()].filter((id) => !handlers[id]);
  const undocumented = Object.keys(handlers).filter((id) => !spec.operations.has(id));
  if (unserved.length + undocumented.length > 0) throw new Error(`openapi.yaml and the handlers differ: ${[...unserved, ...undocumented].join(', ')}`);

  for (const op of spec.operations.values()) {
    const handler = handlers[op.operationId]!;
    app.route({
      method: op.method as 'GET' | 'POST' | 'PUT',
      url: op.path.replace(/\{(\w+)\}/gu, ':$1'),
      schema: op.schema,
      bodyLimit: op.operationId === 'push' ? BODY_LIMITS.push : op.operationId === 'adminImportSeeds' ? BODY_LIMITS.seedImport : BODY_LIMITS.default,
      // Who asks is checked before what is asked: an unsigned request learns nothing of the schema.
      preValidation: async (req: FastifyRequest) => {
        req.receivedAt = Date.now();
        const signed = signedOf(req);
        if (op.auth === 'admin') verifyAdmin(adminToken, signed);
        if (op.auth === 'terminal') req.terminal = await verifyTerminal(pool, masterKey, signed, req.receivedAt);
      },
      handler: async (req: FastifyRequest) => {
        const result = await handler({ terminal: req.terminal, body: req.body, query: req.query as Ctx['query'], params: req.params as Ctx['params'] });
        const warning = op.auth === 'admin' ? undefined : clockWarning(signedOf(req), req.receivedAt);
        return { ...result, serverTime: new Date().toISOString(), ...(warning ? { clockWarning: warning } : {}) };
      },
    });
  }

  const pruning = setInterval(() => void forgetOldRequestIds(pool).catch((e) => app.log.error(e)), 60_000);
  pruning.unref();
  app.addHook('onClose', async () => clearInterval(pruning));
  return app;
}
