import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parsePskc } from '../seeds/pskc';
import { branchWithStock } from '../tests/support/app-fixture';
import { buildEncryptedPskc } from '../tests/support/pskc-builder';
import { codeAt } from '../tests/support/seeds';

/**
 * A vendor's encrypted PSKC file of `n` tokens through the stockImport use case (parse, MAC
 * check, decrypt, seal each seed with AES-GCM, one SQLite transaction, journal), against the
 * baseline of parsing and decrypting the same file alone. Then 「ワンタイムパスワードから探す」
 * over that stock, against computing one code per token from seeds already in the clear.
 */
export async function benchStock(n: number) {
  const fx = await branchWithStock({ tokens: 1 });
  try {
    const psk = randomBytes(16);
    const tokens = Array.from({ length: n }, (_, i) => ({ serial: `PK${String(i).padStart(10, '0')}`, id: `k${i}`, secret: randomBytes(20), totp: true }));
    const xml = buildEncryptedPskc(psk, tokens);

    const parseStarted = performance.now();
    const parsed = parsePskc(xml, { preSharedKey: psk });
    const parseMs = performance.now() - parseStarted;

    const importStarted = performance.now();
    await fx.call('stockImport', { fileName: 'bench.pskc.xml', content: xml, preSharedKeyHex: psk.toString('hex') });
    const importMs = performance.now() - importStarted;

    const findStarted = performance.now();
    const found = await fx.call('stockFindByOtp', { otp: '000000' });
    const findMs = performance.now() - findStarted;
    const clearStarted = performance.now();
    for (const t of fx.tokens.concat(parsed.map((p) => ({ serial: p.serial, secret: Buffer.from(p.secret), params: p.params })))) codeAt(t, fx.clock.now);
    const clearMs = performance.now() - clearStarted;

    return { n, importMs, parseMs, searched: found.searched, findMs, clearMs };
  } finally {
    fx.cleanup();
  }
}
