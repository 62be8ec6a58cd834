import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OtpDigits, TokenState } from '../domain/types';

export interface OtpSearchQuestion {
  id: number;
  state: TokenState;
  digits: OtpDigits;
  /** The code as validateOtpFormat gives it: digits only, `digits` of them. */
  otp: string;
  nowEpochSeconds: number;
}

export type OtpSearchAnswer = { id: number; matches: string[]; searched: number } | { id: number; error: string };

export interface OtpSearch {
  find(q: Omit<OtpSearchQuestion, 'id'>): Promise<{ matches: string[]; searched: number }>;
  close(): Promise<void>;
}

/**
 * The worker run from source (tests, tsx): a tiny module that registers tsx in the worker thread and
 * loads the .ts file beside this one. The hosts run the worker's bundle instead (otp-search-worker.mjs).
 */
export function sourceWorker(): { url: URL } {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  const worker = new URL('./otp-search-worker.ts', import.meta.url).href;
  const boot = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(worker)});`;
  return { url: new URL(`data:text/javascript,${encodeURIComponent(boot)}`) };
}

/**
 * Find-by-OTP in a worker thread, started on first use and kept: a search over tens of thousands of
 * tokens takes seconds of computing, and the server's thread must answer every other call meanwhile.
 */
export function otpSearch(o: { file: string; key: Buffer; worker: { url: URL } }): OtpSearch {
  let worker: Worker | null = null;
  let next = 1;
  const waiting = new Map<number, { resolve: (v: { matches: string[]; searched: number }) => void; reject: (e: Error) => void }>();
  const failAll = (e: Error) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
    worker = null;
  };
  const start = (): Worker => {
    const w = new Worker(o.worker.url, { workerData: { file: o.file, key: new Uint8Array(o.key) } });
    w.unref();
    w.on('message', (a: OtpSearchAnswer) => {
      const caller = waiting.get(a.id);
      waiting.delete(a.id);
      if (!caller) return;
      if ('error' in a) caller.reject(new Error(a.error));
      else caller.resolve({ matches: a.matches, searched: a.searched });
    });
    w.on('error', failAll);
    w.on('exit', (code) => code !== 0 && failAll(new Error(`otp search worker exited ${code}`)));
    return w;
  };
  return {
    find(q) {
      worker ??= start();
      const id = next++;
      const w = worker;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        w.postMessage({ ...q, id } satisfies OtpSearchQuestion);
      });
    },
    async close() {
      const w = worker;
      worker = null;
      if (w) await w.terminate();
    },
  };
}
