import { describe, expect, it } from 'vitest';
import { maskAccount, maskContractId, maskGivenName, maskName, nameOnDocument } from '../../../domain/masking';

describe('maskName', () => {
  it('keeps the first character and the spaces', () => {
    expect(maskName('山田\u3000太郎')).toBe('山＊\u3000＊＊');
    expect(maskName('ヤマダ タロウ')).toBe('ヤ＊＊ ＊＊＊');
    expect(maskName('林')).toBe('林');
    expect(maskName('')).toBe('');
  });

  it('counts a surrogate-pair kanji as one character', () => {
    expect(maskName('𠮷野家')).toBe('𠮷＊＊');
    expect(maskName('高𠮷')).toBe('高＊');
  });
});

describe('maskGivenName', () => {
  it('keeps the family name up to the first space, half- or full-width', () => {
    expect(maskGivenName('山田 太郎')).toBe('山田 ＊＊');
    expect(maskGivenName('山田\u3000太郎')).toBe('山田\u3000＊＊');
    expect(maskGivenName('ヤマダ タロウ')).toBe('ヤマダ ＊＊＊');
    expect(maskGivenName('長谷川 𠮷之助')).toBe('長谷川 ＊＊＊');
  });

  it('falls back to the first character when the name has no space to split on', () => {
    expect(maskGivenName('山田太郎')).toBe('山＊＊＊');
    expect(maskGivenName('林')).toBe('林');
  });
});

describe('nameOnDocument', () => {
  it('applies the bank’s rule', () => {
    expect(nameOnDocument('山田 太郎', 'INITIAL')).toBe('山＊ ＊＊');
    expect(nameOnDocument('山田 太郎', 'FAMILY')).toBe('山田 ＊＊');
    expect(nameOnDocument('山田 太郎', 'FULL')).toBe('山田 太郎');
  });
});

describe('maskAccount', () => {
  it('shows only the last four digits', () => {
    expect(maskAccount('0001234')).toBe('＊＊＊1234');
    expect(maskAccount('9876543')).toBe('＊＊＊6543');
  });
});

describe('maskContractId', () => {
  it('masks all but the last four characters', () => {
    expect(maskContractId('AB12345678')).toBe('＊＊＊＊＊＊5678');
    expect(maskContractId('12345')).toBe('＊2345');
    expect(maskContractId('1234')).toBe('1234');
  });
});
