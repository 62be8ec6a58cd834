import type { Tx } from './database';

/**
 * The change clock orders every change to contracts and tokens. Writers hold its row lock until
 * they commit, so revisions commit in order and a reader paging by revision skips nothing still
 * in flight. A writer that reads the registry before it writes takes the lock first.
 */
export async function lockClock(tx: Tx): Promise<void> {
  await tx.query('SELECT rev FROM change_clock WHERE id = 1 FOR UPDATE');
}

/** Allocates `n` revisions (locking the clock until commit) and gives the first. */
export async function takeRevisions(tx: Tx, n: number): Promise<number> {
  const r = await tx.query<{ rev: number }>('UPDATE change_clock SET rev = rev + $1 WHERE id = 1 RETURNING rev', [n]);
  return r.rows[0]!.rev - n + 1;
}
