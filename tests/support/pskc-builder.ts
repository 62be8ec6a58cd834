import { createCipheriv, createHmac, randomBytes } from 'node:crypto';

export type PskcCipher = 'cbc' | 'kw';

export interface PskcBuildOptions {
  /** AES-CBC with a ValueMAC per value (the default), or AES key wrap (RFC 5649 padding where needed) without MACs. */
  cipher?: PskcCipher;
  mac?: 'sha1' | 'sha256';
}

const MAC_URIS = {
  sha1: 'http://www.w3.org/2000/09/xmldsig#hmac-sha1',
  sha256: 'http://www.w3.org/2001/04/xmldsig-more#hmac-sha256',
};

/**
 * Builds an encrypted PSKC file as a vendor would: one key (16, 24 or 32 bytes: AES-128/192/256),
 * one MAC key, a fresh IV per value.
 */
export function buildEncryptedPskc(
  psk: Uint8Array,
  tokens: { serial: string; id: string; secret: Uint8Array; totp?: boolean; counter?: number }[],
  opts: PskcBuildOptions = {},
): string {
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
    return `
  <KeyPackage>
    <DeviceInfo><Manufacturer>Vendor</Manufacturer><SerialNo>${t.serial}</SerialNo></DeviceInfo>
    <Key Id="${t.id}" Algorithm="urn:ietf:params:xml:ns:keyprov:pskc:${t.totp ? 'totp' : 'hotp'}">
      <AlgorithmParameters><ResponseFormat Length="6" Encoding="DECIMAL"/></AlgorithmParameters>
      <Data>
        <Secret>${encrypted(t.secret)}</Secret>
        ${t.totp ? '<TimeInterval><PlainValue>30</PlainValue></TimeInterval>' : `<Counter>${encrypted(counter)}</Counter>`}
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
  <EncryptionKey><ds:KeyName>PSK-2025-01</ds:KeyName></EncryptionKey>${macMethod}${packages.join('')}
</KeyContainer>
`;
}
