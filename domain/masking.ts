/** Masking of personal data in lists and exports (full-width ＊ so columns stay aligned). */

const MASK = '＊';

/** "山田 太郎" → "山＊ ＊＊": the first character stays, spaces (half- or full-width) stay, the rest is masked. */
export function maskName(name: string): string {
  return [...name].map((ch, i) => (i === 0 || /\s/u.test(ch) ? ch : MASK)).join('');
}

/** How the bank wants the customer's name on what leaves the counter (receipts, slips, lists). */
export const NAME_ON_DOCUMENTS = ['INITIAL', 'FAMILY', 'FULL'] as const;
export type NameOnDocuments = (typeof NAME_ON_DOCUMENTS)[number];

export const NAME_ON_DOCUMENTS_LABELS: Record<NameOnDocuments, string> = {
  INITIAL: '先頭の1文字のみ（山＊ ＊＊ 様）',
  FAMILY: '姓のみ（山田 ＊＊ 様）',
  FULL: 'すべて表示（山田 太郎 様）',
};

/** "山田 太郎" → "山田 ＊＊": everything before the first space stays; without a space, as maskName. */
export function maskGivenName(name: string): string {
  const chars = [...name];
  const space = chars.findIndex((ch) => /\s/u.test(ch));
  if (space <= 0) return maskName(name);
  return chars.map((ch, i) => (i < space || /\s/u.test(ch) ? ch : MASK)).join('');
}

export function nameOnDocument(name: string, rule: NameOnDocuments): string {
  if (rule === 'FULL') return name;
  return rule === 'FAMILY' ? maskGivenName(name) : maskName(name);
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
