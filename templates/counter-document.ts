/**
 * The one printed layout for every counter transaction: issuance receipt (領収書), replacement
 * slip (交換受付票), lost reissue, suspension slip (利用中止受付票), vendor return list. The caller
 * describes the document as data; this module only lays it out on A4 portrait.
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
 * Rows wrap and tables continue on further pages (with a （続き） header), so long lists fit.
 * Invalid input (reprint count < 1, invoice amounts that do not add up, a 登録番号 that is not
 * T + 13 digits) is refused with a DomainError rather than printed.
 * Output is deterministic for the same input (CreationDate = acceptedAt, file ID derived from it).
 */
import PDFDocument from 'pdfkit';
import { refuse } from '../domain/errors';
import { formatJstDate, formatJstDateTime, formatYen } from '../domain/format';
import { pdfFont } from './fonts';

export interface CounterDocumentRow {
  label: string;
  value: string;
}

export interface CounterDocument {
  /** e.g. 'ハードウェアトークン発行 領収書', '交換受付票', '利用中止受付票'. */
  title: string;
  /** お客さま控 / 店舗控, printed in the top-left corner and in the page footer. */
  copy: 'customer' | 'branch';
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
  /** Paragraphs for the customer (what to do next, where to call). */
  notices?: string[];
  /** Print dates with the 和暦 year beside the 西暦 one, as the branch prefers. */
  japaneseEra?: boolean;
}

export const COPY_LABELS: Record<CounterDocument['copy'], string> = {
  customer: 'お客さま控',
  branch: '店舗控',
};

/** 「再発行（2回目）」 */
export function reprintMark(count: number): string {
  return `再発行（${count}回目）`;
}

// --- page geometry (points; A4 portrait) ---------------------------------------------------

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const LEFT = 48;
const RIGHT = PAGE_W - 48;
const WIDTH = RIGHT - LEFT;
const TOP = 40;
/** Content never goes below this line; the page footer sits under it. */
const BOTTOM = PAGE_H - 56;
const FOOTER_Y = PAGE_H - 36;

/** Wide enough for the longest label on one line (「利用中止したシリアル番号」, 12 full-width at 10.5 pt): a label broken mid-word reads wrong. */
const LABEL_W = 148;
const PAD_X = 8;
const PAD_Y = 4;

const INK = '#111111';
const MUTED = '#555555';
const RULE = '#444444';
const SHADE = '#ececec';

const REGULAR = 'NotoSansJP-Regular';
const BOLD = 'NotoSansJP-Bold';

type Doc = InstanceType<typeof PDFDocument>;

interface Cell {
  text: string;
  width: number;
  shade?: boolean;
  bold?: boolean;
  size?: number;
  align?: 'left' | 'center' | 'right';
}

interface Style {
  bold?: boolean;
  size: number;
  color?: string;
}

function validate(doc: CounterDocument): void {
  if (!(doc.acceptedAt instanceof Date) || Number.isNaN(doc.acceptedAt.getTime())) {
    refuse('DOCUMENT_ACCEPTED_AT', '受付時刻が正しくありません。');
  }
  if (doc.reprint && !(Number.isInteger(doc.reprint.count) && doc.reprint.count >= 1)) {
    refuse('DOCUMENT_REPRINT_COUNT', `再発行回数が正しくありません（${doc.reprint.count}）。`);
  }
  const inv = doc.invoice;
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

/** Draws one document; keeps the cursor and breaks pages. */
class Layout {
  y = TOP;
  /** Pages started so far, less one. */
  page = 0;

  constructor(
    private readonly pdf: Doc,
    private readonly doc: CounterDocument,
  ) {}

  private use(style: Style): void {
    this.pdf.font(style.bold ? BOLD : REGULAR).fontSize(style.size).fillColor(style.color ?? INK);
  }

  width(text: string, style: Style): number {
    this.use(style);
    return this.pdf.widthOfString(text);
  }

  height(text: string, style: Style, width: number): number {
    this.use(style);
    return this.pdf.heightOfString(text, { width });
  }

  put(text: string, x: number, y: number, style: Style, width?: number, align: Cell['align'] = 'left'): void {
    this.use(style);
    if (width === undefined) this.pdf.text(text, x, y, { lineBreak: false });
    else this.pdf.text(text, x, y, { width, align });
  }

  /** Starts a new page when `h` more points do not fit. */
  ensure(h: number): boolean {
    if (this.y + h <= BOTTOM) return false;
    this.pdf.addPage();
    this.page += 1;
    this.y = TOP;
    const style = { bold: true, size: 11 };
    this.put(`${this.doc.title}（続き）`, LEFT, this.y, style);
    this.put(`受付番号 ${this.doc.receiptNo}`, LEFT, this.y, { size: 10 }, WIDTH, 'right');
    this.y += 18;
    this.rule(LEFT, RIGHT, this.y, 0.8);
    this.y += 12;
    return true;
  }

  rule(x1: number, x2: number, y: number, lineWidth: number): void {
    this.pdf.moveTo(x1, y).lineTo(x2, y).lineWidth(lineWidth).strokeColor(RULE).stroke();
  }

  box(x: number, y: number, w: number, h: number, lineWidth: number): void {
    this.pdf.rect(x, y, w, h).lineWidth(lineWidth).strokeColor(RULE).stroke();
  }

  header(): void {
    const { doc } = this;
    const top = this.y;

    // Top left: which copy, and the reprint mark.
    const copy = COPY_LABELS[doc.copy];
    const copyStyle = { bold: true, size: 12 };
    const copyW = this.width(copy, copyStyle) + 24;
    let leftRight = LEFT + copyW;
    this.box(LEFT, top, copyW, 28, 1);
    this.put(copy, LEFT, top + 5.5, copyStyle, copyW, 'center');
    if (doc.reprint) {
      // A double-framed mark beside the copy label, as a 再発行 stamp would be.
      const mark = reprintMark(doc.reprint.count);
      const markStyle = { bold: true, size: 14 };
      const markW = this.width(mark, markStyle) + 28;
      const x = LEFT + copyW + 10;
      this.box(x, top, markW, 28, 2);
      this.box(x + 3, top + 3, markW - 6, 22, 0.6);
      this.put(mark, x, top + 3.5, markStyle, markW, 'center');
      leftRight = x + markW;
    }
    const leftBottom = top + 28;

    // Top right: the issuer, with its registration number under it (wrapping before the marks).
    const w = Math.min(280, RIGHT - leftRight - 16);
    const x = RIGHT - w;
    let y = top;
    const lines: [string, Style][] = [
      [doc.issuer.bankName, { bold: true, size: 14 }],
      [`${doc.issuer.branchName}（店番 ${doc.issuer.branchCode}）`, { size: 10 }],
      [`登録番号 ${doc.issuer.invoiceRegNo}`, { size: 9, color: MUTED }],
    ];
    for (const [text, style] of lines) {
      this.put(text, x, y, style, w, 'right');
      y += this.height(text, style, w);
    }
    this.y = Math.max(leftBottom, y) + 12;

    // The title, centred with a double rule under it.
    const titleStyle = { bold: true, size: 20 };
    const titleH = this.height(doc.title, titleStyle, WIDTH);
    this.put(doc.title, LEFT, this.y, titleStyle, WIDTH, 'center');
    this.y += titleH + 2;
    const ruleW = Math.min(WIDTH, this.width(doc.title, titleStyle) + 48);
    const rx = LEFT + (WIDTH - ruleW) / 2;
    this.rule(rx, rx + ruleW, this.y, 1);
    this.rule(rx, rx + ruleW, this.y + 3, 0.5);
    this.y += 18;
  }

  /** One row: shading first, then rules (so fills never cover them), then text. */
  private row(cells: Cell[], heights: number[], h: number, ruleAbove: boolean): void {
    let x = LEFT;
    for (const c of cells) {
      if (c.shade) this.pdf.rect(x, this.y, c.width, h).fillColor(SHADE).fill();
      x += c.width;
    }
    if (ruleAbove) this.rule(LEFT, RIGHT, this.y, 0.5);
    x = LEFT;
    cells.forEach((c, i) => {
      if (i > 0) this.pdf.moveTo(x, this.y).lineTo(x, this.y + h).lineWidth(0.5).strokeColor(RULE).stroke();
      const style = { bold: c.bold, size: c.size ?? 10.5 };
      this.put(c.text, x + PAD_X, this.y + (h - (heights[i] ?? 0)) / 2, style, c.width - 2 * PAD_X, c.align);
      x += c.width;
    });
  }

  /** Rows with a thin rule between them and a firmer frame, split cleanly across pages. */
  table(rows: Cell[][], minHeight = 22): void {
    let start = this.y;
    for (const cells of rows) {
      const heights = cells.map((c) => this.height(c.text, { bold: c.bold, size: c.size ?? 10.5 }, c.width - 2 * PAD_X));
      const h = Math.max(minHeight, ...heights.map((t) => t + 2 * PAD_Y));
      if (this.y + h > BOTTOM) {
        if (this.y > start) this.box(LEFT, start, WIDTH, this.y - start, 1);
        this.ensure(h);
        start = this.y;
      }
      this.row(cells, heights, h, this.y > start);
      this.y += h;
    }
    if (this.y > start) this.box(LEFT, start, WIDTH, this.y - start, 1);
    this.y += 12;
  }

  /** A section heading, kept on the same page as at least one row of what follows. */
  heading(text: string): void {
    this.ensure(20 + 30);
    this.pdf.rect(LEFT, this.y + 3, 4, 12).fillColor(INK).fill();
    this.put(text, LEFT + 10, this.y, { bold: true, size: 11.5 });
    this.y += 20;
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
    const newPage = this.ensure(18);
    this.put('上記の金額を正に領収いたしました。', LEFT, newPage ? this.y : this.y - 6, { size: 10 });
    this.y += newPage ? 26 : 20;
  }

  /**
   * The notices on the left and the stamp boxes on the right (受付印 on the customer copy,
   * 検印/取扱 on the branch copy), side by side so that the stamps never take a page of their own.
   */
  closing(): void {
    const stamps = this.doc.copy === 'customer' ? ['受付印'] : ['検印', '取扱'];
    const boxW = 60;
    const boxH = 64;
    const textW = WIDTH - stamps.length * boxW - 16;
    const style = { size: 10 };
    const indent = 14;
    const notices = this.doc.notices ?? [];
    const first = notices[0];
    this.ensure(Math.max(boxH, first === undefined ? 0 : 20 + this.height(first, style, textW - indent)));

    const top = this.y;
    const page = this.page;
    stamps.forEach((stamp, i) => {
      const x = RIGHT - (stamps.length - i) * boxW;
      this.pdf.rect(x, top, boxW, 17).fillColor(SHADE).fill();
      this.box(x, top, boxW, boxH, 1);
      this.rule(x, x + boxW, top + 17, 0.5);
      this.put(stamp, x, top + 2, { size: 9 }, boxW, 'center');
    });

    if (notices.length > 0) {
      this.heading('お客さまへのお知らせ');
      for (const paragraph of notices) {
        // Beside the stamps the text is narrower; below them it takes the full width.
        const besideStamps = this.page === page && this.y < top + boxH + 4;
        let w = (besideStamps ? textW : WIDTH) - indent;
        if (this.ensure(this.height(paragraph, style, w))) w = WIDTH - indent;
        this.put('・', LEFT, this.y, style);
        this.put(paragraph, LEFT + indent, this.y, style, w);
        this.y += this.height(paragraph, style, w) + 4;
      }
    }
    if (this.page === page) this.y = Math.max(this.y, top + boxH);
  }

  /** Receipt number, page count and copy on every page. */
  footers(): void {
    const range = this.pdf.bufferedPageRange();
    const style = { size: 8, color: MUTED };
    for (let i = 0; i < range.count; i++) {
      this.pdf.switchToPage(range.start + i);
      this.rule(LEFT, RIGHT, FOOTER_Y - 6, 0.4);
      const side = WIDTH * 0.42;
      this.put(`受付番号 ${this.doc.receiptNo}`, LEFT, FOOTER_Y, style, side);
      this.put(`${i + 1} / ${range.count}`, LEFT + side, FOOTER_Y, style, WIDTH - 2 * side, 'center');
      this.put(COPY_LABELS[this.doc.copy], RIGHT - side, FOOTER_Y, style, side, 'right');
    }
  }
}

/** Renders one copy of a counter document as a one-or-more-page A4 PDF. */
export function renderCounterDocument(doc: CounterDocument): Buffer {
  validate(doc);
  const pdf = new PDFDocument({
    size: 'A4',
    layout: 'portrait',
    margin: 0, // the layout manages its own margins and page breaks
    bufferPages: true,
    font: '', // no default Helvetica: every glyph comes from the embedded Noto Sans JP
    lang: 'ja-JP',
    displayTitle: true,
    info: { Title: doc.title, Creator: 'madoguchi', CreationDate: doc.acceptedAt },
  });
  pdf.registerFont(REGULAR, pdfFont('regular'));
  pdf.registerFont(BOLD, pdfFont('bold'));

  const layout = new Layout(pdf, doc);
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
  layout.footers();
  pdf.end();
  return pdfBuffer(pdf);
}

/**
 * The bytes of a pdfkit document after end(). pdfkit writes every object synchronously (fonts are
 * subset and streams deflated on the spot), so the whole file is already buffered in the stream:
 * a counter transaction can render its receipt inside its SQLite transaction.
 */
export function pdfBuffer(pdf: PDFKit.PDFDocument): Buffer {
  const chunks: Buffer[] = [];
  for (let chunk = pdf.read() as Buffer | null; chunk !== null; chunk = pdf.read() as Buffer | null) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** A receipt is stored as the data it was printed from, so that a reprint is the same page plus its mark. */
export type StoredDocument = Omit<CounterDocument, 'acceptedAt'> & { acceptedAt: string };

export function toStored(doc: CounterDocument): StoredDocument {
  return { ...doc, acceptedAt: doc.acceptedAt.toISOString() };
}

export function fromStored(doc: StoredDocument): CounterDocument {
  return { ...doc, acceptedAt: new Date(doc.acceptedAt) };
}
