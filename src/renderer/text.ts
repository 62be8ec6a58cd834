/** Light input helpers. The server normalises and validates; these only help the teller early. */

/** Full-width digits and letters → half-width, half-width kana → full-width (NFKC), trimmed. */
export function nfkc(value: string): string {
  return value.normalize('NFKC').trim();
}

export function isDigits(value: string, length: number): boolean {
  return new RegExp(`^[0-9]{${length}}$`).test(nfkc(value));
}

/**
 * For フリガナ: NFKC (half-width kana → full-width), hiragana → katakana, spaces → one
 * full-width space.
 */
export function toFullWidthKatakana(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60))
    .trim()
    .replace(/[ \u3000]+/g, '\u3000');
}

export function isFullWidthKatakana(value: string): boolean {
  return /^[\u30A1-\u30FA\u30FC\u30FD\u30FE\u3000]+$/.test(value);
}
