import { createCipheriv, createHmac, randomBytes } from 'node:crypto';

/** Builds an encrypted PSKC file as a vendor would: one PSK, one MAC key, a fresh IV per value. */
export function buildEncryptedPskc(
  psk: Uint8Array,
  tokens: { serial: string; id: string; secret: Uint8Array; totp?: boolean; counter?: number }[],
): string {
  const macKey = randomBytes(20);
  const encrypt = (plain: Uint8Array) => {
    const iv = randomBytes(16);
    const c = createCipheriv('aes-128-cbc', psk, iv);
    return Buffer.concat([iv, c.update(plain), c.final()]);
  };
  const encrypted = (plain: Uint8Array) => {
    const data = encrypt(plain);
    const mac = createHmac('sha1', macKey).update(data).digest('base64');
    return `<EncryptedValue><xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
        <xenc:CipherData><xenc:CipherValue>${data.toString('base64')}</xenc:CipherValue></xenc:CipherData>
      </EncryptedValue><ValueMAC>${mac}</ValueMAC>`;
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
  return `<?xml version="1.0" encoding="UTF-8"?>
<KeyContainer Version="1.0" xmlns="urn:ietf:params:xml:ns:keyprov:pskc"
  xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:xenc="http://www.w3.org/2001/04/xmlenc#">
  <EncryptionKey><ds:KeyName>PSK-2025-01</ds:KeyName></EncryptionKey>
  <MACMethod Algorithm="http://www.w3.org/2000/09/xmldsig#hmac-sha1">
    <MACKey><xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>
      <xenc:CipherData><xenc:CipherValue>${encrypt(macKey).toString('base64')}</xenc:CipherValue></xenc:CipherData>
    </MACKey>
  </MACMethod>${packages.join('')}
</KeyContainer>
`;
}
