import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

const cache = new WeakMap<Db, Map<string, Statement>>();

/**
 * The statement for `text` on this connection, prepared on first use only: the counter runs the
 * same few statements all day, and preparing one costs about as much as running it.
 */
export function sql(db: Db, text: string): Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(text);
  if (!statement) {
    statement = db.prepare(text);
    statements.set(text, statement);
  }
  return statement;
}
