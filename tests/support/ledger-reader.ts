/**
 * A second process on the same ledger file: reads, in one read transaction each time, how
 * many issuances, receipts and outbox rows it sees, until it has seen `target` issuances
 * (or 30 s have passed), and prints each distinct snapshot as a JSON line.
 */
import Database from 'better-sqlite3';

const [file, target] = [process.argv[2]!, Number(process.argv[3] ?? 0)];
const db = new Database(file, { readonly: true });
db.pragma('busy_timeout = 5000');
const snapshot = db.transaction(() => ({
  issued: (db.prepare("SELECT COUNT(*) AS n FROM journal WHERE kind = 'TOKEN_ISSUED'").get() as { n: number }).n,
  receipts: (db.prepare('SELECT COUNT(*) AS n FROM receipts').get() as { n: number }).n,
  outbox: (db.prepare('SELECT COUNT(*) AS n FROM outbox').get() as { n: number }).n,
  tokensIssued: (db.prepare("SELECT COUNT(*) AS n FROM tokens WHERE state = 'ISSUED'").get() as { n: number }).n,
}));
const deadline = Date.now() + 30_000;
let last = '';
for (;;) {
  const s = snapshot();
  const line = JSON.stringify(s);
  if (line !== last) process.stdout.write(line + '\n');
  last = line;
  if (s.issued >= target || Date.now() > deadline) break;
}
