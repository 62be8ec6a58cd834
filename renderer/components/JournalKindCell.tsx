/** A journal line's kind as the lists show it: the word read whole, and beneath it what the server says of it (why it was refused …). */
export function JournalKindCell({ kindLabel, detail }: { kindLabel: string; detail: string | null }) {
  return (
    <td className="journal-kind">
      <span className="journal-kind-label">{kindLabel}</span>
      {detail ? <span className="journal-detail">{detail}</span> : null}
    </td>
  );
}
