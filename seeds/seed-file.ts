import { refuse } from '../domain/errors';
import type { SerialFormat } from '../domain/validation';
import { decodeHex, parseOathCsv, type SeedRecord } from './oath-csv';
import { looksLikeXml, parsePskc } from './pskc';

export interface ParsedSeedFile {
  format: 'PSKC' | 'OATH_CSV';
  /** PSKC may also say how far the token's clock has drifted (in time steps). */
  records: (SeedRecord & { driftSteps?: number })[];
}

export interface SeedFileKeys {
  /** The pre-shared key of an encrypted PSKC file, in hex as the vendor sent it. */
  preSharedKeyHex?: string | undefined;
  /** The password of a password-protected PSKC file (RFC 6030 §6.2). */
  password?: string | undefined;
}

/**
 * Picks the parser by content: XML is PSKC (RFC 6030), anything else the vendors' OATH CSV. The
 * branch and head office (the core service) both call it, so that a file is read, and refused,
 * the same way at either. `now` is the import time, against which a PSKC key's Policy is checked;
 * `serialFormat` the rule each serial must follow (the branch's; 英数字12桁 unless given).
 */
export function parseSeedFile(content: string, keys: SeedFileKeys & { now: Date; serialFormat?: SerialFormat }): ParsedSeedFile {
  const text = content.replace(/^\uFEFF/, '');
  const { serialFormat } = keys;
  if (!looksLikeXml(text)) return { format: 'OATH_CSV', records: parseOathCsv(text, { serialFormat }) };
  const keyText = keys.preSharedKeyHex?.normalize('NFKC').replace(/[\s-]/g, '') ?? '';
  const preSharedKey = keyText ? decodeHex(keyText) : undefined;
  // Its length is the file's cipher's to judge (AES-128/192/256: 32, 48 or 64 digits).
  if (preSharedKey === null) refuse('PSK_FORMAT', '事前共有鍵は16進数（0〜9、A〜F）で入力してください。', 'preSharedKey');
  // Full-width ASCII is what an IME left in full-width mode types; other characters are the vendor's.
  const password = keys.password?.replace(/[\uFF01-\uFF5E]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) || undefined;
  return { format: 'PSKC', records: parsePskc(text, { preSharedKey, password, now: keys.now, serialFormat }) };
}
