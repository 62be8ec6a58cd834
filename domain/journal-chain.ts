/**
 * The hash chain of a terminal's journal, as both the terminal and the bank's core service
 * compute it: each entry's hash is SHA-256 over this canonical text of its columns, and its
 * prev_hash is the hash of the entry before it (GENESIS_HASH for the first). The hash function
 * itself is the caller's (node:crypto on either side); the domain only says what is hashed.
 */

export const GENESIS_HASH = '0'.repeat(64);
/**
 * The format new entries are written in: 1 before receipts were chained; 2 with the receipt's
 * SHA-256; 3 since customer data is sealed at rest: contract_id holds the contract's keyed
 * reference, not its ID (hashed as 2 is).
 */
export const JOURNAL_FORMAT = 3;

/** An entry's hashed columns, as stored. */
export interface ChainedEntry {
  seq: number;
  format: number;
  kind: string;
  occurred_at: string;
  operator_id: string;
  receipt_no: string | null;
  receipt_sha256: string | null;
  serial: string | null;
  contract_id: string | null;
  amount: number | null;
  payload: string;
  prev_hash: string;
}

/** Every hashed column in a fixed order; format 1 entries keep the order they were hashed in. */
export function canonicalEntry(row: ChainedEntry): string {
  const v1 = [row.seq, row.kind, row.occurred_at, row.operator_id, row.receipt_no, row.serial, row.contract_id, row.amount, row.payload, row.prev_hash];
  return JSON.stringify(row.format === 1 ? v1 : [row.format, ...v1.slice(0, 5), row.receipt_sha256, ...v1.slice(5)]);
}
