/** `npm run verify-ledger -- <file>`: exits 1 and names the first broken link. */
import Database from 'better-sqlite3';
import { verifyChain } from './journal';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run verify-ledger -- <path to madoguchi.sqlite>');
  process.exit(2);
}
const verdict = verifyChain(new Database(file, { readonly: true, fileMustExist: true }));
if (verdict.ok) {
  console.log(`ledger OK: ${verdict.entries} entries, chain intact`);
} else {
  console.error(`ledger BROKEN at entry ${verdict.brokenAt}: ${verdict.reason}`);
  process.exit(1);
}
