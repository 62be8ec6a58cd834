import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Where this PC keeps the 32-byte data key: a user-only key file (browser mode), or wrapped by the
 * OS keychain (Electron safeStorage). The key is made at first run and restored from its recovery
 * passphrase on a new PC (services/key-recovery.ts).
 */
export interface KeyStore {
  /** The key kept here; null where none is kept or it cannot be unwrapped here (a new PC, a reset Windows profile). */
  read(): Buffer | null;
  /** Keeps `key` here in place of what was kept. */
  write(key: Buffer): Promise<void>;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The data key at work on what the ledger must not hold in the clear: token seeds, customers'
 * personal data, the receipts printed for them. AES-256-GCM, laid out iv | tag | ciphertext, with
 * a context (the serial, `contract:<ref>`, `receipt:<no>` …) bound as additional data, so that a
 * ciphertext copied onto another row fails to open. Contracts are found by a keyed hash of their
 * ID (`contractRef`), so that look-ups work without the ID being stored.
 */
export class SecretBox {
  private readonly refKey: Buffer;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('data key must be 32 bytes');
    this.refKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'madoguchi contract reference', 32));
  }

  seal(plain: Uint8Array, context: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  open(sealed: Buffer, context: string): Uint8Array {
    const iv = sealed.subarray(0, IV_BYTES);
    const tag = sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    const head = decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES));
    const tail = decipher.final();
    // Its own memory, and the pieces wiped: Buffer.concat would leave a copy of the secret in Node's
    // shared buffer pool, beyond the reach of the caller's fill(0).
    const plain = new Uint8Array(head.length + tail.length);
    plain.set(head);
    plain.set(tail, head.length);
    head.fill(0);
    tail.fill(0);
    return plain;
  }

  sealJson(value: unknown, context: string): Buffer {
    return this.seal(Buffer.from(JSON.stringify(value), 'utf8'), context);
  }

  openJson<T>(sealed: Buffer, context: string): T {
    const plain = this.open(sealed, context);
    try {
      // A view, not a copy: no plain bytes left in the buffer pool.
      return JSON.parse(Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength).toString('utf8')) as T;
    } finally {
      plain.fill(0);
    }
  }

  /** The keyed hash a contract is stored and found under: the same ID always gives the same reference. */
  contractRef(contractId: string): string {
    return createHmac('sha256', this.refKey).update(contractId, 'utf8').digest('hex');
  }
}
