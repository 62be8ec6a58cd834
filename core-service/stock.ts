import { createHash } from 'node:crypto';
import type pg from 'pg';
import { DomainError } from '../domain/errors';
import { nextState } from '../domain/token-lifecycle';
import type { TokenState } from '../domain/types';
import type { TokenStateItem } from '../domain/sync-protocol';
import type { SerialFormat } from '../domain/validation';
import { parseSeedFile } from '../seeds/seed-file';
import { sealAtRest } from './crypto';
import { lockClock, takeRevisions } from './clock';
import { inTransaction, type Tx } from './database';
import { Refused } from './refused';

export interface SeedImportRequest {
  fileName: string;
  content: string;
  preSharedKey?: string;
  password?: string;
  /** The rule the vendor's serials follow (a bank setting, as at the branches); 英数字12桁 unless given. */
  serialFormat?: SerialFormat;
}

/**
 * The vendor's file into head office's stock, with the branch's own parsers and refusals: the
 * whole file or nothing, and a serial the bank already knows refuses the file.
 */
export async function importSeeds(pool: pg.Pool, masterKey: Buffer, req: SeedImportRequest) {
  let parsed;
  try {
    parsed = parseSeedFile(req.content, { preSharedKeyHex: req.preSharedKey, password: req.password, now: new Date(), serialFormat: req.serialFormat });
  } catch (e) {
    if (e instanceof DomainError) throw new Refused('SEED_FILE_REFUSED', e.message);
    throw e;
  }
  const { format, records } = parsed;
  const sha256 = createHash('sha256').update(req.content).digest('hex');
  return inTransaction(pool, async (tx) => {
    await lockClock(tx);
    const serials = records.map((r) => r.serial);
    const known = await tx.query<{ serial: string }>('SELECT serial FROM tokens WHERE serial = ANY($1::text[]) LIMIT 5', [serials]);
    if (known.rows.length > 0) throw new Refused('STOCK_CONFLICT', `本部に登録済みのシリアル番号があります: ${known.rows.map((r) => r.serial).join('、')}`);
    const batch = await tx.query<{ batch_id: number }>(
      'INSERT INTO seed_batches (file_name, sha256, format, token_count, imported_at) VALUES ($1, $2, $3, $4, now()) RETURNING batch_id',
      [req.fileName, sha256, format, records.length],
    );
    const batchId = batch.rows[0]!.batch_id;
    let rev = await takeRevisions(tx, records.length);
    await tx.query(
      `INSERT INTO tokens (serial, state, batch_id, params, drift_steps, secret_enc, updated_at, rev)
       SELECT u.serial, 'IN_STOCK', $1, u.params, u.drift, u.secret, now(), u.rev
       FROM unnest($2::text[], $3::jsonb[], $4::int[], $5::bytea[], $6::bigint[]) AS u(serial, params, drift, secret, rev)`,
      [
        batchId,
        serials,
        records.map((r) => JSON.stringify(r.params)),
        records.map((r) => ('driftSteps' in r ? r.driftSteps : 0)),
        records.map((r) => sealAtRest(masterKey, r.secret)),
        records.map(() => rev++),
      ],
    );
    return { batchId, format, count: records.length, sha256 };
  });
}

async function requireTerminal(tx: Tx, terminalId: string): Promise<void> {
  const t = await tx.query('SELECT 1 FROM terminals WHERE terminal_id = $1', [terminalId]);
  if (!t.rowCount) throw new Refused('NOT_FOUND', `端末 ${terminalId} は本部に登録されていません`);
}

/** Head office's stock into one terminal's: a serial is in one terminal's stock at a time. */
export async function allot(pool: pg.Pool, req: { terminalId: string; serials?: string[]; count?: number }) {
  return inTransaction(pool, async (tx) => {
    await requireTerminal(tx, req.terminalId);
    await lockClock(tx);
    const free = `state = 'IN_STOCK' AND terminal_id IS NULL AND secret_enc IS NOT NULL`;
    const rows = req.serials
      ? await tx.query<{ serial: string }>(`SELECT serial FROM tokens WHERE serial = ANY($1::text[]) AND ${free} ORDER BY serial`, [req.serials])
      : await tx.query<{ serial: string }>(`SELECT serial FROM tokens WHERE ${free} ORDER BY rev LIMIT $1`, [req.count ?? 0]);
    const serials = rows.rows.map((r) => r.serial);
    if (req.serials && serials.length !== new Set(req.serials).size) {
      const missing = req.serials.filter((s) => !serials.includes(s));
      throw new Refused('STOCK_CONFLICT', `本部の未割当在庫にないシリアル番号があります: ${missing.slice(0, 5).join('、')}`);
    }
    let rev = await takeRevisions(tx, serials.length);
    await tx.query(
      `UPDATE tokens t SET terminal_id = $1, allotted_at = now(), stock_rev = u.rev
       FROM unnest($2::text[], $3::bigint[]) AS u(serial, rev) WHERE t.serial = u.serial`,
      [req.terminalId, serials, serials.map(() => rev++)],
    );
    return { terminalId: req.terminalId, serials };
  });
}

/** A move head office learns from elsewhere, e.g. 利用開始 in web banking: the token becomes ACTIVE. */
export async function activate(pool: pg.Pool, serial: string): Promise<TokenStateItem> {
  return inTransaction(pool, async (tx) => {
    await lockClock(tx);
    const t = await tx.query<{ state: TokenState; contract_id: string | null }>('SELECT state, contract_id FROM tokens WHERE serial = $1', [serial]);
    const row = t.rows[0];
    if (!row) throw new Refused('NOT_FOUND', `シリアル番号 ${serial} は本部に登録されていません`);
    let to: TokenState;
    try {
      to = nextState(row.state, 'ACTIVATE', serial);
    } catch (e) {
      if (e instanceof DomainError) throw new Refused('TOKEN_STATE_CONFLICT', e.message);
      throw e;
    }
    const rev = await takeRevisions(tx, 1);
    const u = await tx.query<{ updated_at: Date }>('UPDATE tokens SET state = $2, updated_at = now(), rev = $3 WHERE serial = $1 RETURNING updated_at', [serial, to, rev]);
    return { serial, state: to, contractId: row.contract_id, updatedAt: u.rows[0]!.updated_at.toISOString() };
  });
}
