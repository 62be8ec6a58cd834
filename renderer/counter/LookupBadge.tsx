import { normalizeSerial } from '../../services/contract';
import { Badge, type Tone } from '../components/Badge';
import { lookupFor, type ContractInfo, type Lookup, type StockInfo } from './session';

/** What the look-up for the text in a field says: busy, the server's refusal, or `ok(value)`. */
export function LookupBadge<V>({
  id,
  testId,
  lookup,
  typed,
  ok,
}: {
  id: string;
  testId?: string;
  lookup: Lookup<V>;
  typed: string;
  ok: (value: V) => { text: string; tone: Tone };
}) {
  const l = lookupFor(lookup, typed);
  if (l.status === 'idle') return <Badge id={id} testId={testId} />;
  if (l.status === 'loading') return <Badge id={id} testId={testId}>確認中…</Badge>;
  if (l.status === 'error') return <Badge id={id} testId={testId} tone="badge--error">{l.message}</Badge>;
  const shown = ok(l.value);
  return (
    <Badge id={id} testId={testId} tone={shown.tone}>
      {shown.text}
    </Badge>
  );
}

/** A token from the branch's stock: its state, green only when it can be handed out. */
export const stockState = (v: StockInfo) => ({ text: v.stateLabel, tone: v.state === 'IN_STOCK' ? 'badge--ok' : 'badge--warn' }) as const;

/**
 * A serial the customer brings (the old token, the serial on the 利用中止届) against the one the
 * contract holds: the teller sees a mismatch before pressing 確認.
 */
export function SerialMatchBadge({ id, typed, contract }: { id: string; typed: string; contract: ContractInfo | null }) {
  const serial = normalizeSerial(typed);
  if (!contract || !serial) return <Badge id={id} />;
  if (serial === contract.currentSerial) return <Badge id={id} tone="badge--ok">ご契約のトークンと一致</Badge>;
  return (
    <Badge id={id} tone="badge--error">
      ご契約のトークン（{contract.currentSerial ?? 'なし'}）と一致しません
    </Badge>
  );
}
