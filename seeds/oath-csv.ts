/**
 * OATH CSV seed files, as privacyIDEA and token vendors deliver them:
 *
 *   serial, secret, type (hotp|totp), digits (6|8), time step (TOTP, default 30) or
 *   counter (HOTP, default 0), hash (sha1|sha256|sha512, default sha1)
 *
 * Lines starting with # and blank lines are ignored; a header row whose first cell is
 * "serial" is skipped. A secret is hex when it is an even number of hex digits, otherwise
 * base32 (RFC 4648, padding optional). Any bad row refuses the whole file, naming the line.
 * Messages never quote a secret.
 */
import { parse } from 'csv-parse/sync';
import { DomainError, refuse } from '../domain/errors';
import { MAX_SECRET_BYTES, MIN_SECRET_BYTES } from '../domain/otp';
import type { OtpHash, OtpParams } from '../domain/types';
import { DEFAULT_SERIAL_FORMAT, SERIAL_RULES, validateSerial, type SerialFormat } from '../domain/validation';

export interface SeedRecord {
  serial: string;
  secret: Uint8Array;
  params: OtpParams;
}

export interface OathCsvOptions {
  /** The branch's serial rule (DEFAULT_SERIAL_FORMAT unless given). */
  serialFormat?: SerialFormat;
}

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 (upper or lower case, padding optional, spaces ignored); null if malformed. */
export function decodeBase32(text: string): Uint8Array | null {
  const s = text.replace(/\s/gu, '').toUpperCase().replace(/=+$/u, '');
  if (s === '' || !/^[A-Z2-7]+$/.test(s)) return null;
  // Valid unpadded lengths leave 0, 2, 4, 5 or 7 characters in the last group of 8.
  if (![0, 2, 4, 5, 7].includes(s.length % 8)) return null;
  const out = new Uint8Array(Math.floor((s.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let n = 0;
  for (const ch of s) {
    buffer = ((buffer << 5) | BASE32_ALPHABET.indexOf(ch)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (buffer >> bits) & 0xff;
    }
  }
  // Left-over bits must be zero, or the text was not made by a base32 encoder.
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

/** Hex (an even number of hex digits) → bytes; null if malformed. */
export function decodeHex(text: string): Uint8Array | null {
  const s = text.replace(/\s/gu, '');
  if (s === '' || !/^(?:[0-9a-fA-F]{2})+$/.test(s)) return null;
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Hex when the value is an even number of hex digits, otherwise base32. */
export function decodeSeedSecret(text: string): { bytes: Uint8Array; encoding: 'hex' | 'base32' } | null {
  const hex = decodeHex(text);
  if (hex) return { bytes: hex, encoding: 'hex' };
  const b32 = decodeBase32(text);
  return b32 ? { bytes: b32, encoding: 'base32' } : null;
}

const HASHES: Record<string, OtpHash> = { SHA1: 'SHA1', SHA256: 'SHA256', SHA512: 'SHA512' };

function parseRow(cells: string[], line: number, serialFormat: SerialFormat): SeedRecord {
  function bad(what: string): never {
    return refuse('SEED_FILE', `${line}行目: ${what}`);
  }

  if (cells.length < 4) bad(`列が足りません（シリアル番号、シークレット、種類、桁数が必要です。${cells.length}列しかありません）`);
  if (cells.length > 6) bad(`列が多すぎます（最大6列、この行は${cells.length}列です）`);
  const [serialRaw = '', secretRaw = '', typeRaw = '', digitsRaw = '', stepRaw = '', hashRaw = ''] = cells;

  let serial = '';
  try {
    serial = validateSerial(serialRaw, serialFormat);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    bad(`シリアル番号「${serialRaw}」は${SERIAL_RULES[serialFormat].name}ではありません`);
  }

  if (secretRaw === '') bad('シークレットが空です');
  const decoded = decodeSeedSecret(secretRaw);
  if (decoded === null) bad('シークレットが16進数でもBase32でもありません');
  const secret = decoded.bytes;
  if (secret.length < MIN_SECRET_BYTES) {
    bad(`シークレットが短すぎます（${MIN_SECRET_BYTES}バイト以上が必要ですが、${secret.length}バイトです）`);
  }
  if (secret.length > MAX_SECRET_BYTES) {
    bad(`シークレットが長すぎます（${MAX_SECRET_BYTES}バイトまでですが、${secret.length}バイトです）`);
  }

  const type = typeRaw.toLowerCase();
  if (type !== 'hotp' && type !== 'totp') bad(`種類「${typeRaw}」は hotp か totp で指定してください`);

  if (digitsRaw !== '6' && digitsRaw !== '8') bad(`桁数「${digitsRaw}」は 6 か 8 で指定してください`);
  const digits = digitsRaw === '8' ? 8 : 6;

  let period = 30;
  let counter = 0;
  if (type === 'totp') {
    if (stepRaw !== '') {
      if (stepRaw !== '30' && stepRaw !== '60') bad(`時間間隔「${stepRaw}」は 30 か 60（秒）で指定してください`);
      period = Number(stepRaw);
    }
  } else if (stepRaw !== '') {
    if (!/^\d{1,15}$/.test(stepRaw)) bad(`カウンター「${stepRaw}」は0以上の整数で指定してください`);
    counter = Number(stepRaw);
  }

  let hash: OtpHash = 'SHA1';
  if (hashRaw !== '') {
    const h = HASHES[hashRaw.toUpperCase().replace(/-/g, '')];
    if (h === undefined) bad(`ハッシュ「${hashRaw}」は sha1、sha256、sha512 のいずれかで指定してください`);
    hash = h;
  }

  return {
    serial,
    secret,
    params: { algorithm: type === 'hotp' ? 'HOTP' : 'TOTP', hash, digits, period, counter },
  };
}

export function parseOathCsv(text: string, opts: OathCsvOptions = {}): SeedRecord[] {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true` each row is { record, info } (csv-parse's typings do not model it).
    rows = parse(text, {
      bom: true,
      comment: '#',
      comment_no_infix: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const line = (e as { lines?: unknown }).lines;
    return refuse(
      'SEED_FILE',
      typeof line === 'number'
        ? `${line}行目: CSVとして読み取れません（引用符の閉じ忘れなど）`
        : 'シードファイルをCSVとして読み取れません',
    );
  }

  const records: SeedRecord[] = [];
  const seenAt = new Map<string, number>();
  let first = true;
  for (const { record, info } of rows) {
    const line = info.lines;
    if ((record[0] ?? '').startsWith('#')) continue;
    if (first && (record[0] ?? '').toLowerCase() === 'serial') {
      first = false;
      continue;
    }
    first = false;
    const rec = parseRow(record, line, opts.serialFormat ?? DEFAULT_SERIAL_FORMAT);
    const dup = seenAt.get(rec.serial);
    if (dup !== undefined) refuse('SEED_FILE', `${line}行目: シリアル番号 ${rec.serial} が${dup}行目と重複しています`);
    seenAt.set(rec.serial, line);
    records.push(rec);
  }
  if (records.length === 0) refuse('SEED_FILE', 'シードファイルにトークンが1件もありません');
  return records;
}
