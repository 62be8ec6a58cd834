/**
 * What the bank says, into the branch's ledger: contracts and token states from the core
 * service's feeds, and the stock head office allotted to this terminal. The bank's word is a
 * projection like the branch's own: it is not journalled (it is not the branch's act), except the
 * stock received, which the branch now holds.
 */
import { createHash } from 'node:crypto';
import type { ContractItem, TokenStateItem } from '../domain/sync-protocol';
import type { OtpParams, TokenState } from '../domain/types';
import type { ContractDetails } from '../domain/validation';
import type { Db } from './db';
import { appendJournal } from './journal';
import { sql } from './prepared';
import { sealContext } from './seal-at-rest';
import type { SecretBox } from './sealed-secret';
import { insertSeedBatch, insertToken } from './token-repo';

/** Rows an entry not yet at the bank will change: the bank's older word must not overwrite them. */
export interface Unsent {
  serials: ReadonlySet<string>;
  contractRefs: ReadonlySet<string>;
}

/** A token moved into one of these by the bank is in another branch's drawer, not this one's. */
const DRAWER_STATES: ReadonlySet<TokenState> = new Set(['IN_STOCK', 'DAMAGED_IN_STOCK', 'EXCHANGED']);

type SealedDetails = Omit<ContractDetails, 'featurePhone'>;

/**
 * One contract the bank knows, with its current token: the bank's name and account where it has
 * them, the branch's where it has not (a contract issued here before the bank knew it). A token
 * the branch has never held comes in without its seed, as not the branch's (ours = 0).
 */
export function applyBankContract(db: Db, box: SecretBox, c: ContractItem, unsent: Unsent): void {
  const ref = box.contractRef(c.contractId);
  if (unsent.contractRefs.has(ref)) return;
  const row = sql(db, 'SELECT details_enc FROM contracts WHERE contract_ref = ?').get(ref) as { details_enc: Buffer | null } | undefined;
  const mine = row?.details_enc ? box.openJson<SealedDetails>(row.details_enc, sealContext.contract(ref)) : null;
  const details: SealedDetails = {
    contractId: c.contractId,
    nameKanji: c.nameKanji ?? mine?.nameKanji ?? '',
    nameKana: c.nameKana ?? mine?.nameKana ?? '',
    accountBranch: c.account?.branchCode ?? mine?.accountBranch ?? '',
    accountSubject: c.account?.subject ?? mine?.accountSubject ?? '',
    accountNumber: c.account?.number ?? mine?.accountNumber ?? '',
  };
  sql(
    db,
    `INSERT INTO contracts (contract_ref, details_enc, feature_phone, current_serial, updated_at) VALUES (@ref, @details, @featurePhone, @currentSerial, @updatedAt)
     ON CONFLICT (contract_ref) DO UPDATE SET details_enc = excluded.details_enc, feature_phone = excluded.feature_phone,
       current_serial = excluded.current_serial, updated_at = excluded.updated_at`,
  ).run({ ref, details: box.sealJson(details, sealContext.contract(ref)), featurePhone: c.featurePhone ? 1 : 0, currentSerial: c.currentSerial, updatedAt: c.updatedAt });
  if (c.currentSerial && c.currentState) {
    applyBankTokenState(db, box, { serial: c.currentSerial, state: c.currentState, contractId: c.contractId, updatedAt: c.updatedAt }, unsent, true);
  }
}

/**
 * A token's state as the bank holds it, for a token the branch knows (or, `insertIfUnknown`, a
 * contract's current token it does not): only when it differs, so that the bank's echo of the
 * branch's own act changes nothing. A token the bank moved into a drawer state is in another
 * branch's drawer: it leaves this branch's counts (ours = 0) until a counter act here.
 */
export function applyBankTokenState(db: Db, box: SecretBox, t: TokenStateItem, unsent: Unsent, insertIfUnknown = false): void {
  if (unsent.serials.has(t.serial)) return;
  const ref = t.contractId ? box.contractRef(t.contractId) : null;
  // Only a contract this ledger holds can be named (a foreign key): one the feed has not brought yet is left as it was.
  const known = ref !== null && sql(db, 'SELECT 1 FROM contracts WHERE contract_ref = ?').get(ref) !== undefined;
  const now = sql(db, 'SELECT state, contract_ref AS contractRef FROM tokens WHERE serial = ?').get(t.serial) as { state: TokenState; contractRef: string | null } | undefined;
  if (!now) {
    if (insertIfUnknown) {
      sql(db, 'INSERT INTO tokens (serial, state, contract_ref, updated_at, ours) VALUES (?, ?, ?, ?, 0)').run(t.serial, t.state, known ? ref : null, t.updatedAt);
    }
    return;
  }
  if (now.state === t.state && (!known || now.contractRef === ref)) return;
  sql(
    db,
    `UPDATE tokens SET state = @state, contract_ref = COALESCE(@ref, contract_ref), updated_at = @updatedAt,
       ours = CASE WHEN @intoDrawer = 1 THEN 0 ELSE ours END WHERE serial = @serial`,
  ).run({ serial: t.serial, state: t.state, ref: known ? ref : null, updatedAt: t.updatedAt, intoDrawer: now.state !== t.state && DRAWER_STATES.has(t.state) ? 1 : 0 });
}

export interface AllottedSeed {
  serial: string;
  params: OtpParams;
  driftSteps: number;
  secret: Uint8Array;
}

/** Who the ledger names for what the sync records by itself (the stock head office sent). */
export const SYNC_ACTOR = 'sync';

/**
 * Head office's allotment, arrived: one batch, each seed sealed with the terminal's data key at
 * once, one journal entry. A serial the branch already has is not taken twice.
 */
export function receiveStock(db: Db, box: SecretBox, seeds: AllottedSeed[], at: string): number {
  const fresh = seeds.filter((s) => sql(db, 'SELECT 1 FROM tokens WHERE serial = ?').get(s.serial) === undefined);
  if (fresh.length === 0) return 0;
  const serials = fresh.map((s) => s.serial);
  const batchId = insertSeedBatch(db, {
    fileName: '本部割当',
    sha256: createHash('sha256').update(serials.join('\n')).digest('hex'),
    format: 'HEAD_OFFICE',
    count: fresh.length,
    operatorId: null,
    importedAt: at,
  });
  for (const s of fresh) insertToken(db, { serial: s.serial, batchId, params: s.params, driftSteps: s.driftSteps, secretEnc: box.seal(s.secret, s.serial), updatedAt: at });
  appendJournal(db, { kind: 'STOCK_ALLOTTED', occurredAt: at, operatorId: SYNC_ACTOR, payload: { batchId, count: fresh.length, serials } });
  return fresh.length;
}
