import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { DomainError } from '../../../domain/errors';
import { generateOtp } from '../../../domain/otp';
import { parsePskc, PSKC_ERROR, type PskcOptions, type PskcRecord } from '../../../seeds/pskc';

/** What the PSKC tests share: the RFC 6030 examples, their keys and seed, and ways to read and alter a file. */

export const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const ascii = (s: string) => new TextEncoder().encode(s);
export const hex = (s: string) => new Uint8Array(Buffer.from(s, 'hex'));

/** The RFC 6030 test key (section 6.1 / Figure 6): 16 bytes given in hex. */
export const RFC_PSK = hex('12345678901234567890123456789012');
/** RFC 4226 Appendix D seed, and its HOTP values truncated to 8 digits (counters 0–9). */
export const RFC_SEED = ascii('12345678901234567890');
const RFC4226_8 = ['84755224', '94287082', '37359152', '26969429', '40338314', '68254676', '18287922', '82162583', '73399871', '45520489'];

export const FIGURE3 = fixture('rfc6030-figure3.xml');
export const FIGURE6 = fixture('rfc6030-figure6.xml');
export const FIGURE7 = fixture('rfc6030-figure7.xml');
export const FIGURE10 = fixture('rfc6030-figure10.xml');
export const TOTP60 = fixture('totp-60.xml');

/** The import time of the tests, unless one says otherwise. */
export const NOW = new Date('2026-04-01T01:00:00Z');

/** parsePskc at NOW unless `opts` says another time. */
export function parse(xml: string, opts: Partial<PskcOptions> = {}): PskcRecord[] {
  return parsePskc(xml, { now: NOW, ...opts });
}

/** The refusal parsePskc gives (at NOW unless `opts` says another time). */
export function refusal(xml: string, opts: Partial<PskcOptions> = {}): DomainError {
  try {
    parse(xml, opts);
  } catch (e) {
    if (e instanceof DomainError) {
      expect(e.code).toBe(PSKC_ERROR);
      return e;
    }
    throw e;
  }
  throw new Error('expected a DomainError');
}

/** The one token of RFC 6030's examples (serial padded to 12): the RFC 4226 seed, HOTP, 8 digits, counter 0. */
export function expectRfcToken(records: PskcRecord[], keyId: string): void {
  expect(records).toEqual([
    {
      serial: '000987654321',
      keyId,
      secret: RFC_SEED,
      params: { algorithm: 'HOTP', hash: 'SHA1', digits: 8, period: 30, counter: 0 },
      driftSteps: 0,
    },
  ]);
  const [rec] = records as [PskcRecord];
  expect(RFC4226_8.map((_, c) => generateOtp(rec.params, rec.secret, c))).toEqual(RFC4226_8);
}

/** Replaces exactly one occurrence (so a fixture edit cannot silently miss). */
export function edit(xml: string, from: string | RegExp, to: string): string {
  const n = typeof from === 'string' ? xml.split(from).length - 1 : (xml.match(new RegExp(from, 'g')) ?? []).length;
  if (n !== 1) throw new Error(`edit: expected one match of ${String(from)}, found ${n}`);
  return xml.replace(from, to);
}

/** Flips one bit in the decoded bytes of a base64 text. */
export function flipBase64(b64: string, index: number): string {
  const b = Buffer.from(b64.replace(/\s/g, ''), 'base64');
  b[index] = (b[index] as number) ^ 0x01;
  return b.toString('base64');
}

/** The MAC key inside Figure 6's MACKey (the fixture's comment says so), for tests that MAC its secret again. */
const FIGURE6_MAC_KEY = hex('1122334455667788990011223344556677889900');
const FIGURE6_MAC_KEY_CIPHER = 'ESIzRFVmd4iZABEiM0RVZgKn6WjLaTC1sbeBMSvIhRejN9vJa2BOlSaMrR7I5wSX';
const FIGURE6_SECRET_CIPHER = 'AAECAwQFBgcICQoLDA0OD+cIHItlB3Wra1DUpxVvOx2lef1VmNPCMl8jwZqIUqGv';
const FIGURE6_VALUE_MAC = 'Su+NvtQfmvfJzF6bmQiJqoLRExc=';

/** IV ‖ AES-128-CBC of `plain` under the RFC pre-shared key; without padding, `plain` must fill whole blocks. */
export function rfcPskCbc(plain: Uint8Array, padding = true): Buffer {
  const iv = randomBytes(16);
  const c = createCipheriv('aes-128-cbc', RFC_PSK, iv).setAutoPadding(padding);
  return Buffer.concat([iv, c.update(plain), c.final()]);
}

/**
 * Figure 6 made again under the RFC pre-shared key: MACMethod `uri` (default HMAC-SHA1), the MAC
 * key `macKey` (default Figure 6's own), the secret's CipherValue `secretCipher` (default the
 * RFC's), and its ValueMAC made by `hash` (default sha1) over `over` (default that CipherValue,
 * IV ‖ ciphertext, as RFC 6030 §6.1.1 says).
 */
export function figure6WithMac(o: { uri?: string; hash?: string; macKey?: Uint8Array; secretCipher?: Buffer; over?: Uint8Array } = {}): string {
  let xml = FIGURE6;
  if (o.uri !== undefined) xml = edit(xml, 'Algorithm="http://www.w3.org/2000/09/xmldsig#hmac-sha1"', `Algorithm="${o.uri}"`);
  if (o.macKey !== undefined) xml = edit(xml, FIGURE6_MAC_KEY_CIPHER, rfcPskCbc(o.macKey).toString('base64'));
  const cipher = o.secretCipher ?? Buffer.from(FIGURE6_SECRET_CIPHER, 'base64');
  if (o.secretCipher !== undefined) xml = edit(xml, FIGURE6_SECRET_CIPHER, cipher.toString('base64'));
  const mac = createHmac(o.hash ?? 'sha1', o.macKey ?? FIGURE6_MAC_KEY).update(o.over ?? cipher).digest('base64');
  return edit(xml, FIGURE6_VALUE_MAC, mac);
}
