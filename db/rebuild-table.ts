import type { Db } from './db';

/**
 * Remakes a table from its own CREATE statement as `edit` changes it, for what ALTER TABLE cannot
 * do in SQLite (drop a NOT NULL, add a table CHECK), inside the caller's transaction and with
 * foreign keys on. The rows wait in a temporary copy while the table is dropped and made again
 * under the same name, so that the tables referencing it still name it; putting the rows back
 * settles the checks the drop deferred. Its indexes and triggers come back after the rows, so
 * that no trigger counts a row twice. Whatever else a migration added to the table is kept.
 */
export function rebuildTable(db: Db, table: string, edit: (createSql: string) => string): void {
  const create = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string } | undefined;
  if (!create) throw new Error(`no table ${table} to rebuild`);
  const attached = (db.prepare("SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL").all(table) as { sql: string }[]).map((r) => r.sql);
  db.pragma('defer_foreign_keys = ON');
  db.exec(`CREATE TEMP TABLE rebuild_rows AS SELECT * FROM ${table}`);
  db.exec(`DROP TABLE ${table}`);
  db.exec(edit(create.sql));
  db.exec(`INSERT INTO ${table} SELECT * FROM temp.rebuild_rows`);
  db.exec('DROP TABLE temp.rebuild_rows');
  for (const s of attached) db.exec(s);
}

/** `column TYPE NOT NULL` → `column TYPE`, for each column named; throws when one is not found, so that a migration never half-applies. */
export function dropNotNull(createSql: string, columns: string[]): string {
  return columns.reduce((s, column) => {
    const re = new RegExp(`(\\b${column} [A-Z]+) NOT NULL`, 'u');
    if (!re.test(s)) throw new Error(`column ${column} NOT NULL not found in: ${createSql}`);
    return s.replace(re, '$1');
  }, createSql);
}

/** Adds a table constraint before the closing parenthesis. */
export function addTableCheck(createSql: string, check: string): string {
  const end = createSql.lastIndexOf(')');
  return `${createSql.slice(0, end)},\n  CHECK (${check})\n)`;
}
