/**
 * What a list says before and instead of its rows: 読み込み中… until the first answer (nothing more
 * where the call was refused: its error says why), then the screen's own words when it is empty.
 */
export function ListStatus({ rows, error, empty }: { rows: readonly unknown[] | null; error: string | null; empty: string }) {
  if (rows === null) return error ? null : <p>読み込み中…</p>;
  return rows.length === 0 ? <p className="empty">{empty}</p> : null;
}
