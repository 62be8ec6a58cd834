import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parsePskc } from '../seeds/pskc';
import { branchWithStock, type Fixture } from '../tests/support/app-fixture';
import { buildEncryptedPskc } from '../tests/support/pskc-builder';

/** A vendor's encrypted PSKC file of `n` tokens through stockImport, beside parsing and decrypting it alone. */
export async function benchPskcImport(n: number) {
  const fx = await branchWithStock({ tokens: 1 });
  try {
    const psk = randomBytes(16);
    const tokens = Array.from({ length: n }, (_, i) => ({ serial: `PK${String(i).padStart(10, '0')}`, id: `k${i}`, secret: randomBytes(20), totp: true }));
    const xml = buildEncryptedPskc(psk, tokens);
    const parseStarted = performance.now();
    parsePskc(xml, { preSharedKey: psk, now: new Date() });
    const parseMs = performance.now() - parseStarted;
    const importStarted = performance.now();
    await fx.call('stockImport', { fileName: 'bench.pskc.xml', content: xml, preSharedKeyHex: psk.toString('hex') });
    return { n, importMs: performance.now() - importStarted, parseMs };
  } finally {
    fx.cleanup();
  }
}

/** Long-issued tokens added straight into the table: years of history behind the same stock. */
function addHistory(fx: Fixture, count: number): void {
  const db = fx.app.db;
  const batch = (db.prepare('SELECT batch_id AS b FROM seed_batches LIMIT 1').get() as { b: number }).b;
  const insert = db.prepare(
    `INSERT INTO tokens (serial, state, batch_id, algorithm, hash, digits, period, counter, secret_enc, updated_at)
     VALUES (?, ?, ?, 'TOTP', 'SHA1', 6, 30, 0, ?, '2019-10-01T00:00:00.000Z')`,
  );
  const states = ['ACTIVE', 'ACTIVE', 'ACTIVE', 'RETURNED_TO_VENDOR', 'LOST', 'SUSPENDED'];
  const secret = Buffer.alloc(48);
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(`HS${String(i).padStart(10, '0')}`, states[i % states.length], batch, secret);
  })();
}

async function timeList(fx: Fixture, runs: number): Promise<{ all: number; inStock: number }> {
  const time = async (req: { state?: 'IN_STOCK' }) => {
    await fx.call('stockList', req);
    const started = performance.now();
    for (let i = 0; i < runs; i++) await fx.call('stockList', req);
    return (performance.now() - started) / runs;
  };
  return { all: await time({}), inStock: await time({ state: 'IN_STOCK' }) };
}

/** The stock list (the 在庫 screen's one call) with `stock` tokens in stock, alone and behind `history` tokens of years past. */
export async function benchStockList(stock: number, history: number, runs = 20) {
  const fx = await branchWithStock({ tokens: stock });
  try {
    const fresh = await timeList(fx, runs);
    addHistory(fx, history);
    const aged = await timeList(fx, runs);
    return { stock, history, fresh, aged };
  } finally {
    fx.cleanup();
  }
}
