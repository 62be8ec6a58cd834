/**
 * `npm run bench`: each figure beside a baseline measured in the same run, and their ratio.
 * Nothing here asserts a time; the machines are noisy.
 */
import { benchIssuance } from './issuance-bench';
import { benchReceipts } from './receipt-bench';
import { benchStock } from './stock-bench';

const receiptRuns = Number(process.env.BENCH_RECEIPTS ?? 50);
const issuanceRuns = Number(process.env.BENCH_ISSUANCES ?? 40);
const stockSize = Number(process.env.BENCH_STOCK ?? 2000);

const r = await benchReceipts(receiptRuns);
console.log(
  `receipt PDF:  ${r.msPerDocument.toFixed(1)} ms/receipt   baseline (bare pdfkit, same text): ${r.baselineMsPerDocument.toFixed(1)} ms   ratio ${(r.msPerDocument / r.baselineMsPerDocument).toFixed(2)}x   (n=${receiptRuns})`,
);
const i = await benchIssuance(issuanceRuns);
console.log(
  `issuance:     ${i.perSecond.toFixed(1)} issuances/s   baseline (raw inserts of the same rows): ${i.baselinePerSecond.toFixed(1)} /s   ratio ${(i.perSecond / i.baselinePerSecond).toFixed(2)}x   (n=${issuanceRuns})`,
);
const s = await benchStock(stockSize);
console.log(
  `PSKC import:  ${s.importMs.toFixed(0)} ms for ${s.n} encrypted tokens   baseline (parse, MAC check and decrypt only): ${s.parseMs.toFixed(0)} ms   ratio ${(s.importMs / s.parseMs).toFixed(2)}x`,
);
console.log(
  `find by OTP:  ${s.findMs.toFixed(0)} ms over ${s.searched} tokens   baseline (one code per token, seeds in the clear): ${s.clearMs.toFixed(0)} ms   ratio ${(s.findMs / s.clearMs).toFixed(2)}x`,
);
