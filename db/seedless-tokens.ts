import type { Db } from './db';
import { addTableCheck, dropNotNull, rebuildTable } from './rebuild-table';

/** What a token has only where its seed is here: the batch it came in and its OTP parameters. */
const SEED_COLUMNS = ['batch_id', 'algorithm', 'hash', 'digits', 'period', 'counter', 'secret_enc'];

/**
 * Migration 16: a token may be known without its seed (issued at another branch, or before
 * madoguchi, and learned from the bank), and head office's allotments come in batches no
 * operator imported. A token has its seed, batch and parameters together or none of them.
 */
export function allowSeedlessTokens(db: Db): void {
  rebuildTable(db, 'seed_batches', (s) => dropNotNull(s, ['operator_id']));
  const together = SEED_COLUMNS.filter((c) => c !== 'secret_enc').map((c) => `(${c} IS NULL) = (secret_enc IS NULL)`);
  rebuildTable(db, 'tokens', (s) => addTableCheck(dropNotNull(s, SEED_COLUMNS), together.join(' AND ')));
}
