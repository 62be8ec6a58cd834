import type { FieldCheck } from '../domain/errors';
import { canPrint } from '../templates/fonts';

/** A character as the message names it: itself, or its code where it is invisible (a control, a format or a space character). */
const named = (c: string) => (/[\p{C}\p{Z}]/u.test(c) ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : `「${c}」`);

/**
 * Refuses `field` when `value` (as it will be stored and printed) holds characters the receipts and
 * slips cannot print: the customer would be handed an empty box where a character of their name was.
 */
export function checkPrintable(f: FieldCheck, field: string, label: string, value: string): void {
  const missing = [...new Set([...value].filter((c) => !canPrint(c.codePointAt(0)!)))];
  f.add(field, missing.length > 0 && `${label}に、控えに印刷できない文字 ${missing.map(named).join('、')} があります。取り除くか、別の字に置き換えてください（簡体字は日本の字体に。例：张→張）。`);
}
