import { createDecipheriv, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync } from 'node:crypto';
import { SEAL_INFO, sealAad, type SealedSeed } from '../domain/sync-protocol';

/** The key pair a terminal makes at enrolment: the public half goes to the core, the private half stays. */
export function makeTerminalKeys(): { publicKey: string; privateKey: string } {
  const pair = generateKeyPairSync('x25519');
  return {
    publicKey: pair.publicKey.export({ format: 'jwk' }).x as string,
    privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64url'),
  };
}

/** Opens a seed the core sealed for this terminal (see SealedSeed); throws if it was sealed for another or altered. */
export function openSeed(privateKey: string, terminalId: string, serial: string, sealed: SealedSeed): Uint8Array {
  const key = createPrivateKey({ key: Buffer.from(privateKey, 'base64url'), format: 'der', type: 'pkcs8' });
  const eph = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: sealed.ephemeralPublicKey }, format: 'jwk' });
  const shared = diffieHellman({ privateKey: key, publicKey: eph });
  const aesKey = Buffer.from(hkdfSync('sha256', shared, Buffer.from(sealed.ephemeralPublicKey, 'base64url'), SEAL_INFO, 32));
  const d = createDecipheriv('aes-256-gcm', aesKey, Buffer.from(sealed.nonce, 'base64url'));
  d.setAAD(Buffer.from(sealAad(terminalId, serial)));
  d.setAuthTag(Buffer.from(sealed.tag, 'base64url'));
  return new Uint8Array(Buffer.concat([d.update(Buffer.from(sealed.ciphertext, 'base64url')), d.final()]));
}
