/**
 * The one printed layout for every counter transaction: issuance receipt (領収書), replacement
 * slip (交換受付票), lost reissue, suspension slip (利用中止受付票). The caller describes the
 * document as data; this module only lays it out, on A4/A5 as drawn below or on an 80 mm roll
 * (the same parts in one column: the marks, the issuer, the title, then label/value lines).
 *
 *   [お客さま控] [再発行（2回目）]                          ○○信用金庫
 *                                                    本店営業部（店番 001）
 *                                                    登録番号 T1234567890123
 *                  ハードウェアトークン発行 領収書
 *                  ═══════════════════════════════
 *   | 受付番号 | R-…                | 受付時刻 | 2026年11月25日 10時35分25秒 |
 *   | 取扱店   | 本店営業部（001）  | 取扱者   | 窓口 花子（T0123）          |
 *   ▌ご契約者                 | label | value |   (masked by the caller)
 *   ▌お取引内容               | label | value |
 *   ▌領収書（適格簡易請求書） amount, date, item, 10%対象, うち消費税, payment, issuer + 登録番号
 *     — or ▌手数料 | 手数料 | 0円 | when there is no invoice
 *   ▌お客さまへのお知らせ    paragraphs                  [受付印] or [検印][取扱]
 *   受付番号 …                     1 / n                              お客さま控
 *
 * Rows wrap and tables continue on further pages (with a （続き） header), so long lists fit; the
 * drawing itself is page-layout.ts's. Invalid input (reprint count < 1, invoice amounts that do
 * not add up, a 登録番号 that is not T + 13 digits) is refused with a DomainError rather than printed.
 * Output is deterministic for the same input (CreationDate = acceptedAt).
 */
import { refuse } from '../domain/errors';
import { formatJstDate, formatJstDateTime, formatYen } from '../domain/format';
import { COPY_LABELS, type Copy, type PaperSize } from '../domain/printing';
import { MUTED, PageLayout, renderOn, SHADE, WIDTH, type Cell, type Sheet, type Style } from './page-layout';

export interface CounterDocumentRow {
  label: string;
  value: string;
}

export interface CounterDocument {
  /** e.g. 'ハードウェアトークン発行 領収書', '交換受付票', '利用中止受付票'. */
  title: string;
  /** お客さま控 / 店舗控, printed in the top-left corner and in the page footer. */
  copy: Copy;
  /** Present on a reprint: a 再発行 mark with its count (1 = the first reprint). */
  reprint?: { count: number };
  /** 受付番号, never reused. */
  receiptNo: string;
  /** 受付時刻; printed in JST. Also the PDF CreationDate. */
  acceptedAt: Date;
  issuer: {
    bankName: string;
    branchName: string;
    branchCode: string;
    /** 適格請求書発行事業者登録番号: "T" + 13 digits. */
    invoiceRegNo: string;
  };
  /** 取扱者. */
  operator: { operatorId: string; name: string };
  /** Contract rows, already masked by the caller (契約者ID, お名前, 代表口座 …). */
  customer: CounterDocumentRow[];
  /** What was done (シリアル番号, 変更前/変更後 …). */
  details: CounterDocumentRow[];
  /** A qualified simplified invoice (適格簡易請求書) when a fee is charged; absent means 0円. */
  invoice?: {
    description: string;
    totalInclTax: number;
    taxRatePercent: number;
    tax: number;
    net: number;
    /** '現金' / '口座振替'. */
    paymentMethod: string;
  };
  /**
   * A refund (a void of a paid transaction): a qualified return invoice (適格返還請求書) with the
   * amount given back per tax rate and the original transaction; instead of `invoice`.
   */
  refund?: Omit<NonNullable<CounterDocument['invoice']>, 'paymentMethod'> & {
    /** How the money went back: '現金' / '口座振替'. */
    paymentMethod: string;
    originalReceiptNo: string;
    originalDate: Date;
  };
  /** Paragraphs for the customer (what to do next, where to call). */
  notices?: string[];
  /** Print dates with the 和暦 year beside the 西暦 one, as the branch prefers. */
  japaneseEra?: boolean;
}

/** 「再発行（2回目）」 */
export function reprintMark(count: number): string {
  return `再発行（${count}回目）`;
}

/** Wide enough for the longest label on one line (「利用中止したシリアル番号」, 12 full-width at 10.5 pt): a label broken mid-word reads wrong. */
const LABEL_W = 148;

function validate(doc: CounterDocument): void {
  if (!(doc.acceptedAt instanceof Date) || Number.isNaN(doc.acceptedAt.getTime())) {
    refuse('DOCUMENT_ACCEPTED_AT', '受付時刻が正しくありません。');
  }
  if (doc.reprint && !(Number.isInteger(doc.reprint.count) && doc.reprint.count >= 1)) {
    refuse('DOCUMENT_REPRINT_COUNT', `再発行回数が正しくありません（${doc.reprint.count}）。`);
  }
  if (doc.invoice && doc.refund) refuse('DOCUMENT_INVOICE_AND_REFUND', '領収と返金を1枚の書類に印字することはできません。');
  const inv = doc.invoice ?? doc.refund;
  if (inv) {
    if (!/^T\d{13}$/.test(doc.issuer.invoiceRegNo)) {
      refuse('DOCUMENT_REG_NO', `登録番号は T と 13 桁の数字です（${doc.issuer.invoiceRegNo}）。`);
    }
    const amounts = [inv.totalInclTax, inv.tax, inv.net, inv.taxRatePercent];
    if (!amounts.every((n) => Number.isSafeInteger(n) && n >= 0) || inv.net + inv.tax !== inv.totalInclTax) {
      refuse(
        'DOCUMENT_INVOICE_AMOUNTS',
        `領収金額の内訳が一致しません（税込 ${inv.totalInclTax}、税抜 ${inv.net}、消費税 ${inv.tax}）。`,
      );
    }
  }
}

/** The counter documents' parts: the header with copy, reprint mark and issuer, the receipt lines, fee and closing. */
class CounterLayout extends PageLayout {
  constructor(
    sheet: Sheet,
    private readonly doc: CounterDocument,
  ) {
    super(sheet, { title: doc.title, reference: `受付番号 ${doc.receiptNo}`, corner: COPY_LABELS[doc.copy] });
  }

  header(): void {
    if (this.narrow) {
      this.narrowHeader();
      return;
    }
    const { doc } = this;
    const top = this.y;
    const { left, right } = this;

    // Top left: which copy, and the reprint mark.
    const copyW = this.copyMark(left, top, 12, 28);
    let leftRight = left + copyW;
    if (doc.reprint) leftRight = this.reprintMark(left + copyW + 10, top, 14, 28);
    const leftBottom = top + 28;

    // Top right: the issuer, with its registration number under it (wrapping before the marks).
    const w = Math.min(280, right - leftRight - 16);
    let y = top;
    for (const [text, style] of this.issuerLines(14, 10, 9)) {
      this.put(text, right - w, y, style, w, 'right');
      y += this.height(text, style, w);
    }
    this.y = Math.max(leftBottom, y) + 12;

    this.title(doc.title);
  }

  /** The roll: the marks on the first line, the issuer under them, then the title. */
  private narrowHeader(): void {
    const { doc, left } = this;
    const top = this.y;
    const copyW = this.copyMark(left, top, 9, 20);
    if (doc.reprint) this.reprintMark(left + copyW + 6, top, 10, 20);
    this.y = top + 26;
    for (const [text, style] of this.issuerLines(11, 8.5, 7.5)) {
      this.put(text, left, this.y, style, this.w);
      this.y += this.height(text, style, this.w);
    }
    this.y += 8;
    this.title(doc.title);
  }

  /** お客さま控 / 店舗控 in a frame; its width. */
  private copyMark(x: number, top: number, size: number, h: number): number {
    const copy = COPY_LABELS[this.doc.copy];
    const style = { bold: true, size };
    const w = this.width(copy, style) + size * 2;
    this.box(x, top, w, h, 1);
    this.put(copy, x, top + (h - size * 1.45) / 2, style, w, 'center');
    return w;
  }

  /** A double-framed 再発行 mark, as a stamp would be; where it ends. */
  private reprintMark(x: number, top: number, size: number, h: number): number {
    const mark = reprintMark(this.doc.reprint?.count ?? 1);
    const style = { bold: true, size };
    const w = this.width(mark, style) + size * 2;
    this.box(x, top, w, h, 2);
    this.box(x + 3, top + 3, w - 6, h - 6, 0.6);
    this.put(mark, x, top + (h - size * 1.45) / 2, style, w, 'center');
    return x + w;
  }

  private issuerLines(bank: number, branch: number, regNo: number): [string, Style][] {
    const { issuer } = this.doc;
    return [
      [issuer.bankName, { bold: true, size: bank }],
      [`${issuer.branchName}（店番 ${issuer.branchCode}）`, { size: branch }],
      [`登録番号 ${issuer.invoiceRegNo}`, { size: regNo, color: MUTED }],
    ];
  }

  labelled(rows: CounterDocumentRow[]): Cell[][] {
    return rows.map((r) => [
      { text: r.label, width: LABEL_W, shade: true },
      { text: r.value, width: WIDTH - LABEL_W },
    ]);
  }

  /** 受付番号 and 受付時刻 (prominent), then where and by whom. */
  receiptLines(): void {
    const { doc } = this;
    const labelW = 72;
    const leftW = 176;
    const rightW = WIDTH - 2 * labelW - leftW;
    this.table([
      [
        { text: '受付番号', width: labelW, shade: true, align: 'center' },
        { text: doc.receiptNo, width: leftW, bold: true, size: 14 },
        { text: '受付時刻', width: labelW, shade: true, align: 'center' },
        // With the 和暦 year the line no longer fits: the time goes under the date, not wherever it wraps.
        { text: formatJstDateTime(doc.acceptedAt, { era: doc.japaneseEra }).replace(' ', doc.japaneseEra ? '\n' : ' '), width: rightW, bold: true, size: 11 },
      ],
      [
        { text: '取扱店', width: labelW, shade: true, align: 'center' },
        { text: `${doc.issuer.branchName}（${doc.issuer.branchCode}）`, width: leftW },
        { text: '取扱者', width: labelW, shade: true, align: 'center' },
        { text: `${doc.operator.name}（${doc.operator.operatorId}）`, width: rightW },
      ],
    ]);
  }

  fee(): void {
    const { doc } = this;
    if (doc.refund) {
      this.refund(doc.refund);
      return;
    }
    const inv = doc.invoice;
    if (!inv) {
      this.heading('手数料');
      this.table([
        [
          { text: '手数料', width: LABEL_W, shade: true },
          { text: formatYen(0), width: WIDTH - LABEL_W, bold: true, size: 12 },
        ],
      ]);
      return;
    }
    this.heading('領収書（適格簡易請求書）');
    const value = WIDTH - LABEL_W;
    this.table([
      [
        { text: '領収金額', width: LABEL_W, shade: true },
        { text: `${formatYen(inv.totalInclTax)}(税込)`, width: value, bold: true, size: 16 },
      ],
      [{ text: '取引年月日', width: LABEL_W, shade: true }, { text: formatJstDate(doc.acceptedAt, { era: doc.japaneseEra }), width: value }],
      [
        { text: '品目', width: LABEL_W, shade: true },
        { text: `${inv.description} ${formatYen(inv.totalInclTax)}(税込)`, width: value },
      ],
      [
        { text: '税率ごとの内訳', width: LABEL_W, shade: true },
        {
          text: `${inv.taxRatePercent}%対象 ${formatYen(inv.totalInclTax)}（うち消費税 ${formatYen(inv.tax)}）`,
          width: value,
        },
      ],
      [{ text: 'お支払方法', width: LABEL_W, shade: true }, { text: inv.paymentMethod, width: value }],
      [
        { text: '発行者', width: LABEL_W, shade: true },
        {
          text: `${doc.issuer.bankName} ${doc.issuer.branchName}\n登録番号 ${doc.issuer.invoiceRegNo}`,
          width: value,
        },
      ],
    ]);
    this.closingLine('上記の金額を正に領収いたしました。');
  }

  /** 適格返還請求書: what is given back, per tax rate, for which transaction, from which issuer. */
  private refund(r: NonNullable<CounterDocument['refund']>): void {
    const { doc } = this;
    const value = WIDTH - LABEL_W;
    const minus = (amount: number) => `−${formatYen(amount)}`;
    const date = (at: Date) => formatJstDate(at, { era: doc.japaneseEra });
    this.heading('返金（適格返還請求書）');
    this.table([
      [
        { text: '返金額', width: LABEL_W, shade: true },
        { text: `${minus(r.totalInclTax)}(税込)`, width: value, bold: true, size: 16 },
      ],
      [{ text: '返金年月日', width: LABEL_W, shade: true }, { text: date(doc.acceptedAt), width: value }],
      [{ text: '元のお取引', width: LABEL_W, shade: true }, { text: `${date(r.originalDate)} 受付番号 ${r.originalReceiptNo}`, width: value }],
      [{ text: '品目', width: LABEL_W, shade: true }, { text: `${r.description} ${minus(r.totalInclTax)}(税込)`, width: value }],
      [{ text: '税率ごとの内訳', width: LABEL_W, shade: true }, { text: `${r.taxRatePercent}%対象 ${minus(r.totalInclTax)}（うち消費税 ${minus(r.tax)}）`, width: value }],
      [{ text: '返金方法', width: LABEL_W, shade: true }, { text: r.paymentMethod, width: value }],
      [{ text: '発行者', width: LABEL_W, shade: true }, { text: `${doc.issuer.bankName} ${doc.issuer.branchName}\n登録番号 ${doc.issuer.invoiceRegNo}`, width: value }],
    ]);
    this.closingLine('上記の金額を返金いたしました。');
  }

  /** The sentence under the invoice, close to it. */
  private closingLine(text: string): void {
    const newPage = this.ensure(18);
    const style = { size: this.size(10) };
    this.put(text, this.left, newPage ? this.y : this.y - 6, style, this.w);
    this.y += this.height(text, style, this.w) + (newPage ? 12 : 6);
  }

  /**
   * The notices on the left and the stamp boxes on the right (受付印 on the customer copy,
   * 検印/取扱 on the branch copy), side by side so that the stamps never take a page of their own.
   */
  closing(): void {
    const stamps = this.doc.copy === 'customer' ? ['受付印'] : ['検印', '取扱'];
    if (this.narrow) {
      this.notices(this.w);
      this.ensure(56);
      this.stamps(stamps, this.y + 4, 50, 50);
      this.y += 54;
      return;
    }
    const boxW = 60;
    const boxH = 64;
    const textW = WIDTH - stamps.length * boxW - 16;
    const style = { size: 10 };
    const first = this.doc.notices?.[0];
    this.ensure(Math.max(boxH, first === undefined ? 0 : 20 + this.height(first, style, textW - NOTICE_INDENT)));
    const top = this.y;
    const page = this.page;
    this.stamps(stamps, top, boxW, boxH);
    // Beside the stamps the text is narrower; below them it takes the full width.
    this.notices(textW, () => this.page === page && this.y < top + boxH + 4);
    if (this.page === page) this.y = Math.max(this.y, top + boxH);
  }

  /** 受付印 on the customer copy, 検印/取扱 on the branch copy, at the right. */
  private stamps(stamps: string[], top: number, boxW: number, boxH: number): void {
    stamps.forEach((stamp, i) => {
      const x = this.right - (stamps.length - i) * boxW;
      this.fillBox(x, top, boxW, 17, SHADE);
      this.box(x, top, boxW, boxH, 1);
      this.rule(x, x + boxW, top + 17, 0.5);
      this.put(stamp, x, top + 2, { size: 9 }, boxW, 'center');
    });
  }

  /** The notices, `narrowW` wide while `besideStamps` says so, the full width after. */
  private notices(narrowW: number, besideStamps: () => boolean = () => true): void {
    const notices = this.doc.notices ?? [];
    if (notices.length === 0) return;
    const style = { size: this.size(10) };
    this.heading('お客さまへのお知らせ');
    for (const paragraph of notices) {
      let w = (besideStamps() ? narrowW : this.w) - NOTICE_INDENT;
      if (this.ensure(this.height(paragraph, style, w))) w = this.w - NOTICE_INDENT;
      this.put('・', this.left, this.y, style);
      this.put(paragraph, this.left + NOTICE_INDENT, this.y, style, w);
      this.y += this.height(paragraph, style, w) + 4;
    }
  }
}

const NOTICE_INDENT = 14;

/** Renders one copy of a counter document as a PDF of one or more pages on `paper`. */
export function renderCounterDocument(doc: CounterDocument, paper: PaperSize = 'A4'): Buffer {
  validate(doc);
  return renderOn(paper, doc.title, doc.acceptedAt, (sheet) => {
    const layout = new CounterLayout(sheet, doc);
    layout.header();
    layout.receiptLines();
    if (doc.customer.length > 0) {
      layout.heading('ご契約者');
      layout.table(layout.labelled(doc.customer));
    }
    if (doc.details.length > 0) {
      layout.heading('お取引内容');
      layout.table(layout.labelled(doc.details));
    }
    layout.fee();
    layout.closing();
    return layout;
  });
}
/** A receipt is stored as the data it was printed from, so that a reprint is the same page plus its mark. */
export type StoredDocument = Omit<CounterDocument, 'acceptedAt' | 'refund'> & {
  acceptedAt: string;
  refund?: Omit<NonNullable<CounterDocument['refund']>, 'originalDate'> & { originalDate: string };
};

export function toStored(doc: CounterDocument): StoredDocument {
  const { refund, ...rest } = doc;
  return { ...rest, acceptedAt: doc.acceptedAt.toISOString(), ...(refund ? { refund: { ...refund, originalDate: refund.originalDate.toISOString() } } : {}) };
}

export function fromStored(doc: StoredDocument): CounterDocument {
  const { refund, ...rest } = doc;
  return { ...rest, acceptedAt: new Date(doc.acceptedAt), ...(refund ? { refund: { ...refund, originalDate: new Date(refund.originalDate) } } : {}) };
}
