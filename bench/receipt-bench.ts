/**
 * How long one printed receipt takes, and how many bytes it keeps for seven years. The time is the
 * counter-document layout's beside a bare pdfkit document carrying the same text lines in the same
 * (embedded, subset) font with plain doc.text calls: the difference is the cost of the layout
 * itself (measuring, ruling, shading, page logic). Both are warmed up, then run alternately, so
 * that neither is timed cold or always after the other. Used by `npm run bench`; no assertions here.
 */
import PDFDocument from 'pdfkit';
import { formatJstDate, formatJstDateTime, formatYen } from '../domain/format';
import { COPY_LABELS } from '../domain/printing';
import { renderCounterDocument, type CounterDocument } from '../templates/counter-document';
import { pdfFont } from '../templates/fonts';
import { pdfBuffer } from '../templates/page-layout';
import { SAMPLE_DOCUMENTS, SAMPLE_ISSUANCE_RECEIPT } from '../tests/support/sample-documents';

/**
 * The issuance receipt (SAMPLE_DOCUMENTS.issuance) as pdfkit wrote it before the default glyph
 * widths were left out of its fonts' W arrays (commit fe77e6b): today's size, to set the new one beside.
 */
const TODAYS_RECEIPT_BYTES = 45_773;

/** Renders of each kind before timing: the first font parse, the JIT. */
const WARM_UP = 5;

/** The text the layout prints for `doc`, one string per line, without any layout. */
function plainLines(doc: CounterDocument): string[] {
  const inv = doc.invoice;
  return [
    COPY_LABELS[doc.copy],
    doc.issuer.bankName,
    `${doc.issuer.branchName}（店番 ${doc.issuer.branchCode}）`,
    `登録番号 ${doc.issuer.invoiceRegNo}`,
    doc.title,
    `受付番号 ${doc.receiptNo} 受付時刻 ${formatJstDateTime(doc.acceptedAt)}`,
    `取扱店 ${doc.issuer.branchName}（${doc.issuer.branchCode}） 取扱者 ${doc.operator.name}（${doc.operator.operatorId}）`,
    'ご契約者',
    ...doc.customer.map((r) => `${r.label} ${r.value}`),
    'お取引内容',
    ...doc.details.map((r) => `${r.label} ${r.value}`),
    ...(inv
      ? [
          '領収書（適格簡易請求書）',
          `領収金額 ${formatYen(inv.totalInclTax)}(税込)`,
          `取引年月日 ${formatJstDate(doc.acceptedAt)}`,
          `品目 ${inv.description} ${formatYen(inv.totalInclTax)}(税込)`,
          `税率ごとの内訳 ${inv.taxRatePercent}%対象 ${formatYen(inv.totalInclTax)}（うち消費税 ${formatYen(inv.tax)}）`,
          `お支払方法 ${inv.paymentMethod}`,
          `発行者 ${doc.issuer.bankName} ${doc.issuer.branchName} 登録番号 ${doc.issuer.invoiceRegNo}`,
          '上記の金額を正に領収いたしました。',
        ]
      : ['手数料', `手数料 ${formatYen(0)}`]),
    'お客さまへのお知らせ',
    ...(doc.notices ?? []).map((n) => `・${n}`),
    '受付印',
    `受付番号 ${doc.receiptNo} 1 / 1 ${COPY_LABELS[doc.copy]}`,
  ];
}

function renderBare(doc: CounterDocument, lines: string[]): Buffer {
  const pdf = new PDFDocument({
    size: 'A4',
    font: '',
    info: { Title: doc.title, Creator: 'madoguchi', CreationDate: doc.acceptedAt },
  });
  pdf.registerFont('R', pdfFont('regular'));
  pdf.registerFont('B', pdfFont('bold'));
  pdf.font('B').fontSize(20).text(lines[4] ?? '');
  pdf.font('R').fontSize(10.5);
  for (const line of lines) pdf.text(line);
  pdf.end();
  return pdfBuffer(pdf);
}

function msFor(render: () => Buffer): number {
  const start = performance.now();
  render();
  return performance.now() - start;
}

/**
 * Mean milliseconds per document over `n` renders of each kind, alternating (and alternating which
 * goes first) after WARM_UP renders of each; and the bytes of the issuance receipt beside today's.
 */
export async function benchReceipts(n: number): Promise<{ msPerDocument: number; baselineMsPerDocument: number; bytesPerReceipt: number; todaysBytesPerReceipt: number }> {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  const doc = SAMPLE_ISSUANCE_RECEIPT;
  const lines = plainLines(doc);
  const layout = () => renderCounterDocument(doc);
  const bare = () => renderBare(doc, lines);
  for (let i = 0; i < WARM_UP; i++) {
    layout();
    bare();
  }
  let layoutMs = 0;
  let bareMs = 0;
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      layoutMs += msFor(layout);
      bareMs += msFor(bare);
    } else {
      bareMs += msFor(bare);
      layoutMs += msFor(layout);
    }
  }
  return {
    msPerDocument: layoutMs / n,
    baselineMsPerDocument: bareMs / n,
    bytesPerReceipt: renderCounterDocument(SAMPLE_DOCUMENTS.issuance).length,
    todaysBytesPerReceipt: TODAYS_RECEIPT_BYTES,
  };
}
