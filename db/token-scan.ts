import type { OtpDigits, TokenState } from '../domain/types';
import type { Db } from './db';
import { fromRaw, type RawToken, type TokenRow } from './token-repo';

/**
 * Every token in `state` showing `digits`-digit codes, read `chunk` rows at a time in serial order
 * (keyset pagination: each read is one short index range, whatever the size of the stock and its
 * history, and never all of it in memory at once).
 */
export function* scanTokens(db: Db, state: TokenState, digits: OtpDigits, chunk = 1000): Generator<TokenRow[]> {
  const page = db.prepare('SELECT * FROM tokens WHERE state = ? AND serial > ? AND secret_enc IS NOT NULL ORDER BY serial LIMIT ?');
  let after = '';
  for (;;) {
    const rows = page.all(state, after, chunk) as RawToken[];
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.serial;
    yield rows.filter((r) => r.digits === digits).map(fromRaw);
  }
}
