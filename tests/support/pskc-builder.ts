import { createCipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

export type PskcCipher = 'cbc' | 'kw';

export interface PskcBuildOptions {
  /** AES-CBC with a ValueMAC per value (the default), or AES key wrap (RFC 5649 padding where needed) without MACs. */
  cipher?: PskcCipher;
  mac?: 'sha1' | 'sha256';
}

export interface PskcToken {
  serial: string;
  id: string;
  secret: Uint8Array;
  totp?: boolean;
  /** HOTP: written encrypted as 8 big-endian bytes (default 0). */
  counter?: number;
  /** Data values to write encrypted from exactly these plaintext bytes (instead of the counter, or TOTP's plain TimeInterval 30). */
  encrypted?: Partial<Record<'Counter' | 'Time' | 'TimeInterval' | 'TimeDrift', Uint8Array>>;
}

/** A file key derived from a password as RFC 6030 §6.2 does (PBKDF2, RFC 8018). */
export interface PasswordKey {
  password: string;
  iterations: number;
  /** AES key length to derive (default 16: AES-128). */
  keyBytes?: 16 | 24 | 32;
  salt?: Buffer;
  prf?: 'sha1' | 'sha256';
  /** What to write as PBKDF2-params/KeyLength: the key's length (default), another number, or nothing. */
  keyLength?: number | null;
}

const MAC_URIS = {
  sha1: 'http://www.w3.org/2000/09/xmldsig#hmac-sha1',
  sha256: 'http://www.w3.org/2001/04/xmldsig-more#hmac-sha256',
};

function derivedKey(p: PasswordKey): { key: Buffer; xml: string } {
  const salt = p.salt ?? randomBytes(16);
  const keyBytes = p.keyBytes ?? 16;
  const keyLength = p.keyLength === undefined ? keyBytes : p.keyLength;
  const prf = p.prf === undefined ? '<PRF/>' : `<PRF Algorithm="${MAC_URIS[p.prf]}"/>`;
  const xml = `<xenc11:DerivedKey xmlns:xenc11="http://www.w3.org/2009/xmlenc11#" xmlns:pkcs5="http://www.rsasecurity.com/rsalabs/pkcs/schemas/pkcs-5v2-0#">
    <xenc11:KeyDerivationMethod Algorithm="http://www.rsasecurity.com/rsalabs/pkcs/schemas/pkcs-5v2-0#pbkdf2">
      <pkcs5:PBKDF2-params><Salt><Specified>${salt.toString('base64')}</Specified></Salt>
        <IterationCount>${p.iterations}</IterationCount>${keyLength === null ? '' : `<KeyLength>${keyLength}</KeyLength>`}${prf}
      </pkcs5:PBKDF2-params>
    </xenc11:KeyDerivationMethod>
    <xenc11:MasterKeyName>Vendor password</xenc11:MasterKeyName>
  </xenc11:DerivedKey>`;
  return { key: pbkdf2Sync(p.password, salt, p.iterations, keyBytes, p.prf ?? 'sha1'), xml };
}

/**
 * Builds an encrypted PSKC file as a vendor would: one key (16, 24 or 32 bytes: AES-128/192/256;
 * given, or derived from a password), one MAC key, a fresh IV per value.
 */
export function buildEncryptedPskc(
  fileKey: Uint8Array | PasswordKey,
  tokens: PskcToken[],
  opts: PskcBuildOptions = {},
): string {
  const { key: psk, xml: keyXml } = fileKey instanceof Uint8Array ? { key: fileKey, xml: '<ds:KeyName>PSK-2025-01</ds:KeyName>' } : derivedKey(fileKey);
  const cipher = opts.cipher ?? 'cbc';
  const mac = opts.mac ?? 'sha1';
  const bits = psk.length * 8;
  const algorithm = `http://www.w3.org/2001/04/xmlenc#${cipher === 'cbc' ? `aes${bits}-cbc` : `kw-aes${bits}`}`;
  const macKey = randomBytes(20);
  const encrypt = (plain: Uint8Array) => {
    if (cipher === 'kw') {
      const padded = plain.length % 8 !== 0 || plain.length < 16;
      const c = createCipheriv(`id-aes${bits}-wrap${padded ? '-pad' : ''}`, psk, Buffer.from(padded ? 'a65959a6' : 'a6a6a6a6a6a6a6a6', 'hex'));
      return Buffer.concat([c.update(plain), c.final()]);
    }
    const iv = randomBytes(16);
    const c = createCipheriv(`aes-${bits}-cbc`, psk, iv);
    return Buffer.concat([iv, c.update(plain), c.final()]);
  };
  const encrypted = (plain: Uint8Array) => {
    const data = encrypt(plain);
    const valueMac = cipher === 'cbc' ? `<ValueMAC>${createHmac(mac, macKey).update(data).digest('base64')}</ValueMAC>` : '';
    return `<EncryptedValue><xenc:EncryptionMethod Algorithm="${algorithm}"/>
        <xenc:CipherData><xenc:CipherValue>${data.toString('base64')}</xenc:CipherValue></xenc:CipherData>
      </EncryptedValue>${valueMac}`;
  };
  const packages = tokens.map((t) => {
    const counter = Buffer.alloc(8);
    counter.writeBigUInt64BE(BigInt(t.counter ?? 0));
    const values: NonNullable<PskcToken['encrypted']> = t.encrypted ?? (t.totp ? {} : { Counter: counter });
    const data = Object.entries(values).map(([name, plain]) => `<${name}>${encrypted(plain)}</${name}>`);
    if (t.totp && values.TimeInterval === undefined) data.push('<TimeInterval><PlainValue>30</PlainValue></TimeInterval>');
    return `
  <KeyPackage>
    <DeviceInfo><Manufacturer>Vendor</Manufacturer><SerialNo>${t.serial}</SerialNo></DeviceInfo>
    <Key Id="${t.id}" Algorithm="urn:ietf:params:xml:ns:keyprov:pskc:${t.totp ? 'totp' : 'hotp'}">
      <AlgorithmParameters><ResponseFormat Length="6" Encoding="DECIMAL"/></AlgorithmParameters>
      <Data>
        <Secret>${encrypted(t.secret)}</Secret>
        ${data.join('\n        ')}
      </Data>
    </Key>
  </KeyPackage>`;
  });
  const macMethod =
    cipher === 'cbc'
      ? `
  <MACMethod Algorithm="${MAC_URIS[mac]}">
    <MACKey><xenc:EncryptionMethod Algorithm="${algorithm}"/>
      <xenc:CipherData><xenc:CipherValue>${encrypt(macKey).toString('base64')}</xenc:CipherValue></xenc:CipherData>
    </MACKey>
  </MACMethod>`
      : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<KeyContainer Version="1.0" xmlns="urn:ietf:params:xml:ns:keyprov:pskc"
  xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:xenc="http://www.w3.org/2001/04/xmlenc#">
  <EncryptionKey>${keyXml}</EncryptionKey>${macMethod}${packages.join('')}
</KeyContainer>
`;
}
