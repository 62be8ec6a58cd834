/**
 * `npm run bench`: each figure beside a baseline (its floor) measured in the same run, and their
 * ratio. Nothing here asserts a time; the machines are noisy. Sizes: BENCH_RECEIPTS, BENCH_ISSUANCES, BENCH_ACTS (the counter act beside its floor),
 * BENCH_PSKC, BENCH_STOCK and BENCH_HISTORY (the stock list's years of tokens), BENCH_OTP_SEARCH, BENCH_LOG
 * (the journal's entries for the log), BENCH_SYNC (the entries queued for the sync's drain),
 * BENCH_SYNC_TERMINALS and BENCH_SYNC_PER_TERMINAL (the fan-in into two core instances).
 */
import { benchCounter, benchCounterAged } from './counter-bench';
import { benchGlance } from './glance-bench';
import { benchLog } from './log-bench';
import { benchOtpSearch } from './otp-search-bench';
import { benchReceipts } from './receipt-bench';
import { benchPskcImport, benchStockList } from './stock-bench';
import { benchSync, syncBenchLines } from './sync-bench';

const size = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;

const receiptRuns = size('BENCH_RECEIPTS', 50);
const r = await benchReceipts(receiptRuns);
console.log(`receipt PDF:      ${ms(r.msPerDocument)}/receipt   floor (bare pdfkit, same text, interleaved): ${ms(r.baselineMsPerDocument)}   ratio ${ratio(r.msPerDocument, r.baselineMsPerDocument)}   (n=${receiptRuns})`);
console.log(`receipt size:     ${r.bytesPerReceipt.toLocaleString('en')} B/receipt   before (the same receipt as printed until 2026-12-02): ${r.todaysBytesPerReceipt.toLocaleString('en')} B   ratio ${ratio(r.bytesPerReceipt, r.todaysBytesPerReceipt)}`);

const c = await benchCounter(size('BENCH_ISSUANCES', 40), size('BENCH_ACTS', 400));
console.log(`issuance:         ${c.perSecond.toFixed(1)} /s with its receipt   floor (raw inserts of the same rows): ${c.rawPerSecond.toFixed(1)} /s   ratio ${ratio(c.perSecond, c.rawPerSecond)}   (n=${c.n})`);
console.log(`counter act:      ${ms(c.actMs)} without the PDF   floor (one-row durable commit): ${ms(c.commitMs)}   ratio ${ratio(c.actMs, c.commitMs)}   floor (its own rows as plain inserts): ${ms(c.rowsMs)}   ratio ${ratio(c.actMs, c.rowsMs)}   (n=${c.acts})`);

// Sizes: BENCH_AGED_ENTRIES and BENCH_AGED_TOKENS, the years behind the act (as for the 概況 below).
const a = await benchCounterAged(size('BENCH_ACTS', 400), size('BENCH_AGED_ENTRIES', 1_000_000), size('BENCH_AGED_TOKENS', 400_000));
console.log(`counter act aged: ${ms(a.agedMs)} without the PDF on ${a.entries.toLocaleString('en')} entries and ${a.tokens.toLocaleString('en')} more tokens   floor (the same act on a new ledger, interleaved): ${ms(a.freshMs)}   ratio ${ratio(a.agedMs, a.freshMs)}   (n=${a.acts})`);

const p = await benchPskcImport(size('BENCH_PSKC', 2000));
console.log(`PSKC import:      ${ms(p.importMs)} for ${p.n} encrypted tokens   floor (parse, MAC check and decrypt only): ${ms(p.parseMs)}   ratio ${ratio(p.importMs, p.parseMs)}`);

const s = await benchStockList(size('BENCH_STOCK', 2000), size('BENCH_HISTORY', 398_000));
const rows = s.stock + s.history;
console.log(`stock list:       ${ms(s.aged.all)} (all) / ${ms(s.aged.inStock)} (在庫) with ${rows.toLocaleString('en')} tokens   floor (the same stock alone, ${s.stock}): ${ms(s.fresh.all)} / ${ms(s.fresh.inStock)}   ratio ${ratio(s.aged.all, s.fresh.all)} / ${ratio(s.aged.inStock, s.fresh.inStock)}`);

const o = await benchOtpSearch(size('BENCH_OTP_SEARCH', 50_000));
console.log(`find by OTP:      ${ms(o.searchMs)} over ${o.searched.toLocaleString('en')} tokens${o.found ? '' : ' (NOT FOUND)'}   floor (read, decrypt, 3 HMACs a token): ${ms(o.floorMs)}   ratio ${ratio(o.searchMs, o.floorMs)}   slowest cheap call meanwhile: ${ms(o.slowestCallMs)}`);

// Sizes: BENCH_GLANCE_ENTRIES and BENCH_GLANCE_TOKENS, ten years of a busy branch behind the 概況.
const g = await benchGlance(size('BENCH_GLANCE_ENTRIES', 1_000_000), size('BENCH_GLANCE_TOKENS', 400_000));
console.log(`概況:             ${ms(g.aged)} with ${g.entries.toLocaleString('en')} entries and ${g.tokens.toLocaleString('en')} more tokens   floor (the same branch before them): ${ms(g.fresh)}   ratio ${ratio(g.aged, g.fresh)}`);

const l = await benchLog(size('BENCH_LOG', 1_000_000));
for (const f of l.figures) console.log(`log page:         ${ms(f.ms)} ${f.name} on ${l.entries.toLocaleString('en')} entries   floor (the same rows by primary key): ${ms(f.floorMs)}   ratio ${ratio(f.ms, f.floorMs)}`);
console.log(`log CSV export:   ${Math.round(l.csv.perSecond).toLocaleString('en')} rows/s (${l.csv.rows.toLocaleString('en')} rows, masked, in slices)   floor (the same rows read and written as CSV at once): ${Math.round(l.csv.rawPerSecond).toLocaleString('en')} rows/s   ratio ${ratio(l.csv.perSecond, l.csv.rawPerSecond)}`);

for (const line of syncBenchLines(await benchSync({ drainEntries: size('BENCH_SYNC', 10_000), terminals: size('BENCH_SYNC_TERMINALS', 100), perTerminal: size('BENCH_SYNC_PER_TERMINAL', 200) }))) console.log(line);
