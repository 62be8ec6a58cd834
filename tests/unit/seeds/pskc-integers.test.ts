import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildEncryptedPskc, type PskcToken } from '../../support/pskc-builder';
import { parse, refusal } from './pskc-fixtures';

const psk = new Uint8Array(randomBytes(16));
const ascii = (s: string) => Buffer.from(s, 'latin1');
const bigEndian = (hex: string) => Buffer.from(hex, 'hex');
const PLACE = '1件目のKeyPackage（Id=1、シリアル番号 EI0000000001）';

/** One HOTP (or TOTP) token whose given Data values are encrypted from exactly these bytes. */
const file = (encrypted: PskcToken['encrypted'], totp = false) =>
  buildEncryptedPskc(psk, [{ serial: 'EI0000000001', id: '1', secret: new Uint8Array(randomBytes(20)), totp, encrypted }]);
const counterOf = (plain: Uint8Array) => parse(file({ Counter: plain }), { preSharedKey: psk })[0]?.params.counter;

describe('encrypted integers: decimal text or big-endian bytes, as the reference implementations read them', () => {
  it('an encrypted Counter written as decimal text is read as decimal (it became 55221337534519)', () => {
    expect(counterOf(ascii('298507'))).toBe(298507);
    expect(counterOf(ascii('0'))).toBe(0);
    expect(counterOf(ascii('12345678901234'))).toBe(12345678901234);
  });

  it('an encrypted Counter as big-endian bytes, 8 of them or as few as needed, is read as such', () => {
    expect(counterOf(bigEndian('0000000000048e0b'))).toBe(298507);
    expect(counterOf(bigEndian('048e0b'))).toBe(298507);
    expect(counterOf(bigEndian('00'))).toBe(0);
  });

  it('digits that are also big-endian bytes are read as decimal, the smaller reading (python-pskc\'s rule)', () => {
    // 0x3132 would be 12594; a counter read too small is found by the issuance check's look-ahead.
    expect(counterOf(ascii('12'))).toBe(12);
  });

  it('digits no decimal writer writes, that are also a big-endian number, are refused rather than guessed', () => {
    for (const plain of ['07', '+7', '000123']) {
      expect(refusal(file({ Counter: ascii(plain) }), { preSharedKey: psk }).message).toBe(
        `${PLACE}: 暗号化されたカウンター（Counter）が、10進数の文字列とも2進数の値とも読める形（先頭が0か+の数字）のため、どちらの値か決められず取り込めません。トークン業者に値の形式を確かめてください`,
      );
    }
    // Zero-padded to more than six digits, the bytes are past any big-endian counter: only decimal is left.
    expect(counterOf(ascii('00000012'))).toBe(12);
  });

  it('TOTP values too: TimeInterval, Time and a negative TimeDrift, in either form', () => {
    const totp = (encrypted: PskcToken['encrypted']) => {
      const [r] = parse(file(encrypted, true), { preSharedKey: psk });
      return r && [r.params.period, r.driftSteps];
    };
    expect(totp({ TimeInterval: ascii('60'), Time: ascii('0'), TimeDrift: ascii('-2') })).toEqual([60, -2]);
    expect(totp({ TimeInterval: bigEndian('3c'), Time: bigEndian('0000000000000000'), TimeDrift: bigEndian('fe') })).toEqual([60, -2]);
    expect(refusal(file({ TimeInterval: ascii('45') }, true), { preSharedKey: psk }).message).toContain('時間間隔（TimeInterval）45秒には対応していません');
  });

  it('more than 8 bytes that are not digits, or an empty value, are refused', () => {
    expect(refusal(file({ Counter: bigEndian('010000000000000000') }), { preSharedKey: psk }).message).toBe(
      `${PLACE}: 暗号化されたカウンター（Counter）の長さが正しくありません`,
    );
    expect(refusal(file({ Counter: new Uint8Array(0) }), { preSharedKey: psk }).message).toBe(
      `${PLACE}: 暗号化されたカウンター（Counter）の長さが正しくありません`,
    );
  });
});
