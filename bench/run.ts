/**
 * `npm run bench`: each figure beside a baseline measured in the same run, and their ratio.
 * Nothing here asserts a time; the machines are noisy.
 */
import { benchIssuance } from './issuance-bench';
import { benchReceipts } from './receipt-bench';

const receiptRuns = Number(process.env.BENCH_RECEIPTS ?? 50);
const issuanceRuns = Number(process.env.BENCH_ISSUANCES ?? 40);

const r = await benchReceipts(receiptRuns);
console.log(
  `receipt PDF:  ${r.msPerDocument.toFixed(1)} ms/receipt   baseline (bare pdfkit, same text): ${r.baselineMsPerDocument.toFixed(1)} ms   ratio ${(r.msPerDocument / r.baselineMsPerDocument).toFixed(2)}x   (n=${receiptRuns})`,
);
const i = await benchIssuance(issuanceRuns);
console.log(
  `issuance:     ${i.perSecond.toFixed(1)} issuances/s   baseline (raw inserts of the same rows): ${i.baselinePerSecond.toFixed(1)} /s   ratio ${(i.perSecond / i.baselinePerSecond).toFixed(2)}x   (n=${issuanceRuns})`,
);
