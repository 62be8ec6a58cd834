import type { KeyStore } from '../db/sealed-secret';

/** The data key at work in this process, and whether this PC keeps it yet (services/key-recovery.ts). */
export class DataKey {
  constructor(
    readonly key: Buffer,
    private readonly store: KeyStore,
    private kept: boolean,
    /** scrypt's N for a new recovery wrapping (tests lower it; a wrapping records its own). */
    readonly kdfCost: number,
  ) {}

  /** Keeps the key on this PC, once: a first run's key is written when the branch is set up, not before. */
  async keep(): Promise<void> {
    if (this.kept) return;
    await this.store.write(this.key);
    this.kept = true;
  }
}
