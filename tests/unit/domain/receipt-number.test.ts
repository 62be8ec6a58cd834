import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors';
import { formatReceiptNo, nextReceiptSeq, parseReceiptNo } from '../../../domain/receipt-number';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('formatReceiptNo', () => {
  it('pads the per-terminal sequence to 7 digits', () => {
    expect(formatReceiptNo('101', '02', 123)).toBe('101-02-0000123');
    expect(formatReceiptNo('001', '00', 1)).toBe('001-00-0000001');
    expect(formatReceiptNo('999', '99', 9_999_999)).toBe('999-99-9999999');
  });

  it.each([0, -1, 10_000_000, 1.5, Number.NaN])('refuses sequence %s', (seq) => {
    expect(code(() => formatReceiptNo('101', '02', seq))).toBe('RECEIPT_NO');
  });

  it('refuses a branch that is not 3 digits or a terminal that is not 2 digits', () => {
    expect(code(() => formatReceiptNo('11', '02', 1))).toBe('RECEIPT_NO');
    expect(code(() => formatReceiptNo('101', '2', 1))).toBe('RECEIPT_NO');
    expect(code(() => formatReceiptNo('10A', '02', 1))).toBe('RECEIPT_NO');
  });
});

describe('parseReceiptNo', () => {
  it('reads back what formatReceiptNo wrote', () => {
    expect(parseReceiptNo('101-02-0000123')).toEqual({ branchCode: '101', terminalNo: '02', seq: 123 });
    expect(parseReceiptNo(formatReceiptNo('345', '07', 9_999_999))).toEqual({ branchCode: '345', terminalNo: '07', seq: 9_999_999 });
  });

  it('accepts full-width digits and surrounding spaces as typed at the counter', () => {
    expect(parseReceiptNo(' １０１－０２－０００００４５ ')).toEqual({ branchCode: '101', terminalNo: '02', seq: 45 });
  });

  it.each(['101-02-123', '101020000123', '101-2-0000123', '1010-02-0000123', '101-02-0000000', 'ABC-02-0000001', ''])(
    'refuses %j',
    (s) => {
      expect(code(() => parseReceiptNo(s))).toBe('RECEIPT_NO');
    },
  );
});

describe('nextReceiptSeq', () => {
  it('starts at 1 and always moves forward', () => {
    expect(nextReceiptSeq(null)).toBe(1);
    expect(nextReceiptSeq(1)).toBe(2);
    expect(nextReceiptSeq(122)).toBe(123);
  });

  it('refuses to wrap around when the sequence is used up', () => {
    expect(nextReceiptSeq(9_999_998)).toBe(9_999_999);
    expect(code(() => nextReceiptSeq(9_999_999))).toBe('RECEIPT_NO_EXHAUSTED');
  });

  it('refuses a corrupt last value', () => {
    expect(code(() => nextReceiptSeq(-1))).toBe('RECEIPT_NO');
    expect(code(() => nextReceiptSeq(2.5))).toBe('RECEIPT_NO');
  });
});
