/** Every document on every paper (A4, A5, 80 mm roll), from the same data: page size read back with pdfinfo, words with pdftotext. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAPER_SIZES, type PaperSize } from '../../../domain/printing';
import { renderCounterDocument } from '../../../templates/counter-document';
import { renderDayReport } from '../../../templates/day-report';
import { renderLogReport } from '../../../templates/log-report';
import { firstPageSize } from '../../../templates/page-layout';
import { renderReturnList } from '../../../templates/return-list';
import { pdfText } from '../../support/pdf-text';
import { SAMPLE_DAY_REPORT, SAMPLE_DOCUMENTS, SAMPLE_LOG_REPORT, SAMPLE_RETURN_LIST } from '../../support/sample-documents';

function pdfInfo(pdf: Buffer): { pages: number; width: number; height: number } {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-paper-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const out = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
    return { pages: Number(/Pages:\s+(\d+)/.exec(out)?.[1]), width: Number(size?.[1]), height: Number(size?.[2]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const MM = 72 / 25.4;
const WIDTHS: Record<PaperSize, number> = { A4: 210 * MM, A5: 148 * MM, ROLL_80: 80 * MM };
/** pdftotext puts a space between glyphs of a tight line now and then; compare without them. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

const documents = {
  receipt: (paper: PaperSize) => renderCounterDocument({ ...SAMPLE_DOCUMENTS.issuance, reprint: { count: 1 } }, paper),
  returnList: (paper: PaperSize) => renderReturnList(SAMPLE_RETURN_LIST, paper),
  dayReport: (paper: PaperSize) => renderDayReport(SAMPLE_DAY_REPORT, paper),
  logReport: (paper: PaperSize) => renderLogReport(SAMPLE_LOG_REPORT, paper),
};

describe.each(PAPER_SIZES)('documents on %s', (paper) => {
  it.each(Object.keys(documents) as (keyof typeof documents)[])('%s is one page of the paper’s width', (name) => {
    const pdf = documents[name](paper);
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(1);
    expect(info.width).toBeCloseTo(WIDTHS[paper], 0);
    expect(firstPageSize(pdf).width).toBeCloseTo(WIDTHS[paper], 0);
    if (paper === 'ROLL_80') expect(info.height).toBeLessThan(1000); // as long as the document, not a fixed sheet
  });

  it('the receipt reads the same 受付番号, amount, invoice lines and masking', () => {
    const text = squeeze(pdfText(documents.receipt(paper)));
    for (const words of ['お客さま控', '再発行（1回目）', '受付番号', '001-01-0000042', '2,200円(税込)', '10%対象2,200円（うち消費税200円）', '登録番号T1234567890123', '＊＊＊＊2345', '信＊＊＊様', '001-01-＊＊＊4567', '受付印']) {
      expect(text).toContain(squeeze(words));
    }
    expect(text).not.toContain('C0012345');
    expect(text).not.toContain('1234567様');
  });

  it('the reports keep their figures', () => {
    expect(squeeze(pdfText(documents.dayReport(paper)))).toContain('0円（過不足なし）');
    expect(squeeze(pdfText(documents.returnList(paper)))).toContain('VT0012345672');
    expect(squeeze(pdfText(documents.logReport(paper)))).toContain('001-01-0000042');
  });
});
