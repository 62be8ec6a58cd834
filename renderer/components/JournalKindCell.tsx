import { formatYen, type JournalLine } from '../../services/contract';

/** A journal line's kind as the lists show it: the word read whole, and beneath it what the server says of it (why it was refused …). */
export function JournalKindCell({ kindLabel, detail }: { kindLabel: string; detail: string | null }) {
  return (
    <td className="journal-kind">
      <span className="journal-kind-label">{kindLabel}</span>
      {detail ? <span className="journal-detail">{detail}</span> : null}
    </td>
  );
}

/** What a journal line is about, in the columns every list of them ends with: serial, contract, amount. */
export function JournalSubjectCells({ entry }: { entry: Pick<JournalLine, 'serial' | 'contractId' | 'amount'> }) {
  return (
    <>
      <td className="mono">{entry.serial ?? '—'}</td>
      <td className="mono">{entry.contractId ?? '—'}</td>
      <td className="num">{entry.amount === null ? '—' : formatYen(entry.amount)}</td>
    </>
  );
}
