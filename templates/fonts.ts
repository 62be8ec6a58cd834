/**
 * The Japanese font of every printed document: Noto Sans JP (OFL) from
 * @expo-google-fonts/noto-sans-jp, embedded (subset) by pdfkit. System fonts are never trusted.
 *
 * Paths are resolved through Node's module resolution from this module's URL, so the same code
 * works from source (vitest, tsx) and from an esbuild bundle in dist/ that keeps node_modules
 * external. Each TTF is read once per process and, because parsing a 5 MB CJK font is most of the
 * cost of a one-page PDF, parsed once too (by the fontkit that pdfkit itself depends on).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type PDFDocument from 'pdfkit';

export type FontWeight = 'regular' | 'bold';

const require = createRequire(import.meta.url);

const FONT_FILES: Record<FontWeight, string> = {
  regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
};

/** Absolute path of the TTF for a weight. */
export function fontPath(weight: FontWeight): string {
  return require.resolve(FONT_FILES[weight]);
}

const buffers = new Map<FontWeight, Buffer>();

/** The TTF bytes for a weight, read from disk on first use only. */
export function fontData(weight: FontWeight): Buffer {
  let data = buffers.get(weight);
  if (!data) {
    data = readFileSync(fontPath(weight));
    buffers.set(weight, data);
  }
  return data;
}

/** What pdfkit's `font()` / `registerFont()` accept. */
export type PdfFontSource = Parameters<InstanceType<typeof PDFDocument>['registerFont']>[1];

/** The part of a fontkit font pdfkit relies on when handed a parsed font instead of bytes. */
interface ParsedFont {
  layout(text: string): unknown;
  postscriptName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
}
interface Fontkit {
  create(data: Uint8Array): ParsedFont;
}

let fontkit: Fontkit | undefined;
function pdfkitsFontkit(): Fontkit {
  // The very fontkit pdfkit was installed with (resolved from pdfkit's own folder, not hoisted
  // by luck): pdfkit's font factory accepts any object with a `layout` function as a parsed font.
  fontkit ??= createRequire(require.resolve('pdfkit'))('fontkit') as Fontkit;
  return fontkit;
}

const parsed = new Map<FontWeight, ParsedFont>();

/**
 * The font for `doc.registerFont(name, pdfFont(weight))`: parsed once per process and shared by
 * every document (pdfkit keeps per-document subset state in its own wrapper, and all pdfkit work
 * on a document is synchronous, so sharing is safe). About 4× faster than handing pdfkit the
 * bytes, which it would parse again for every document.
 */
export function pdfFont(weight: FontWeight): PdfFontSource {
  return parsedFont(weight) as unknown as PdfFontSource;
}

function parsedFont(weight: FontWeight): ParsedFont {
  let font = parsed.get(weight);
  if (!font) {
    font = pdfkitsFontkit().create(fontData(weight));
    parsed.set(weight, font);
  }
  return font;
}

/** Variation selectors choose a glyph variant (異体字); the font has none, and pdfkit prints the base character. */
const isVariationSelector = (codePoint: number) => (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef);

/**
 * Whether the documents can print `codePoint` in every weight: where the font has no glyph, pdfkit
 * draws an empty box (an emoji, a control character, a simplified Chinese 张 or 陈).
 */
export function canPrint(codePoint: number): boolean {
  return isVariationSelector(codePoint) || (['regular', 'bold'] as const).every((w) => parsedFont(w).hasGlyphForCodePoint(codePoint));
}
