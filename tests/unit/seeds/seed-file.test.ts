import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors';
import { PSKC_ERROR, PSKC_KEY_FIELD, PSKC_PASSWORD_FIELD } from '../../../seeds/pskc';
import { parseSeedFile, type SeedFileKeys } from '../../../seeds/seed-file';
import { buildEncryptedPskc } from '../../support/pskc-builder';

const now = new Date('2026-04-01T01:00:00Z');

function refusal(content: string, keys: SeedFileKeys = {}): DomainError {
  try {
    parseSeedFile(content, { ...keys, now });
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('parseSeedFile picks the parser by content', () => {
  it('reads CSV as OATH CSV', () => {
    expect(parseSeedFile(`AB1234567890,${'31'.repeat(20)},hotp,6\n`, { now }).format).toBe('OATH_CSV');
  });

  it('answers XML that is not a KeyContainer as PSKC, not as CSV', () => {
    for (const xml of ['<?xml version="1.0"?>\n<KeyContainers Version="1.0"/>', '\uFEFF<html><KeyContainer/></html>']) {
      const e = refusal(xml);
      expect(e.code).toBe(PSKC_ERROR);
      expect(e.message).toMatch(/^PSKCファイルではありません（最上位の要素が (KeyContainers|html) です/);
    }
  });

  it('answers broken XML as PSKC too', () => {
    const e = refusal('<!-- a vendor file -->\n<pskc:KeyContainer Version="1.0">\n<pskc:KeyPackage>');
    expect(e.code).toBe(PSKC_ERROR);
    expect(e.message).toContain('3行目で途中で切れています');
  });
});

describe('parseSeedFile and the pre-shared key', () => {
  const token = { serial: 'AE0000000001', id: '1', secret: new Uint8Array(randomBytes(20)) };

  it('takes 48 and 64 hex digits for AES-192 and AES-256 files, full-width and spaced as typed', () => {
    for (const bytes of [24, 32]) {
      const psk = randomBytes(bytes);
      const typed = psk.toString('hex').toUpperCase().replace(/(.{8})/g, '$1 ').replace(/[0-9A-F]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
      const { format, records } = parseSeedFile(buildEncryptedPskc(psk, [token]), { preSharedKeyHex: typed, now });
      expect(format).toBe('PSKC');
      expect(records[0]?.secret).toEqual(token.secret);
    }
  });

  it('says which length the file needs, and refuses what is not hex', () => {
    const xml = buildEncryptedPskc(randomBytes(32), [token]);
    const short = refusal(xml, { preSharedKeyHex: '12345678901234567890123456789012' });
    expect(short.field).toBe(PSKC_KEY_FIELD);
    expect(short.message).toContain('このファイルは AES-256-CBC で暗号化されています。事前共有鍵は16進数64桁（32バイト）で入力してください');
    const notHex = refusal(xml, { preSharedKeyHex: 'qwerty' });
    expect(notHex.field).toBe(PSKC_KEY_FIELD);
    expect(notHex.message).toBe('事前共有鍵は16進数（0〜9、A〜F）で入力してください。');
  });
});

describe('parseSeedFile and the password', () => {
  const FIGURE7 = readFileSync(new URL('./fixtures/rfc6030-figure7.xml', import.meta.url), 'utf8');

  it('reads RFC 6030 Figure 7 with its password, typed in full-width too', () => {
    for (const password of ['qwerty', 'ｑｗｅｒｔｙ']) {
      expect(parseSeedFile(FIGURE7, { password, now }).records.map((r) => r.serial)).toEqual(['000987654321']);
    }
  });

  it('asks for the password when only a pre-shared key is given', () => {
    const e = refusal(FIGURE7, { preSharedKeyHex: '12345678901234567890123456789012' });
    expect(e.field).toBe(PSKC_PASSWORD_FIELD);
    expect(e.message).toContain('パスワードを入力してください');
  });
});
