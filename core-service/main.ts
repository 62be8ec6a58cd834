/**
 * `npm run core` serves the core service; the other sub-commands are head office's, through the
 * running service's admin endpoints (so that they work the same on PGlite, which one process
 * owns, and on a shared PostgreSQL):
 *
 *   serve (default)                      seed (demo contracts, stock, a terminal to enrol)
 *   enrol-code <店番> <端末番号>          revoke <terminal id>         terminals
 *   import-seeds <file> [--psk <hex> | --password <pw>] [--serial-format ALNUM_12|DIGITS_13|DIGITS_10_GROUPED]   allot <terminal id> <count | serial…>
 *   activate <serial>
 *
 * Options: --data-dir DIR (CORE_DATA_DIR), --host, --port (CORE_HOST, CORE_PORT); DATABASE_URL,
 * CORE_MASTER_KEY and CORE_ADMIN_TOKEN from the environment; CORE_URL for the sub-commands.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadConfig, type CoreConfig } from './config';
import { migrate, openCoreDb } from './database';
import { buildCore } from './server';

const URL_FILE = 'core.url';

async function serve(config: CoreConfig): Promise<void> {
  const db = await openCoreDb(config);
  await migrate(db.pool);
  const app = await buildCore({ pool: db.pool, masterKey: config.masterKey, adminToken: config.adminToken, logger: { level: 'info' } });
  const url = await app.listen({ host: config.host, port: config.port });
  writeFileSync(join(config.dataDir, URL_FILE), url);
  console.log(`madoguchi core: data in ${config.dataDir} (${db.embedded ? 'embedded PostgreSQL (PGlite) in pgdata/' : 'DATABASE_URL'})`);
  console.log(`madoguchi core: admin token in ${join(config.dataDir, 'admin.token')} unless CORE_ADMIN_TOKEN is set`);
  console.log(`madoguchi core: listening on ${url}`);
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function admin(config: CoreConfig, method: string, path: string, body?: unknown): Promise<unknown> {
  const base = process.env.CORE_URL ?? readFileSync(join(config.dataDir, URL_FILE), 'utf8').trim();
  const res = await fetch(new URL(path, base), {
    method,
    headers: { authorization: `Bearer ${config.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = await res.json();
  if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(argv: string[]): Promise<void> {
  const config = loadConfig(argv);
  const [command = 'serve', ...args] = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  const show = (v: unknown) => console.log(JSON.stringify(v, null, 2));
  switch (command) {
    case 'serve':
      return serve(config);
    case 'seed':
      return show(await admin(config, 'POST', '/v1/admin/demo-seed'));
    case 'enrol-code':
      return show(await admin(config, 'POST', '/v1/admin/enrolment-codes', { branchCode: args[0], terminalNo: args[1] }));
    case 'revoke':
      return show(await admin(config, 'POST', `/v1/admin/terminals/${args[0]}/revoke`));
    case 'terminals':
      return show(await admin(config, 'GET', '/v1/admin/terminals'));
    case 'import-seeds': {
      const psk = option(argv, '--psk');
      const password = option(argv, '--password');
      const serialFormat = option(argv, '--serial-format');
      const file = args[0]!;
      const keys = { ...(psk ? { preSharedKey: psk } : {}), ...(password ? { password } : {}), ...(serialFormat ? { serialFormat } : {}) };
      return show(await admin(config, 'POST', '/v1/admin/seed-imports', { fileName: basename(file), content: readFileSync(file, 'utf8'), ...keys }));
    }
    case 'allot': {
      const [terminalId, ...rest] = args;
      const count = rest.length === 1 && /^\d+$/.test(rest[0]!) ? Number(rest[0]) : undefined;
      return show(await admin(config, 'POST', '/v1/admin/allotments', count ? { terminalId, count } : { terminalId, serials: rest }));
    }
    case 'activate':
      return show(await admin(config, 'POST', `/v1/admin/tokens/${args[0]}/activate`));
    default:
      throw new Error(`unknown command ${command}`);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`madoguchi core: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
