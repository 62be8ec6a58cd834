import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { SecretBox } from '../db/sealed-secret';
import { keyFileStore } from '../browser/key-file';
import { branchWithStock } from '../tests/support/app-fixture';
import { codeAt } from '../tests/support/seeds';

/** The least a search can cost: read every token, decrypt its seed, three HMACs (the steps around now). */
function floorMs(file: string, key: Buffer): number {
  const db = new Database(file, { readonly: true });
  const box = new SecretBox(key);
  const counter = Buffer.alloc(8);
  const started = performance.now();
  for (const r of db.prepare("SELECT serial, secret_enc AS s FROM tokens WHERE state = 'IN_STOCK'").iterate() as IterableIterator<{ serial: string; s: Buffer }>) {
    const secret = box.open(r.s, r.serial);
    for (let i = 0; i < 3; i++) {
      counter.writeUInt32BE(i, 4);
      createHmac('sha1', secret).update(counter).digest();
    }
  }
  const ms = performance.now() - started;
  db.close();
  return ms;
}

/**
 * 「ワンタイムパスワードから探す」 over `n` tokens in stock: the search (in its worker), beside its floor in
 * the same run, and the slowest answer to a cheap call (authSession) made every few milliseconds meanwhile.
 */
export async function benchOtpSearch(n: number) {
  const fx = await branchWithStock({ tokens: n });
  try {
    const t = fx.tokens[Math.floor(n / 2)]!;
    const otp = codeAt(t, fx.clock.now);
    await fx.call('stockFindByOtp', { otp }); // the worker starts once per app
    const floor = floorMs(join(fx.dir, 'madoguchi.sqlite'), keyFileStore(join(fx.dir, 'madoguchi.key')).read()!);

    let searching = true;
    let slowestCallMs = 0;
    const cheapCalls = (async () => {
      while (searching) {
        const asked = performance.now();
        await fx.app.dispatch('authSession', {});
        slowestCallMs = Math.max(slowestCallMs, performance.now() - asked);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const started = performance.now();
    const found = await fx.call('stockFindByOtp', { otp });
    const searchMs = performance.now() - started;
    searching = false;
    await cheapCalls;
    return { n, searched: found.searched, found: found.matches.some((m) => m.serial === t.serial), searchMs, floorMs: floor, slowestCallMs };
  } finally {
    fx.cleanup();
  }
}
