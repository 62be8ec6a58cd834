import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from '../../../db/sealed-secret';

describe('a sealed secret opened', () => {
  it('leaves no copy of the secret in the buffer pool Node shares among small Buffers, so that wiping what it returned wipes it', () => {
    const box = new SecretBox(randomBytes(32));
    const seed = randomBytes(20);
    const sealed = box.seal(seed, 'SERIAL1');
    const pool = Buffer.from(Buffer.allocUnsafe(1).buffer);
    expect(pool.includes(seed)).toBe(false);
    const opened = box.open(sealed, 'SERIAL1');
    expect(opened).toEqual(new Uint8Array(seed));
    opened.fill(0);
    expect(pool.includes(seed)).toBe(false);
    expect(() => box.open(sealed, 'SERIAL2')).toThrow();
  });
});
