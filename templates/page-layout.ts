/**
 * The drawing every printed document shares: A4 portrait, Noto Sans JP, a cursor that breaks
 * pages (with a （続き） header), ruled tables split cleanly across pages, section headings, the
 * centred title and the page footers. What a document says, and where, is the document's module.
 * Output is deterministic for the same input (CreationDate given, file ID derived from it).
 */
import PDFDocument from 'pdfkit';
import { pdfFont } from './fonts';

// --- page geometry (points; A4 portrait) ---------------------------------------------------

const PAGE_W = 595.28;
const PAGE_H = 841.89;
export const LEFT = 48;
export const RIGHT = PAGE_W - 48;
export const WIDTH = RIGHT - LEFT;
const TOP = 40;
/** Content never goes below this line; the page footer sits under it. */
const BOTTOM = PAGE_H - 56;
const FOOTER_Y = PAGE_H - 36;

const PAD_X = 8;
const PAD_Y = 4;

const INK = '#111111';
export const MUTED = '#555555';
const RULE = '#444444';
export const SHADE = '#ececec';

const REGULAR = 'NotoSansJP-Regular';
const BOLD = 'NotoSansJP-Bold';

export type Doc = InstanceType<typeof PDFDocument>;

export interface Cell {
  text: string;
  width: number;
  shade?: boolean;
  bold?: boolean;
  size?: number;
  align?: 'left' | 'center' | 'right';
}

export interface Style {
  bold?: boolean;
  size: number;
  color?: string;
}

/** What every page repeats: the title and reference in a continuation header, the reference and a corner text in the footer. */
export interface Running {
  title: string;
  /** e.g. 「受付番号 R-…」. */
  reference: string;
  /** Right-hand end of the footer, e.g. お客さま控. */
  corner: string;
}

/** A new A4 document in the embedded Noto Sans JP, dated `createdAt` (also what makes its file ID). */
export function newPdf(title: string, createdAt: Date): Doc {
  const pdf = new PDFDocument({
    size: 'A4',
    layout: 'portrait',
    margin: 0, // the layout manages its own margins and page breaks
    bufferPages: true,
    font: '', // no default Helvetica: every glyph comes from the embedded Noto Sans JP
    lang: 'ja-JP',
    displayTitle: true,
    info: { Title: title, Creator: 'madoguchi', CreationDate: createdAt },
  });
  pdf.registerFont(REGULAR, pdfFont('regular'));
  pdf.registerFont(BOLD, pdfFont('bold'));
  omitDefaultWidths(pdf);
  return pdf;
}

/** The width PDF gives a CIDFont's glyph that its W array does not list (DW's default). */
const DEFAULT_WIDTH = 1000;

/**
 * pdfkit lists the width of every glyph of a font subset in the CIDFont's W array, in a dictionary
 * that is not compressed, though every full-width glyph (most of a Japanese page) has the default
 * width. Listing only the others saves about 1 KB a receipt and draws the same pages.
 */
function omitDefaultWidths(pdf: Doc): void {
  const ref = pdf.ref.bind(pdf);
  pdf.ref = (data?: { Subtype?: unknown; W?: unknown }) =>
    ref(data?.Subtype === 'CIDFontType2' && Array.isArray(data.W) ? { ...data, W: nonDefaultWidths(data.W as [number, number[]]) } : data ?? {});
}

/** pdfkit's [first [w w …]] as runs of the widths other than the default: [c [w …] c' [w …] …]. */
function nonDefaultWidths([first, widths]: [number, number[]]): (number | number[])[] {
  const runs: (number | number[])[] = [];
  let run: number[] = [];
  let next = -1;
  // forEach skips holes: a glyph pdfkit gave no width (a composite's part) takes the default too.
  widths.forEach((width, i) => {
    if (width === DEFAULT_WIDTH) return;
    if (i !== next) {
      run = [];
      runs.push(first + i, run);
    }
    run.push(width);
    next = i + 1;
  });
  return runs;
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

/** Draws one document; keeps the cursor and breaks pages. */
export class PageLayout {
  y = TOP;
  /** Pages started so far, less one. */
  page = 0;

  constructor(
    protected readonly pdf: Doc,
    private readonly running: Running,
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
    this.put(`${this.running.title}（続き）`, LEFT, this.y, style);
    this.put(this.running.reference, LEFT, this.y, { size: 10 }, WIDTH, 'right');
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

  fillBox(x: number, y: number, w: number, h: number, color: string): void {
    this.pdf.rect(x, y, w, h).fillColor(color).fill();
  }

  /** The title, centred with a double rule under it. */
  title(text: string): void {
    const titleStyle = { bold: true, size: 20 };
    const titleH = this.height(text, titleStyle, WIDTH);
    this.put(text, LEFT, this.y, titleStyle, WIDTH, 'center');
    this.y += titleH + 2;
    const ruleW = Math.min(WIDTH, this.width(text, titleStyle) + 48);
    const rx = LEFT + (WIDTH - ruleW) / 2;
    this.rule(rx, rx + ruleW, this.y, 1);
    this.rule(rx, rx + ruleW, this.y + 3, 0.5);
    this.y += 18;
  }

  private measure(cells: Cell[], minHeight: number): { heights: number[]; h: number } {
    const heights = cells.map((c) => this.height(c.text, { bold: c.bold, size: c.size ?? 10.5 }, c.width - 2 * PAD_X));
    return { heights, h: Math.max(minHeight, ...heights.map((t) => t + 2 * PAD_Y)) };
  }

  /** One row: shading first, then rules (so fills never cover them), then text. */
  private row(cells: Cell[], heights: number[], h: number, ruleAbove: boolean): void {
    let x = LEFT;
    for (const c of cells) {
      if (c.shade) this.fillBox(x, this.y, c.width, h, SHADE);
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

  /**
   * Rows with a thin rule between them and a firmer frame, split cleanly across pages; a `head`
   * row (column names) starts the table on every page it spans.
   */
  table(rows: Cell[][], { minHeight = 22, head }: { minHeight?: number; head?: Cell[] } = {}): void {
    const top = head && this.measure(head, minHeight);
    let start = this.y;
    let fresh = true;
    for (const cells of rows) {
      const { heights, h } = this.measure(cells, minHeight);
      const headH = fresh && top ? top.h : 0;
      if (this.y + headH + h > BOTTOM) {
        if (this.y > start) this.box(LEFT, start, WIDTH, this.y - start, 1);
        this.ensure((top?.h ?? 0) + h);
        start = this.y;
        fresh = true;
      }
      if (fresh && head && top) {
        this.row(head, top.heights, top.h, false);
        this.y += top.h;
      }
      fresh = false;
      this.row(cells, heights, h, this.y > start);
      this.y += h;
    }
    if (this.y > start) this.box(LEFT, start, WIDTH, this.y - start, 1);
    this.y += 12;
  }

  /** A section heading, kept on the same page as at least `keep` points of what follows. */
  heading(text: string, keep = 30): void {
    this.ensure(20 + keep);
    this.fillBox(LEFT, this.y + 3, 4, 12, INK);
    this.put(text, LEFT + 10, this.y, { bold: true, size: 11.5 });
    this.y += 20;
  }

  /** Reference, page count and corner text on every page. */
  private footers(): void {
    const range = this.pdf.bufferedPageRange();
    const style = { size: 8, color: MUTED };
    for (let i = 0; i < range.count; i++) {
      this.pdf.switchToPage(range.start + i);
      this.rule(LEFT, RIGHT, FOOTER_Y - 6, 0.4);
      const side = WIDTH * 0.42;
      this.put(this.running.reference, LEFT, FOOTER_Y, style, side);
      this.put(`${i + 1} / ${range.count}`, LEFT + side, FOOTER_Y, style, WIDTH - 2 * side, 'center');
      this.put(this.running.corner, RIGHT - side, FOOTER_Y, style, side, 'right');
    }
  }

  /** Footers written, the document closed: its bytes. */
  finish(): Buffer {
    this.footers();
    this.pdf.end();
    return pdfBuffer(this.pdf);
  }
}
