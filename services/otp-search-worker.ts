/**
 * Runs off the server's one thread: finds which tokens show a given code, over every token of a
 * state (thousands of seeds to decrypt and codes to compute), on its own read-only connection to
 * the ledger. Started by otp-search.ts with the ledger file and the data key.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { acceptedStep } from '../domain/otp';
import { scanTokens } from '../db/token-scan';
import { SecretBox } from '../db/sealed-secret';
import { NATIVE_HMAC } from './native-hmac';
import type { OtpSearchAnswer, OtpSearchQuestion } from './otp-search';

const { file, key } = workerData as { file: string; key: Uint8Array };
const db = new Database(file, { readonly: true, fileMustExist: true });
const box = new SecretBox(Buffer.from(key));

function search(q: OtpSearchQuestion): OtpSearchAnswer {
  const matches: string[] = [];
  let searched = 0;
  // One read transaction: the whole search sees one state of the stock.
  db.transaction(() => {
    for (const chunk of scanTokens(db, q.state, q.digits)) {
      searched += chunk.length;
      for (const t of chunk) {
        const secret = box.open(t.secretEnc, t.serial);
        // Looking does not use the code up, and a mismatch here counts against no token.
        const step = acceptedStep({ params: t.params, secret, memory: t.memory, code: q.otp, nowEpochSeconds: q.nowEpochSeconds, crypto: NATIVE_HMAC });
        secret.fill(0);
        if (step !== null) matches.push(t.serial);
      }
    }
  })();
  return { id: q.id, matches, searched };
}

parentPort!.on('message', (q: OtpSearchQuestion) => {
  try {
    parentPort!.postMessage(search(q));
  } catch (e) {
    parentPort!.postMessage({ id: q.id, error: e instanceof Error ? e.message : String(e) } satisfies OtpSearchAnswer);
  }
});
