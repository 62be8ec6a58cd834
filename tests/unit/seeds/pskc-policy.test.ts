import { describe, expect, it } from 'vitest';
import { edit, expectRfcToken, FIGURE3, fixture, parse, refusal } from './pskc-fixtures';

const FIGURE5 = fixture('rfc6030-figure5.xml');
const PLACE = '1件目のKeyPackage（Id=12345678、シリアル番号 000987654321）';
const NOT_UNDERSTOOD = 'を理解できません。RFC 6030 では理解できないポリシーのある鍵は使ってはならないため、取り込めません';

/** Figure 3 with a Policy of the given content. */
const withPolicy = (inner: string) => edit(FIGURE3, '</Key>', `<Policy>${inner}</Policy></Key>`);
const pin = (attributes: string) => withPolicy(`<PINPolicy ${attributes}/><KeyUsage>OTP</KeyUsage>`);

describe('Policy: StartDate and ExpiryDate against the import time', () => {
  const valid = withPolicy('<StartDate>2026-04-01T00:00:00Z</StartDate><ExpiryDate>2031-03-31T23:59:59Z</ExpiryDate>');

  it('a key is imported from its start to its expiry, both included', () => {
    for (const now of ['2026-04-01T00:00:00Z', '2028-01-01T00:00:00Z', '2031-03-31T23:59:59Z']) {
      expectRfcToken(parse(valid, { now: new Date(now) }), '12345678');
    }
  });

  it('a moment before the start or after the expiry refuses the file, naming the key and the date', () => {
    expect(refusal(valid, { now: new Date('2026-03-31T23:59:59.999Z') }).message).toBe(
      `${PLACE}: 鍵の使用開始日時（Policy/StartDate 2026-04-01T00:00:00Z）より前のため、まだ取り込めません`,
    );
    expect(refusal(valid, { now: new Date('2031-04-01T00:00:00.001Z') }).message).toBe(
      `${PLACE}: 鍵の有効期限（Policy/ExpiryDate 2031-03-31T23:59:59Z）を過ぎているため、取り込めません`,
    );
  });

  it('a time zone is honoured; a time without one is Japan time', () => {
    const inJapan = withPolicy('<ExpiryDate>2026-03-31T23:59:59</ExpiryDate>');
    const sameInstant = withPolicy('<ExpiryDate>2026-03-31T23:59:59.000+09:00</ExpiryDate>');
    for (const xml of [inJapan, sameInstant]) {
      expect(parse(xml, { now: new Date('2026-03-31T14:59:59Z') })).toHaveLength(1);
      expect(refusal(xml, { now: new Date('2026-03-31T15:00:00Z') }).message).toContain('鍵の有効期限');
    }
    expect(parse(withPolicy('<ExpiryDate>2026-03-31T10:00:00-05:00</ExpiryDate>'), { now: new Date('2026-03-31T14:59:59Z') })).toHaveLength(1);
  });

  it('a date that is not an xs:dateTime, or not a real day, is refused', () => {
    for (const date of ['2026-04-01', '2026/04/01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-04-01T24:00:00Z', '2026-04-01T23:59:60Z']) {
      expect(refusal(withPolicy(`<StartDate>${date}</StartDate>`)).message).toBe(
        `${PLACE}: 日時（Policy/StartDate）「${date}」を読み取れません（例: 2026-04-01T00:00:00Z）`,
      );
    }
    expect(refusal(withPolicy('<ExpiryDate>2031-01-01T00:00:00Z</ExpiryDate><ExpiryDate>2032-01-01T00:00:00Z</ExpiryDate>')).message).toBe(
      `${PLACE}: Policy/ExpiryDate が複数あります`,
    );
  });
});

describe('Policy: KeyUsage and NumberOfTransactions', () => {
  it('a key for OTPs is imported, with other registered usages beside it', () => {
    expect(parse(withPolicy('<KeyUsage>OTP</KeyUsage>'))).toHaveLength(1);
    expect(parse(withPolicy('<KeyUsage>Integrity</KeyUsage><KeyUsage>OTP</KeyUsage>'))).toHaveLength(1);
  });

  it('a key not for OTPs is refused', () => {
    expect(refusal(withPolicy('<KeyUsage>CR</KeyUsage><KeyUsage>Unlock</KeyUsage>')).message).toBe(
      `${PLACE}: 鍵の用途（Policy/KeyUsage）が CR・Unlock で、ワンタイムパスワード（OTP）用ではないため取り込めません`,
    );
  });

  it('a usage RFC 6030 does not register is not understood, even beside OTP', () => {
    expect(refusal(withPolicy('<KeyUsage>OTP</KeyUsage><KeyUsage>Payment</KeyUsage>')).message).toBe(
      `${PLACE}: 鍵の用途（Policy/KeyUsage）「Payment」${NOT_UNDERSTOOD}`,
    );
  });

  it('a limit on the number of uses is refused: nothing here counts them', () => {
    expect(refusal(withPolicy('<KeyUsage>OTP</KeyUsage><NumberOfTransactions>100</NumberOfTransactions>')).message).toBe(
      `${PLACE}: 鍵の使用回数に上限があります（Policy/NumberOfTransactions 100回）。当行のシステムは使用回数を数えないため、取り込めません`,
    );
    expect(refusal(withPolicy('<NumberOfTransactions>many</NumberOfTransactions>')).message).toBe(
      `${PLACE}: 使用回数の上限（Policy/NumberOfTransactions）「many」${NOT_UNDERSTOOD}`,
    );
  });
});

describe('Policy: PINPolicy (the bank uses no PINs)', () => {
  it('RFC 6030 Figure 5: a device PIN delivered as a key of its own is refused, saying why', () => {
    expect(refusal(FIGURE5).message).toBe(
      `${PLACE}: このトークンは本体でPINを確かめてからコードを表示します（Policy/PINPolicy、PINUsageMode=Local）。` +
        'その初期PINがファイル内の別の鍵（PINKeyId=123456781）で届いていますが、当行はPINをお客さまにお渡ししないため、取り込めません',
    );
  });

  it('a PIN checked on the device alone (Local) is accepted: its codes are plain HOTP, the verifier needs no PIN', () => {
    expectRfcToken(parse(pin('MinLength="4" MaxLength="8" MaxFailedAttempts="5" PINEncoding="DECIMAL" PINUsageMode="Local"')), '12345678');
  });

  it('a PIN the verifier must check (Prepend, Append) or that enters the code (Algorithmic) is refused', () => {
    expect(refusal(pin('PINUsageMode="Prepend"')).message).toBe(
      `${PLACE}: このトークンはコードの前にPINを付けて入力する方式です（Policy/PINPolicy、PINUsageMode=Prepend）。` +
        'PINは照合する側が確かめる必要がありますが、当行はPINを使わないため、取り込めません',
    );
    expect(refusal(pin('PINUsageMode="Append"')).message).toContain('コードの後にPINを付けて入力する方式です');
    expect(refusal(pin('PINUsageMode="Algorithmic"')).message).toBe(
      `${PLACE}: このトークンはPINをコードの計算に使います（Policy/PINPolicy、PINUsageMode=Algorithmic）。当行はPINを使わないため、コードを照合できず、取り込めません`,
    );
  });

  it('a PINPolicy without its mandatory PINUsageMode, or with anything not understood, is refused', () => {
    expect(refusal(pin('MinLength="4"')).message).toBe(
      `${PLACE}: PINの使い方（Policy/PINPolicy/@PINUsageMode）がありません。RFC 6030 で必須の属性のため、取り込めません`,
    );
    expect(refusal(pin('PINUsageMode="Remote"')).message).toBe(`${PLACE}: PINの使い方（Policy/PINPolicy/@PINUsageMode）「Remote」${NOT_UNDERSTOOD}`);
    expect(refusal(pin('PINUsageMode="Local" Biometric="true"')).message).toBe(`${PLACE}: Policy/PINPolicy の属性 Biometric${NOT_UNDERSTOOD}`);
    expect(refusal(pin('PINUsageMode="Local" PINEncoding="EMOJI"')).message).toBe(`${PLACE}: Policy/PINPolicy/@PINEncoding「EMOJI」${NOT_UNDERSTOOD}`);
    expect(refusal(pin('PINUsageMode="Local" MinLength="four"')).message).toBe(`${PLACE}: Policy/PINPolicy/@MinLength「four」${NOT_UNDERSTOOD}`);
    const child = withPolicy('<PINPolicy PINUsageMode="Local"><Reset/></PINPolicy>');
    expect(refusal(child).message).toBe(`${PLACE}: Policy/PINPolicy の中の Reset${NOT_UNDERSTOOD}`);
  });
});

describe('Policy: anything else refuses the file whole', () => {
  it('an element madoguchi does not know, in any namespace, is named', () => {
    expect(refusal(withPolicy('<KeyUsage>OTP</KeyUsage><GeoFence>JP</GeoFence>')).message).toBe(
      `${PLACE}: ポリシーの項目（Policy/GeoFence）${NOT_UNDERSTOOD}`,
    );
    const foreign = withPolicy('<ext:MaxUsesPerDay xmlns:ext="urn:example:vendor">10</ext:MaxUsesPerDay>');
    expect(refusal(foreign).message).toBe(`${PLACE}: ポリシーの項目（Policy/MaxUsesPerDay）${NOT_UNDERSTOOD}`);
  });

  it('so does an attribute on Policy, or a second Policy', () => {
    expect(refusal(edit(FIGURE3, '</Key>', '<Policy Strict="yes"><KeyUsage>OTP</KeyUsage></Policy></Key>')).message).toBe(
      `${PLACE}: ポリシーの項目（Policy/@Strict）${NOT_UNDERSTOOD}`,
    );
    expect(refusal(edit(FIGURE3, '</Key>', '<Policy/><Policy/></Key>')).message).toBe(`${PLACE}: Policy が複数あります`);
  });

  it('an empty Policy, or one of known elements only, is no obstacle', () => {
    expectRfcToken(parse(withPolicy('')), '12345678');
    expectRfcToken(parse(edit(FIGURE3, '</Key>', '<Policy/></Key>')), '12345678');
  });
});
