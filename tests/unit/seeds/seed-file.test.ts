import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors';
import { PSKC_ERROR } from '../../../seeds/pskc';
import { parseSeedFile } from '../../../services/stock';

function refusal(content: string): DomainError {
  try {
    parseSeedFile(content);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('parseSeedFile picks the parser by content', () => {
  it('reads CSV as OATH CSV', () => {
    expect(parseSeedFile(`AB1234567890,${'31'.repeat(20)},hotp,6\n`).format).toBe('OATH_CSV');
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
