/**
 * The core service for tests, on either backend: a private PostgreSQL cluster (one database per
 * scenario) or the embedded PGlite default in a temporary folder. Every answer any test receives
 * goes through `checkedFetch`, which validates it against openapi.yaml: real traffic checks the
 * document.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { PushEntry } from '../../domain/sync-protocol';
import { migrate, openCoreDb, type CoreDb } from '../../core-service/database';
import { buildCore } from '../../core-service/server';
import { loadSpec } from '../../core-service/spec';
import { CoreClient } from '../../sync/client';
import { SyncAgent, type AgentOptions } from '../../sync/agent';
import { startPostgres, type PgCluster } from './postgres';
import { MemoryStore } from './test-terminal';

export type Backend = 'postgres' | 'pglite';
export const BACKENDS: Backend[] = ['postgres', 'pglite'];

const spec = loadSpec();
const ajv = new Ajv({ strict: false, allErrors: true });
const validators = new Map<string, ValidateFunction>();
const routes = [...spec.operations.values()].map((op) => ({ op, re: new RegExp(`^${op.path.replace(/\{\w+\}/gu, '[^/]+')}$`) }));

/** Answers that did not match the document, for the test to assert empty. */
export const offSpec: string[] = [];

export const checkedFetch: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  const url = new URL(input instanceof Request ? input.url : String(input));
  const method = (init?.method ?? 'GET').toUpperCase();
  const route = routes.find((r) => r.op.method === method && r.re.test(url.pathname));
  const body = await res.clone().text();
  const where = `${method} ${url.pathname} → ${res.status}`;
  if (!route) {
    if (res.status !== 404) offSpec.push(`${where}: no such operation in openapi.yaml`);
    return res;
  }
  const schema = route.op.responses[String(res.status)];
  if (!schema) {
    offSpec.push(`${where}: status not documented`);
    return res;
  }
  const key = `${route.op.operationId} ${res.status}`;
  if (!validators.has(key)) validators.set(key, ajv.compile(schema));
  const validate = validators.get(key)!;
  if (!validate(JSON.parse(body))) offSpec.push(`${where}: ${ajv.errorsText(validate.errors)}`);
  return res;
};

/** A line to the core that can go down, lose the answer after the core committed, or lead elsewhere. */
export function line(target: () => string) {
  const state = { down: false, loseNextAnswer: false, delayMs: 0 };
  const fetchFn: typeof fetch = async (input, init) => {
    if (state.down) throw new TypeError('fetch failed: network down');
    if (state.delayMs > 0) await new Promise((r) => setTimeout(r, state.delayMs));
    const u = new URL(String(input));
    const res = await checkedFetch(new URL(u.pathname + u.search, target()), init);
    if (state.loseNextAnswer) {
      state.loseNextAnswer = false;
      await res.text();
      throw new TypeError('fetch failed: connection reset after the answer was sent');
    }
    return res;
  };
  return { state, fetch: fetchFn };
}

export type Admin = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => Promise<T>;

/** Head office's calls to the core at `baseUrl`. */
export function adminOf(baseUrl: () => string, adminToken: string): Admin {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await checkedFetch(new URL(path, baseUrl()), {
      method,
      headers: { authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
    return answer as T;
  };
}

export interface TerminalOptions {
  agent?: AgentOptions;
  fetch?: typeof fetch;
  now?: () => number;
  url?: string;
}

/** A terminal enrolled by a code head office issued, with its agent. */
export async function enrolTerminal(admin: Admin, baseUrl: string, branchCode: string, terminalNo: string, opts: TerminalOptions = {}) {
  const { code, terminalId } = await admin<{ code: string; terminalId: string }>('POST', '/v1/admin/enrolment-codes', { branchCode, terminalNo });
  const store = new MemoryStore(terminalId);
  const client = new CoreClient({ baseUrl: opts.url ?? baseUrl, fetch: opts.fetch ?? checkedFetch, ...(opts.now ? { now: opts.now } : {}) });
  const agent = new SyncAgent(client, store, opts.agent);
  await agent.enrol(code);
  return { store, agent, client };
}

/** What the core holds of a terminal's journal, to compare with the terminal's entry by entry. */
export async function heldJournal(admin: Admin, terminalId: string): Promise<PushEntry[]> {
  const out: PushEntry[] = [];
  let after = '0';
  for (;;) {
    const page = await admin<{ items: { entry: PushEntry }[]; cursor: string; more: boolean }>('GET', `/v1/admin/journal/${terminalId}?after=${after}&limit=2000`);
    out.push(...page.items.map((i) => i.entry));
    if (!page.more) return out;
    after = page.cursor;
  }
}

export interface CoreEnv {
  backend: Backend;
  /** Base URLs of the running instances. */
  urls: string[];
  masterKey: Buffer;
  adminToken: string;
  databaseUrl: string;
  pool: pg.Pool;
  admin: Admin;
  /** Another instance on the same database. */
  addInstance(): Promise<string>;
  /** A terminal enrolled at this core, with its agent. */
  terminal(branchCode: string, terminalNo: string, opts?: TerminalOptions): Promise<{ store: MemoryStore; agent: SyncAgent; client: CoreClient }>;
  /** Both sides entry by entry: the core holds the terminal's journal exactly, once, in order. */
  heldJournal(terminalId: string): Promise<PushEntry[]>;
  stop(): Promise<void>;
}

/** One per test file: the PostgreSQL cluster (or nothing for PGlite) that scenarios get databases from. */
export class CoreBackend {
  private cluster: PgCluster | null = null;
  private n = 0;

  constructor(readonly backend: Backend) {}

  async setUp(): Promise<void> {
    if (this.backend === 'postgres') this.cluster = await startPostgres();
  }

  tearDown(): void {
    this.cluster?.stop();
  }

  /** A database of its own for one scenario: a PostgreSQL database, or a PGlite data folder. */
  async database(): Promise<{ url: string; close: () => Promise<void>; db?: CoreDb; dataDir?: string }> {
    if (this.cluster) return { url: this.cluster.createDatabase(`scenario_${++this.n}`), close: async () => undefined };
    const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-core-'));
    const db = await openCoreDb({ dataDir });
    return {
      url: db.url,
      db,
      dataDir,
      close: async () => {
        await db.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }

  async start(): Promise<CoreEnv> {
    const database = await this.database();
    return coreOn(this.backend, database.url, database.close);
  }
}

export async function coreOn(backend: Backend, databaseUrl: string, closeDatabase: () => Promise<void> = async () => undefined): Promise<CoreEnv> {
  const masterKey = randomBytes(32);
  const adminToken = randomBytes(16).toString('hex');
  const pools: pg.Pool[] = [];
  const apps: FastifyInstance[] = [];
  const newPool = () => {
    const p = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    pools.push(p);
    return p;
  };
  const pool = newPool();
  await migrate(pool);
  const addInstance = async () => {
    const app = await buildCore({ pool: newPool(), masterKey, adminToken });
    apps.push(app);
    return app.listen({ host: '127.0.0.1', port: 0 });
  };
  const urls = [await addInstance()];
  const admin = adminOf(() => urls[0]!, adminToken);
  const env: CoreEnv = {
    backend,
    urls,
    masterKey,
    adminToken,
    databaseUrl,
    pool,
    admin,
    async addInstance() {
      const url = await addInstance();
      urls.push(url);
      return url;
    },
    terminal: (branchCode, terminalNo, opts) => enrolTerminal(admin, urls[0]!, branchCode, terminalNo, opts),
    heldJournal: (terminalId) => heldJournal(admin, terminalId),
    async stop() {
      for (const app of apps) await app.close();
      for (const p of pools) await p.end();
      await closeDatabase();
    },
  };
  return env;
}

/** Polls until `check` holds; no sleeping on hope. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
