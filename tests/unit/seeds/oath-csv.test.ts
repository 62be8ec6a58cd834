import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors';
import { generateOtp } from '../../../domain/otp';
import { decodeBase32, decodeHex, parseOathCsv } from '../../../seeds/oath-csv';

const ascii = (s: string) => new TextEncoder().encode(s);
// "12345678901234567890" (the RFC 4226 seed) in hex and in base32.
const RFC_HEX = '3132333435363738393031323334353637383930';
const RFC_B32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

function refusal(text: string): DomainError {
  try {
    parseOathCsv(text);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('decodeBase32 (RFC 4648 section 10 vectors)', () => {
  it.each([
    ['MY======', 'f'],
    ['MZXQ====', 'fo'],
    ['MZXW6===', 'foo'],
    ['MZXW6YQ=', 'foob'],
    ['MZXW6YTB', 'fooba'],
    ['MZXW6YTBOI======', 'foobar'],
    ['mzxw6ytboi', 'foobar'],
  ])('%s → %s', (b32, plain) => {
    expect(decodeBase32(b32)).toEqual(ascii(plain));
  });

  it.each(['', 'MZXW6YTBO', 'MZXW1YTB', 'MZ=XW6YTB', 'MZ'])('refuses %j', (b32) => {
    // 'MZ' leaves non-zero bits over; 'MZXW6YTBO' has an impossible length.
    expect(decodeBase32(b32)).toBeNull();
  });

  it('decodes hex of even length only', () => {
    expect(decodeHex('0aFF10')).toEqual(new Uint8Array([10, 255, 16]));
    expect(decodeHex('0aF')).toBeNull();
    expect(decodeHex('0g')).toBeNull();
  });
});

describe('parseOathCsv', () => {
  const file = [
    '# vendor: example, batch 2026-11',
    'Serial,Key,Type,Digits,Step,Hash',
    '',
    `AB1234567890,${RFC_HEX},hotp,6`,
    `ＣＤ１２－３４５６－７８９０,${RFC_B32},TOTP,6,60,sha256`,
    `  EF1234567890 , ${RFC_B32.toLowerCase()}======== , totp , 8 ,,SHA512`,
    '   ',
    `GH1234567890,${RFC_HEX},hotp,8,42`,
    '',
  ].join('\r\n');

  it('reads hex and base32 secrets, full-width serials, defaults and optional columns', () => {
    const seeds = parseOathCsv(file);
    expect(seeds.map((s) => s.serial)).toEqual(['AB1234567890', 'CD1234567890', 'EF1234567890', 'GH1234567890']);
    for (const s of seeds) expect(s.secret).toEqual(ascii('12345678901234567890'));
    expect(seeds.map((s) => s.params)).toEqual([
      { algorithm: 'HOTP', hash: 'SHA1', digits: 6, period: 30, counter: 0 },
      { algorithm: 'TOTP', hash: 'SHA256', digits: 6, period: 60, counter: 0 },
      { algorithm: 'TOTP', hash: 'SHA512', digits: 8, period: 30, counter: 0 },
      { algorithm: 'HOTP', hash: 'SHA1', digits: 8, period: 30, counter: 42 },
    ]);
  });

  it('yields seeds that produce the RFC 4226 codes', () => {
    const [first] = parseOathCsv(`AB1234567890,${RFC_HEX},hotp,6`);
    expect(first && generateOtp(first.params, first.secret, 0)).toBe('755224');
    expect(first && generateOtp(first.params, first.secret, 9)).toBe('520489');
  });

  it('reads a file without header, with a BOM and a 32-byte hex secret', () => {
    const hex32 = '00'.repeat(31) + 'ff';
    const seeds = parseOathCsv(`\ufeffAB1234567890,${hex32},totp,6,30,sha256\n`);
    expect(seeds).toHaveLength(1);
    expect(seeds[0]?.secret.length).toBe(32);
    expect(seeds[0]?.secret[31]).toBe(255);
  });

  const cases: [string, string, string][] = [
    ['a bad serial', `# c\nAB123,${RFC_HEX},hotp,6`, '2行目: シリアル番号「AB123」'],
    ['a secret neither hex nor base32', `AB1234567890,not-a-secret!,hotp,6`, '1行目: シークレットが16進数でもBase32でもありません'],
    ['a short secret', `AB1234567890,${'ab'.repeat(10)},hotp,6`, '1行目: シークレットが短すぎます'],
    ['an empty secret', `AB1234567890,,hotp,6`, '1行目: シークレットが空です'],
    ['an unknown type', `AB1234567890,${RFC_HEX},motp,6`, '1行目: 種類「motp」'],
    ['7 digits', `AB1234567890,${RFC_HEX},hotp,7`, '1行目: 桁数「7」'],
    ['a 45 s time step', `AB1234567890,${RFC_HEX},totp,6,45`, '1行目: 時間間隔「45」'],
    ['a negative counter', `AB1234567890,${RFC_HEX},hotp,6,-1`, '1行目: カウンター「-1」'],
    ['an unknown hash', `AB1234567890,${RFC_HEX},totp,6,30,md5`, '1行目: ハッシュ「md5」'],
    ['too few columns', `AB1234567890,${RFC_HEX},hotp`, '1行目: 列が足りません'],
    ['too many columns', `AB1234567890,${RFC_HEX},hotp,6,0,sha1,extra`, '1行目: 列が多すぎます'],
    ['an unclosed quote', `AB1234567890,${RFC_HEX},hotp,6\n"CD1234567890,${RFC_HEX},hotp,6`, 'CSVとして読み取れません'],
    ['no tokens at all', '# only a comment\nserial,secret,type,digits\n\n', 'トークンが1件もありません'],
  ];
  it.each(cases)('refuses %s, naming the line', (_what, text, message) => {
    const e = refusal(text);
    expect(e.code).toBe('SEED_FILE');
    expect(e.message).toContain(message);
  });

  it('refuses a bad row anywhere, with the right line number after comments and blank lines', () => {
    const text = ['# header comment', 'serial,secret,type,digits', '', `AB1234567890,${RFC_HEX},hotp,6`, `CD1234567890,${RFC_HEX},hotp,9`].join('\n');
    expect(refusal(text).message).toMatch(/^5行目: 桁数「9」/);
  });

  it('refuses a serial that appears twice, even written differently', () => {
    const text = [`AB1234567890,${RFC_HEX},hotp,6`, `CD1234567890,${RFC_HEX},hotp,6`, `ａｂ１２３４５６７８９０,${RFC_B32},totp,6`].join('\n');
    expect(refusal(text).message).toBe('3行目: シリアル番号 AB1234567890 が1行目と重複しています');
  });

  it('never quotes the secret in a refusal', () => {
    const secret = 'ab'.repeat(10);
    expect(refusal(`AB1234567890,${secret},hotp,6`).message).not.toContain(secret);
    expect(refusal(`AB1234567890,${RFC_HEX},hotp,7`).message).not.toContain(RFC_HEX);
  });
});

describe('parseOathCsv and the branch’s serial rule', () => {
  it('takes a maker’s hyphenated 10 digits under 数字10桁, kept without the hyphens, and refuses them under the default', () => {
    const csv = `12-3456789-0,${RFC_HEX},totp,6\n１２－３４５６７８９－１,${RFC_HEX},totp,6\n`;
    expect(parseOathCsv(csv, { serialFormat: 'DIGITS_10_GROUPED' }).map((r) => r.serial)).toEqual(['1234567890', '1234567891']);
    expect(refusal(csv).message).toBe('1行目: シリアル番号「12-3456789-0」は英数字12桁ではありません');
  });
});
