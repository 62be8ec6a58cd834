/**
 * Run with SQLITE_TMPDIR set to an empty folder: issues two tokens and refuses a wrong code, and
 * prints as JSON the files SQLite made in that folder meanwhile (a journal spilled out of memory is
 * such a file, created and unlinked at once, so it is watched for rather than listed).
 */
import { watch } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { branchWithStock, issueRequest } from './app-fixture';
import { codeAt } from './seeds';

const fx = await branchWithStock({ tokens: 3, renderDocument: () => Buffer.from('%PDF-1.3 fixed') });
const made: string[] = [];
const watcher = watch(process.env.SQLITE_TMPDIR!, (_event, name) => made.push(String(name)));
const [a, b, c] = fx.tokens;
await fx.call('issue', issueRequest(a!.serial, codeAt(a!, fx.clock.now), { contractId: 'C0000001' }));
await fx.call('issue', issueRequest(b!.serial, codeAt(b!, fx.clock.now), { contractId: 'C0000002' }));
const wrong = await fx.app.dispatch('issue', issueRequest(c!.serial, codeAt(b!, fx.clock.now), { contractId: 'C0000003' }));
// The watcher's events arrive on the event loop, after the synchronous transactions.
await sleep(100);
watcher.close();
fx.cleanup();
process.stdout.write(JSON.stringify({ made, refused: !wrong.ok }) + '\n');
