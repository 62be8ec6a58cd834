/** The vendor return list (templates/return-list.ts), read back with pdftotext as the vendor reads it. */
import { beforeAll, describe, expect, it } from 'vitest';
import { EXCHANGE_REASONS } from '../../../domain/counter-rules';
import { renderReturnList, type ReturnList } from '../../../templates/return-list';
import { pdfText } from '../../support/pdf-text';
import { SAMPLE_BRANCH, SAMPLE_OPERATOR } from '../../support/sample-documents';

/** 70 tokens: several pages; reasons in turn (24 故障, 23 破損, 23 電池切れ), collected on different days. */
const list: ReturnList = {
  branch: SAMPLE_BRANCH,
  operator: SAMPLE_OPERATOR,
  batchId: 3,
  createdAt: new Date('2026-11-25T01:35:25Z'),
  tokens: Array.from({ length: 70 }, (_, i) => ({
    serial: `VT${String(1000000000 + i).padStart(10, '0')}`,
    reason: EXCHANGE_REASONS[i % 3] ?? 'FAULT',
    collectedAt: new Date(Date.UTC(2026, 9, 1 + (i % 28), 2)),
  })),
};

describe('vendor return list', () => {
  let text: string;
  let pages: string[];
  beforeAll(() => {
    text = pdfText(renderReturnList(list));
    pages = text.split('\f').filter((page) => page.trim() !== '');
  });

  it('is addressed to the vendor, from the bank, branch, terminal and operator', () => {
    expect(text).toContain('トークン業者 御中');
    expect(text).toContain('みどり信用金庫');
    expect(text).toContain('本店営業部（店番 001）');
    expect(text).toContain('端末 01');
    expect(text).toMatch(/発送担当\s+窓口\s+花子（T0123）/);
  });

  it('carries the return number, the date and the count', () => {
    expect(text).toContain('回収トークン返却一覧');
    expect(text).toMatch(/返却番号\s+R001-01-00003/);
    expect(text).toMatch(/返却日\s+2026年11月25日/);
    expect(text).toMatch(/返却件数\s+70個/);
  });

  it('counts the tokens per reason', () => {
    expect(text).toMatch(/故障\s+24個\s+破損\s+23個\s+電池切れ\s+23個\s+合計\s+70個/);
  });

  it('lists every serial with its reason and the day it was collected, on one line', () => {
    expect(text).toMatch(/No\.\s+シリアル番号\s+交換理由\s+回収日/);
    expect(text).toMatch(/1\s+VT1000000000\s+故障\s+2026年10月01日/);
    expect(text).toMatch(/2\s+VT1000000001\s+破損\s+2026年10月02日/);
    expect(text).toMatch(/70\s+VT1000000069\s+故障\s+2026年10月14日/);
    for (const t of list.tokens) expect(text).toContain(t.serial);
  });

  it('continues on further pages with a （続き） header, the column names and page numbers', () => {
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      expect(page).toMatch(new RegExp(`${i + 1}\\s*/\\s*${pages.length}`));
      if (i > 0) expect(page).toContain('回収トークン返却一覧（続き）');
    });
    const withTable = pages.filter((page) => /VT\d{10}/.test(page));
    for (const page of withTable) expect(page).toMatch(/No\.\s+シリアル番号\s+交換理由\s+回収日/);
  });

  it('ends with the sender and receiver boxes, each with a date line', () => {
    const last = pages.at(-1) ?? '';
    expect(last).toMatch(/発送者\s+受領者/);
    expect(last.match(/日付\s+年\s+月\s+日/g)).toHaveLength(2);
    expect(last.match(/署名・印/g)).toHaveLength(2);
  });

  it('carries nothing of the customer template (fee, notices, stamp, copy)', () => {
    for (const customerOnly of ['手数料', '0円', 'お客さまへのお知らせ', '受付印', 'お客さま控', '店舗控', '契約者']) {
      expect(text).not.toContain(customerOnly);
    }
  });
});
