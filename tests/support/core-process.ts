/** The core service as its own process (`core-service/main.ts serve`), to be killed outright. */
import { spawn } from 'node:child_process';
import { freePort } from './postgres';

export interface CoreProcess {
  url: string;
  /** SIGKILL: no shutdown, whatever it was doing. */
  kill(): Promise<void>;
}

export async function startCoreProcess(opts: { dataDir: string; databaseUrl?: string; masterKey: Buffer; adminToken: string }): Promise<CoreProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, CORE_MASTER_KEY: opts.masterKey.toString('hex'), CORE_ADMIN_TOKEN: opts.adminToken };
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'core-service/main.ts', 'serve', '--data-dir', opts.dataDir, '--port', String(port)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      if (out.includes('listening on')) resolve();
    });
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.once('exit', (code) => reject(new Error(`core exited ${code} before listening: ${out}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
