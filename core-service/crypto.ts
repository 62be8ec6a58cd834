import { createCipheriv, createDecipheriv, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes } from 'node:crypto';
import { SEAL_INFO, sealAad, type SealedSeed } from '../domain/sync-protocol';

/** AES-256-GCM under the core's master key: nonce ‖ tag ‖ ciphertext. */
export function sealAtRest(key: Buffer, plain: Uint8Array): Buffer {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  const body = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([nonce, c.getAuthTag(), body]);
}

export function openAtRest(key: Buffer, sealed: Buffer): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  d.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([d.update(sealed.subarray(28)), d.final()]);
}

/** An X25519 public key as the protocol carries it (raw 32 bytes, base64url); throws if it is not one. */
export function x25519PublicKey(raw: string) {
  if (Buffer.from(raw, 'base64url').length !== 32) throw new Error('not a 32-byte X25519 key');
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw }, format: 'jwk' });
}

/** Seals one seed for one terminal alone (see SealedSeed): only its private key opens it. */
export function sealForTerminal(terminalPublicKey: string, terminalId: string, serial: string, seed: Uint8Array): SealedSeed {
  const eph = generateKeyPairSync('x25519');
  const ephRaw = eph.publicKey.export({ format: 'jwk' }).x as string;
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: x25519PublicKey(terminalPublicKey) });
  const key = Buffer.from(hkdfSync('sha256', shared, Buffer.from(ephRaw, 'base64url'), SEAL_INFO, 32));
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, nonce);
  c.setAAD(Buffer.from(sealAad(terminalId, serial)));
  const ciphertext = Buffer.concat([c.update(seed), c.final()]);
  return { ephemeralPublicKey: ephRaw, nonce: nonce.toString('base64url'), ciphertext: ciphertext.toString('base64url'), tag: c.getAuthTag().toString('base64url') };
}
