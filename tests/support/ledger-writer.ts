/**
 * A terminal that issues tokens as fast as it can on an existing ledger, so that a test can
 * kill it (SIGKILL, no clean-up) at any point: in the PDF rendering, inside the SQLite
 * transaction, or between two issuances. Prints `committed <receiptNo>` after each commit.
 * argv: dataDir, a JSON file of the tokens' seeds, the clock (ISO) the codes are computed at.
 */
import { VIEWER_PRINTER } from '../../services/printing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApp } from '../../services/app';
import { keyFileStore } from '../../browser/key-file';
import { issueRequest, MANAGER_LOGIN } from './app-fixture';
import { codeAt, type TestToken } from './seeds';

const [dataDir, tokensFile, clock] = [process.argv[2]!, process.argv[3]!, new Date(process.argv[4]!)];
const tokens = (JSON.parse(readFileSync(tokensFile, 'utf8')) as Array<Omit<TestToken, 'secret'> & { secret: string }>).map((t) => ({
  ...t,
  secret: Buffer.from(t.secret, 'hex'),
}));
const app = openApp({
  dataDir,
  keys: keyFileStore(join(dataDir, 'madoguchi.key')),
  printer: VIEWER_PRINTER,
  now: () => clock,
});
const login = await app.dispatch('authLogin', MANAGER_LOGIN);
if (!login.ok) throw new Error(login.error.message);
for (const t of tokens) {
  const stock = await app.dispatch('stockLookup', { serial: t.serial });
  if (!stock.ok || stock.value.state !== 'IN_STOCK') continue;
  const r = await app.dispatch('issue', issueRequest(t.serial, codeAt(t, clock), { contractId: `K${t.serial.slice(-7)}` }));
  if (!r.ok) throw new Error(`${t.serial}: ${r.error.message}`);
  process.stdout.write(`committed ${r.value.receiptNo}\n`);
}
