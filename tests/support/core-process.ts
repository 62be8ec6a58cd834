/** The core service as its own process (`core-service/main.ts serve`), to be killed outright. */
import { spawn } from 'node:child_process';

export interface CoreProcess {
  url: string;
  /** SIGKILL: no shutdown, whatever it was doing. */
  kill(): Promise<void>;
}

export async function startCoreProcess(opts: { dataDir: string; databaseUrl?: string; masterKey: Buffer; adminToken: string }): Promise<CoreProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, CORE_MASTER_KEY: opts.masterKey.toString('hex'), CORE_ADMIN_TOKEN: opts.adminToken };
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'core-service/main.ts', 'serve', '--data-dir', opts.dataDir, '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let out = '';
  // Port 0: the child binds a port the system picks and names it, so no other test can take it in between.
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      const listening = /listening on (http:\/\/\S+)/.exec(out);
      if (listening?.[1]) resolve(listening[1]);
    });
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.once('exit', (code) => reject(new Error(`core exited ${code} before listening: ${out}`)));
  });
  return {
    url,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
