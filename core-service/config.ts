import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface CoreConfig {
  dataDir: string;
  databaseUrl?: string;
  /** AES-256 key for seeds and terminal credentials at rest; the same for every instance. */
  masterKey: Buffer;
  /** Bearer token of head office's endpoints. */
  adminToken: string;
  host: string;
  port: number;
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** --data-dir, else CORE_DATA_DIR, else ~/.local/share/madoguchi-core. */
export function coreDataDir(argv: string[], env: NodeJS.ProcessEnv): string {
  return option(argv, '--data-dir') ?? env.CORE_DATA_DIR ?? join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'madoguchi-core');
}

/** A secret from the environment, else from a file of the data folder made (0600) on first use. */
function secret(dataDir: string, envValue: string | undefined, file: string, make: () => string): string {
  if (envValue) return envValue;
  const path = join(dataDir, file);
  if (!existsSync(path)) writeFileSync(path, make(), { mode: 0o600, flag: 'wx' });
  return readFileSync(path, 'utf8').trim();
}

export function loadConfig(argv: string[], env: NodeJS.ProcessEnv = process.env): CoreConfig {
  const dataDir = coreDataDir(argv, env);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const masterKey = Buffer.from(secret(dataDir, env.CORE_MASTER_KEY, 'core.key', () => randomBytes(32).toString('hex')), 'hex');
  if (masterKey.length !== 32) throw new Error('CORE_MASTER_KEY must be 64 hex digits (32 bytes)');
  return {
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    masterKey,
    adminToken: secret(dataDir, env.CORE_ADMIN_TOKEN, 'admin.token', () => randomBytes(24).toString('base64url')),
    host: option(argv, '--host') ?? env.CORE_HOST ?? '127.0.0.1',
    port: Number(option(argv, '--port') ?? env.CORE_PORT ?? 39200),
  };
}
