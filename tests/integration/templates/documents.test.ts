/** What each counter act prints (templates/documents.ts), read back with pdftotext as the customer reads it. */
import { describe, expect, it } from 'vitest';
import { renderCounterDocument } from '../../../templates/counter-document';
import { pdfText } from '../../support/pdf-text';
import { SAMPLE_DOCUMENTS } from '../../support/sample-documents';

/** The labels the layout itself prints beside an invoice's values. */
const INVOICE_LABELS = ['領収金額', '取引年月日', '品目', '税率ごとの内訳', 'お支払方法', '発行者'];

describe.each(Object.entries(SAMPLE_DOCUMENTS))('%s: labels', (_, doc) => {
  it('prints every label whole on one line, never broken inside a word', () => {
    const lines = pdfText(renderCounterDocument(doc)).split('\n');
    const labels = [...doc.customer, ...doc.details].map((r) => r.label).concat(doc.invoice ? INVOICE_LABELS : []);
    const broken = labels.filter((label) => !lines.some((line) => line.includes(label)));
    expect(broken).toEqual([]);
  });
});
