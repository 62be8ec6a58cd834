/** Masking of personal data in lists and exports (full-width ＊ so columns stay aligned). */

const MASK = '＊';

/** "山田 太郎" → "山＊ ＊＊": the first character stays, spaces (half- or full-width) stay, the rest is masked. */
export function maskName(name: string): string {
  return [...name].map((ch, i) => (i === 0 || /\s/u.test(ch) ? ch : MASK)).join('');
}

/** "0001234" → "＊＊＊1234". */
export function maskAccount(number7: string): string {
  return MASK.repeat(3) + number7.slice(-4);
}

/** "AB12345678" → "＊＊＊＊＊＊5678": all but the last 4 characters. */
export function maskContractId(id: string): string {
  const chars = [...id];
  const keep = Math.min(4, chars.length);
  return MASK.repeat(chars.length - keep) + chars.slice(chars.length - keep).join('');
}
