/**
 * The printed counter documents, read back the way an auditor would: the PDF is written to disk
 * and turned into text by poppler's pdftotext (-layout), its fonts listed by pdffonts and its
 * metadata by pdfinfo.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors';
import { renderCounterDocument, type CounterDocument } from '../../../templates/counter-document';
import { SAMPLE_ISSUANCE_RECEIPT } from '../../support/sample-documents';
import { refusal } from '../../support/refusal';

const issuance: CounterDocument = {
  ...SAMPLE_ISSUANCE_RECEIPT,
  notices: ['インターネットバンキングで「トークン利用登録」を行うまでトークンはご利用いただけません。'],
};

const exchange: CounterDocument = {
  ...issuance,
  title: '交換受付票',
  receiptNo: 'R-20261125-001-0043',
  details: [
    { label: '変更前シリアル番号', value: 'VT-0012345678' },
    { label: '変更後シリアル番号', value: 'VT-0098765432' },
  ],
  invoice: undefined,
};

let dir: string;
let seq = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'madoguchi-docs-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function poppler(tool: string, args: string[], pdf: Buffer): string {
  const file = join(dir, `doc-${++seq}.pdf`);
  writeFileSync(file, pdf);
  const run = spawnSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  expect(run.error, `${tool} could not run (is poppler-utils installed?)`).toBeUndefined();
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

const pdfText = (pdf: Buffer) => poppler('pdftotext', ['-layout', '-enc', 'UTF-8'], pdf);

/** Characters pdftotext could not map back to Unicode, or that were decoded in the wrong charset. */
function mojibake(text: string): string[] {
  return [...text].filter((ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    return (
      cp === 0xfffd || // replacement character
      (cp >= 0xe000 && cp <= 0xf8ff) || // private use: glyphs without a Unicode mapping
      (cp < 0x20 && ch !== '\n' && ch !== '\t' && ch !== '\f') || // control characters (pdftotext emits \f between pages)
      (cp >= 0x80 && cp <= 0xff) // Latin-1 supplement: UTF-8 bytes read as Latin-1 (these documents have none)
    );
  });
}

describe('counter document: issuance receipt (qualified simplified invoice)', () => {
  let text: string;
  beforeAll(async () => {
    text = pdfText(renderCounterDocument(issuance));
  });

  it('carries the title, the copy, the receipt number and the JST time', () => {
    expect(text).toContain('ハードウェアトークン発行 領収書');
    expect(text).toContain('お客さま控');
    expect(text).toMatch(/受付番号\s+R-20261125-001-0042/);
    expect(text).toMatch(/受付時刻\s+2026年11月25日 10時35分25秒/);
    expect(text).not.toContain('再発行');
  });

  it('carries the issuer with its registration number', () => {
    expect(text).toContain('みどり信用金庫');
    expect(text).toContain('本店営業部（店番 001）');
    expect(text).toContain('登録番号 T1234567890123');
  });

  it('carries the items a qualified simplified invoice needs', () => {
    expect(text).toMatch(/取引年月日\s+2026年11月25日/);
    expect(text).toContain('ハードウェアトークン発行手数料 2,200円(税込)');
    expect(text).toContain('10%対象 2,200円');
    expect(text).toContain('うち消費税 200円');
    expect(text).toMatch(/お支払方法\s+現金/);
  });

  it('carries the masked customer rows, the serial and the operator', () => {
    expect(text).toMatch(/お名前\s+シンキン タ＊＊ 様/);
    expect(text).toMatch(/契約者ID\s+12\*{4}7890/);
    expect(text).toMatch(/シリアル番号\s+VT-0012345678/);
    expect(text).toMatch(/取扱者\s+窓口 花子（T0123）/);
    expect(text).toContain('受付印');
  });

  it('reads back without mojibake', () => {
    expect(mojibake(text)).toEqual([]);
    expect(text).toContain('インターネットバンキングで「トークン利用登録」を行うまで');
  });

  it('embeds only the Noto Sans JP subsets (no system or standard fonts)', async () => {
    const fonts = poppler('pdffonts', [], renderCounterDocument(issuance));
    const rows = fonts.split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(rows.length).toBe(2);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+NotoSansJP-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    }
  });

  it("lists in its fonts' W arrays only the widths other than the default 1000 (every full-width glyph)", () => {
    const pdf = renderCounterDocument(issuance).toString('latin1');
    const arrays = [...pdf.matchAll(/^\/W \[(.*)\]$/gm)].map((m) => m[1] ?? '');
    expect(arrays).toHaveLength(2);
    for (const widths of arrays) expect(widths.split(/[\s[\]]+/)).not.toContain('1000');
  });

  it('is an A4 page with the document info set, byte-identical for the same input', async () => {
    const first = renderCounterDocument(issuance);
    const second = renderCounterDocument(issuance);
    expect(first.equals(second)).toBe(true);
    const info = poppler('pdfinfo', ['-isodates'], first);
    expect(info).toMatch(/^Title:\s+ハードウェアトークン発行 領収書$/m);
    expect(info).toMatch(/^Creator:\s+madoguchi$/m);
    expect(info).toMatch(/^CreationDate:\s+2026-11-25T01:35:25Z$/m);
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
  });
});

describe('counter document: reprint and branch copy', () => {
  it('shows 再発行 with its count, and 店舗控 with the stamp boxes', async () => {
    const text = pdfText(renderCounterDocument({ ...issuance, copy: 'branch', reprint: { count: 2 } }));
    expect(text).toContain('再発行（2回目）');
    expect(text).toContain('店舗控');
    expect(text).not.toContain('お客さま控');
    expect(text).toMatch(/検印\s+取扱/);
    expect(mojibake(text)).toEqual([]);
  });

  it('refuses a reprint count that is not a positive integer', () => {
    expect(() => renderCounterDocument({ ...issuance, reprint: { count: 0 } })).toThrow(DomainError);
  });
});

describe('counter document: exchange slip without a fee', () => {
  let text: string;
  beforeAll(async () => {
    text = pdfText(renderCounterDocument(exchange));
  });

  it('shows both serials and a fee of 0円', () => {
    expect(text).toContain('交換受付票');
    expect(text).toMatch(/受付番号\s+R-20261125-001-0043/);
    expect(text).toMatch(/変更前シリアル番号\s+VT-0012345678/);
    expect(text).toMatch(/変更後シリアル番号\s+VT-0098765432/);
    expect(text).toMatch(/手数料\s+0円/);
  });

  it('prints no invoice lines', () => {
    for (const invoiceText of ['適格簡易請求書', '領収', '税込', '10%対象', 'うち消費税', '2,200円', '取引年月日']) {
      expect(text).not.toContain(invoiceText);
    }
    expect(mojibake(text)).toEqual([]);
  });
});

describe('counter document: long lists and refusals', () => {
  it('continues a long list on further pages, with page numbers', async () => {
    const details = Array.from({ length: 60 }, (_, i) => ({
      label: `返却 ${i + 1}`,
      value: `VT-${String(1000 + i).padStart(10, '0')}`,
    }));
    const pdf = renderCounterDocument({ ...exchange, title: '返却一覧', details });
    const text = pdfText(pdf);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', [], pdf))?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('返却一覧（続き）');
    expect(text).toContain(`1/${pages}`);
    for (const row of details) expect(text).toContain(row.value);
  });

  it('refuses an invoice whose amounts do not add up', () => {
    const invoice = { ...issuance.invoice!, tax: 199 };
    expect(refusal(() => renderCounterDocument({ ...issuance, invoice })).code).toBe('DOCUMENT_INVOICE_AMOUNTS');
  });

  it('refuses an invoice without a valid registration number', () => {
    const issuer = { ...issuance.issuer, invoiceRegNo: 'T12345' };
    expect(refusal(() => renderCounterDocument({ ...issuance, issuer })).code).toBe('DOCUMENT_REG_NO');
  });
});
