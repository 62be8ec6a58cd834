/**
 * The drawing every printed document shares: Noto Sans JP, a cursor that breaks pages (with a
 * （続き） header), ruled tables split cleanly across pages, section headings, the centred title
 * and the page footers, on the terminal's paper:
 *   - A4 portrait;
 *   - A5: the A4 page drawn at 1/√2 (A5 is A4 halved), so both read the same;
 *   - 80 mm roll: 72 mm printable, one page as long as the document (measured by drawing it
 *     twice); a table of label/value pairs becomes lines of a narrow list, a table with a head row
 *     keeps its columns (up to four) or becomes one block per row.
 * What a document says, and where, is the document's module: it draws in A4's coordinates (LEFT,
 * WIDTH) and asks `narrow` where the roll needs another arrangement. Output is deterministic for
 * the same input (CreationDate given, file ID derived from it).
 */
import PDFDocument from 'pdfkit';
import type { PaperSize } from '../domain/printing';
import { pdfFont } from './fonts';

// --- page geometry (points) ----------------------------------------------------------------

const A4_W = 595.28;
const A4_H = 841.89;
const MM = 72 / 25.4;
/** A5 is A4 halved: drawn in A4's coordinates at this scale. */
const A5_SCALE = Math.SQRT1_2;
const ROLL_W = 80 * MM;
/** Receipt printers leave 4 mm each side of an 80 mm roll unprinted (72 mm printable). */
const ROLL_MARGIN = 4 * MM;
/** A roll document longer than this (a long log) goes on more than one page. */
const ROLL_MAX_H = 5000;

/** A4's content area: the templates' column widths are worked out in it. */
export const LEFT = 48;
export const RIGHT = A4_W - 48;
export const WIDTH = RIGHT - LEFT;

interface Geometry {
  pageH: number;
  left: number;
  right: number;
  top: number;
  /** Content never goes below this line; the page footer sits under it. */
  bottom: number;
  footerY: number;
  /** The roll: narrow lists instead of wide tables, smaller type. */
  narrow: boolean;
}

const WIDE: Geometry = { pageH: A4_H, left: LEFT, right: RIGHT, top: 40, bottom: A4_H - 56, footerY: A4_H - 36, narrow: false };

function rollGeometry(pageH: number): Geometry {
  return { pageH, left: ROLL_MARGIN, right: ROLL_W - ROLL_MARGIN, top: 12, bottom: pageH - ROLL_FOOTER, footerY: pageH - ROLL_FOOTER + 8, narrow: true };
}
/** The roll's footer: a rule, then the reference and corner on one line, the page count under them. */
const ROLL_FOOTER = 36;

const PAD_X = 8;
const PAD_Y = 4;
/** The roll's cells: less padding, and the label column of a label/value line. */
const NARROW_PAD_X = 3;
const NARROW_PAD_Y = 2.5;
const NARROW_LABEL_W = 62;
const NARROW_LABEL: Style = { size: 7.5, color: '#333333' };

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

/** A document being drawn: the pdfkit document and where on its paper content goes. */
export interface Sheet {
  pdf: Doc;
  g: Geometry;
}

/** A new document in the embedded Noto Sans JP on `paper`, dated `createdAt` (also what makes its file ID). */
function newSheet(title: string, createdAt: Date, paper: PaperSize, rollHeight = ROLL_MAX_H): Sheet {
  const pdf = new PDFDocument({
    autoFirstPage: false,
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
  const size: [number, number] | 'A4' | 'A5' = paper === 'ROLL_80' ? [ROLL_W, rollHeight] : paper;
  // Every page, the first and those the cursor breaks to, takes the same size (and A5 its scale).
  const addPage = pdf.addPage.bind(pdf);
  pdf.addPage = () => {
    addPage({ size, margin: 0 });
    if (paper === 'A5') pdf.scale(A5_SCALE);
    return pdf;
  };
  pdf.addPage();
  return { pdf, g: paper === 'ROLL_80' ? rollGeometry(rollHeight) : WIDE };
}

/**
 * Draws a document on `paper` and gives its bytes. `draw` lays it out on the sheet it is given
 * and returns its layout; on the roll it runs twice, the first time to measure how long the
 * page must be.
 */
export function renderOn(paper: PaperSize, title: string, createdAt: Date, draw: (sheet: Sheet) => PageLayout): Buffer {
  if (paper !== 'ROLL_80') return draw(newSheet(title, createdAt, paper)).finish();
  const probe = draw(newSheet(title, createdAt, paper));
  const height = probe.page === 0 ? Math.ceil(probe.y + ROLL_FOOTER + 6) : ROLL_MAX_H;
  return draw(newSheet(title, createdAt, paper, height)).finish();
}

/** The size in points of a PDF's first page, as its MediaBox says (pdfkit writes page dictionaries uncompressed). */
export function firstPageSize(pdf: Buffer): { width: number; height: number } {
  const box = /\/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
  if (!box) throw new Error('PDF without a MediaBox');
  return { width: Number(box[1]), height: Number(box[2]) };
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

/** One line of a narrow list: a label (or none) and its value (or none). */
type Line = [label: string | null, value: Cell | null];

/** A row of label/value cells as lines: a shaded cell labels the plain cell after it. */
function pairs(cells: Cell[]): Line[] {
  const lines: Line[] = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    const next = cells[i + 1];
    if (c.shade && next && !next.shade) {
      lines.push([c.text, next]);
      i += 1;
    } else lines.push(c.shade ? [c.text, null] : [null, c]);
  }
  return lines;
}

/** The roll's type: small enough for 72 mm, never below 7.5 pt; a figure meant to stand out still does. */
function narrowSize(size: number): number {
  return Math.max(7.5, Math.min(size, 14) * 0.82);
}

/** A head-row table keeps its columns on the roll up to this many; wider ones become one block per row. */
const NARROW_MAX_COLUMNS = 4;

/** Draws one document; keeps the cursor and breaks pages. */
export class PageLayout {
  y: number;
  /** Pages started so far, less one. */
  page = 0;
  protected readonly pdf: Doc;
  private readonly g: Geometry;

  constructor(
    sheet: Sheet,
    private readonly running: Running,
  ) {
    this.pdf = sheet.pdf;
    this.g = sheet.g;
    this.y = this.g.top;
  }

  /** The roll: documents arrange what would not fit 72 mm (header, stamps) in a column. */
  get narrow(): boolean {
    return this.g.narrow;
  }

  get left(): number {
    return this.g.left;
  }

  get right(): number {
    return this.g.right;
  }

  /** The content's width on this paper. */
  get w(): number {
    return this.g.right - this.g.left;
  }

  /** A text size as this paper prints it. */
  size(size: number): number {
    return this.narrow ? narrowSize(size) : size;
  }

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
    // height: the cursor breaks pages, never pdfkit (which would measure A5's drawing against the A5 page).
    if (width === undefined) this.pdf.text(text, x, y, { lineBreak: false, height: Infinity });
    else this.pdf.text(text, x, y, { width, align, height: Infinity });
  }

  /** Starts a new page when `h` more points do not fit. */
  ensure(h: number): boolean {
    if (this.y + h <= this.g.bottom) return false;
    this.pdf.addPage();
    this.page += 1;
    this.y = this.g.top;
    const style = { bold: true, size: this.size(11) };
    this.put(`${this.running.title}（続き）`, this.left, this.y, style);
    this.y += this.height('続', style, this.w) + 2;
    this.put(this.running.reference, this.left, this.y, { size: this.size(10) }, this.w, this.narrow ? 'left' : 'right');
    if (this.narrow) this.y += this.height('続', style, this.w);
    this.y += 4;
    this.rule(this.left, this.right, this.y, 0.8);
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
    const titleStyle = { bold: true, size: this.narrow ? 12.5 : 20 };
    const titleH = this.height(text, titleStyle, this.w);
    this.put(text, this.left, this.y, titleStyle, this.w, 'center');
    this.y += titleH + 2;
    const ruleW = Math.min(this.w, this.width(text, titleStyle) + 48);
    const rx = this.left + (this.w - ruleW) / 2;
    this.rule(rx, rx + ruleW, this.y, 1);
    this.rule(rx, rx + ruleW, this.y + 3, 0.5);
    this.y += this.narrow ? 12 : 18;
  }

  private measure(cells: Cell[], minHeight: number): { heights: number[]; h: number } {
    const pad = this.narrow ? NARROW_PAD_X : PAD_X;
    const heights = cells.map((c) => this.height(c.text, { bold: c.bold, size: this.size(c.size ?? 10.5) }, c.width - 2 * pad));
    return { heights, h: Math.max(minHeight, ...heights.map((t) => t + 2 * (this.narrow ? NARROW_PAD_Y : PAD_Y))) };
  }

  /** One row: shading first, then rules (so fills never cover them), then text. */
  private row(cells: Cell[], heights: number[], h: number, ruleAbove: boolean): void {
    const pad = this.narrow ? NARROW_PAD_X : PAD_X;
    let x = this.left;
    for (const c of cells) {
      if (c.shade) this.fillBox(x, this.y, c.width, h, SHADE);
      x += c.width;
    }
    if (ruleAbove) this.rule(this.left, this.right, this.y, 0.5);
    x = this.left;
    cells.forEach((c, i) => {
      if (i > 0) this.pdf.moveTo(x, this.y).lineTo(x, this.y + h).lineWidth(0.5).strokeColor(RULE).stroke();
      const style = { bold: c.bold, size: this.size(c.size ?? 10.5) };
      this.put(c.text, x + pad, this.y + (h - (heights[i] ?? 0)) / 2, style, c.width - 2 * pad, c.align);
      x += c.width;
    });
  }

  /**
   * Rows with a thin rule between them and a firmer frame, split cleanly across pages; a `head`
   * row (column names) starts the table on every page it spans. The rows' widths are A4's
   * (summing to WIDTH); the roll rearranges them (narrowTable).
   */
  table(rows: Cell[][], { minHeight = 22, head }: { minHeight?: number; head?: Cell[] } = {}): void {
    if (this.narrow) {
      this.narrowTable(rows, head);
      return;
    }
    this.ruledTable(rows, minHeight, head);
  }

  private ruledTable(rows: Cell[][], minHeight: number, head: Cell[] | undefined): void {
    const top = head && this.measure(head, minHeight);
    let start = this.y;
    let fresh = true;
    for (const cells of rows) {
      const { heights, h } = this.measure(cells, minHeight);
      const headH = fresh && top ? top.h : 0;
      if (this.y + headH + h > this.g.bottom) {
        if (this.y > start) this.box(this.left, start, this.w, this.y - start, 1);
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
    if (this.y > start) this.box(this.left, start, this.w, this.y - start, 1);
    this.y += this.narrow ? 8 : 12;
  }

  /**
   * The roll's tables. A head-row table of a few columns keeps them, scaled to 72 mm; a wider one
   * (the log's) prints each row as a block of 「column: value」 lines. Label/value rows become
   * lines, the label beside its value where it fits on one line, else above it.
   */
  private narrowTable(rows: Cell[][], head: Cell[] | undefined): void {
    // Columns at 72 mm take the smallest type, so that a word (電池切れ, 件数) stays on its line.
    const scale = (cells: Cell[]) => cells.map((c) => ({ ...c, width: (c.width * this.w) / WIDTH, size: Math.min(c.size ?? 10.5, 9) }));
    if (head && head.length <= NARROW_MAX_COLUMNS) {
      this.ruledTable(rows.map(scale), 16, scale(head));
      return;
    }
    rows.forEach((cells, i) => {
      const lines: Line[] =
        head && cells.length === head.length ? cells.map((c, j): Line => [head[j]?.text ?? '', c]).filter(([, c]) => c !== null && c.text !== '') : pairs(cells);
      this.lines(lines, head !== undefined && i > 0);
    });
    this.y += 8;
  }

  /** Lines of a narrow list, framed; `ruleAbove` separates one row's block from the last. */
  private lines(lines: Line[], ruleAbove: boolean): void {
    const pad = NARROW_PAD_X;
    const labelFits = (label: string) => this.width(label, NARROW_LABEL) <= NARROW_LABEL_W - 2 * pad;
    let start = this.y;
    if (ruleAbove) this.y += 2;
    lines.forEach(([label, value], i) => {
      const style = { bold: value?.bold, size: narrowSize(value?.size ?? 10.5) };
      const beside = label !== null && value !== null && labelFits(label);
      const valueX = beside ? this.left + NARROW_LABEL_W : this.left;
      const valueW = this.right - valueX;
      const labelH = label === null ? 0 : this.height(label, NARROW_LABEL, (beside ? NARROW_LABEL_W : this.w) - 2 * pad) + 2 * NARROW_PAD_Y;
      const valueH = value === null ? 0 : this.height(value.text, style, valueW - 2 * pad) + 2 * NARROW_PAD_Y;
      const h = beside ? Math.max(labelH, valueH) : labelH + valueH;
      if (this.ensure(h)) start = this.y;
      if (i > 0) this.rule(this.left, this.right, this.y, 0.4);
      let y = this.y;
      if (label !== null) {
        const lw = beside ? NARROW_LABEL_W : this.w;
        this.fillBox(this.left, y, lw, beside ? h : labelH, SHADE);
        this.put(label, this.left + pad, y + NARROW_PAD_Y, NARROW_LABEL, lw - 2 * pad);
        if (!beside) y += labelH;
      }
      if (value !== null) this.put(value.text, valueX + pad, y + (beside ? (h - valueH) / 2 : 0) + NARROW_PAD_Y, style, valueW - 2 * pad, value.align);
      this.y += h;
    });
    if (this.y > start) this.box(this.left, start, this.w, this.y - start, ruleAbove ? 0.6 : 1);
  }

  /** A section heading, kept on the same page as at least `keep` points of what follows. */
  heading(text: string, keep = 30): void {
    const size = this.narrow ? 9.5 : 11.5;
    this.ensure(20 + keep);
    this.fillBox(this.left, this.y + size * 0.25, this.narrow ? 3 : 4, size, INK);
    this.put(text, this.left + (this.narrow ? 7 : 10), this.y, { bold: true, size });
    this.y += this.narrow ? 16 : 20;
  }

  /** Reference, page count and corner text on every page. */
  private footers(): void {
    const range = this.pdf.bufferedPageRange();
    const style = { size: this.narrow ? 6.5 : 8, color: MUTED };
    const { left, right, w, g } = this;
    for (let i = 0; i < range.count; i++) {
      this.pdf.switchToPage(range.start + i);
      this.rule(left, right, g.footerY - 6, 0.4);
      const count = `${i + 1} / ${range.count}`;
      if (this.narrow) {
        this.put(this.running.reference, left, g.footerY, style, w / 2);
        this.put(this.running.corner, left + w / 2, g.footerY, style, w / 2, 'right');
        this.put(count, left, g.footerY + 10, style, w, 'center');
        continue;
      }
      const side = w * 0.42;
      this.put(this.running.reference, left, g.footerY, style, side);
      this.put(count, left + side, g.footerY, style, w - 2 * side, 'center');
      this.put(this.running.corner, right - side, g.footerY, style, side, 'right');
    }
  }

  /** Footers written, the document closed: its bytes. */
  finish(): Buffer {
    this.footers();
    this.pdf.end();
    return pdfBuffer(this.pdf);
  }
}
