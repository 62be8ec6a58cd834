import { createHash, randomBytes, randomInt } from 'node:crypto';
import type pg from 'pg';
import { GENESIS_HASH } from '../domain/journal-chain';
import { terminalIdOf, type EnrolRequest } from '../domain/sync-protocol';
import { normalizeInput } from '../domain/validation';
import { sealAtRest, x25519PublicKey } from './crypto';
import { inTransaction } from './database';
import { Refused } from './refused';

/** No 0/O, 1/I: the code is read aloud or typed from paper. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_DAYS = 7;

const codeHash = (code: string) => createHash('sha256').update(normalizeInput(code).toUpperCase().replace(/[^A-Z0-9]/gu, '')).digest('hex');

/** A one-time code for one branch terminal, kept only as its hash; the terminal row waits for it. */
export async function issueEnrolmentCode(pool: pg.Pool, branchCode: string, terminalNo: string) {
  const terminalId = terminalIdOf(branchCode, terminalNo);
  const raw = Array.from({ length: 16 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  const code = raw.match(/.{4}/gu)!.join('-');
  const expiresAt = new Date(Date.now() + CODE_DAYS * 86_400_000);
  await inTransaction(pool, async (tx) => {
    await tx.query(
      `INSERT INTO terminals (terminal_id, branch_code, terminal_no, status, held_hash, created_at)
       VALUES ($1, $2, $3, 'PENDING', $4, now()) ON CONFLICT (terminal_id) DO NOTHING`,
      [terminalId, branchCode, terminalNo, GENESIS_HASH],
    );
    await tx.query('INSERT INTO enrolment_codes VALUES ($1, $2, now(), $3, NULL)', [codeHash(code), terminalId, expiresAt]);
  });
  return { terminalId, code, expiresAt: expiresAt.toISOString() };
}

/**
 * Exchanges a code, once, for a new credential. Enrolling again (a new PC for the same terminal)
 * replaces the credential and key; the journal goes on from where the core holds it.
 */
export async function enrol(pool: pg.Pool, masterKey: Buffer, req: EnrolRequest) {
  try {
    x25519PublicKey(req.publicKey);
  } catch {
    throw new Refused('INVALID_REQUEST', '公開鍵が X25519 の鍵ではありません');
  }
  const credential = randomBytes(32);
  return inTransaction(pool, async (tx) => {
    const used = await tx.query<{ terminal_id: string }>(
      'UPDATE enrolment_codes SET used_at = now() WHERE code_sha256 = $1 AND used_at IS NULL AND expires_at > now() RETURNING terminal_id',
      [codeHash(req.code)],
    );
    const terminalId = used.rows[0]?.terminal_id;
    if (!terminalId) throw new Refused('ENROLMENT_CODE_INVALID', '登録コードが正しくないか、使用済みか、期限切れです');
    const t = await tx.query<{ branch_code: string; terminal_no: string; held_seq: number }>(
      `UPDATE terminals SET status = 'ACTIVE', credential_enc = $2, public_key = $3, enrolled_at = now(), revoked_at = NULL
       WHERE terminal_id = $1 RETURNING branch_code, terminal_no, held_seq`,
      [terminalId, sealAtRest(masterKey, credential), req.publicKey],
    );
    const row = t.rows[0]!;
    return { terminalId, branchCode: row.branch_code, terminalNo: row.terminal_no, credential: credential.toString('base64url'), heldSeq: row.held_seq };
  });
}

const TERMINAL_SELECT = `SELECT terminal_id AS "terminalId", branch_code AS "branchCode", terminal_no AS "terminalNo", status,
  held_seq AS "heldSeq", enrolled_at AS "enrolledAt", last_seen_at AS "lastSeenAt" FROM terminals`;

type TerminalRow = { enrolledAt: Date | null; lastSeenAt: Date | null } & Record<string, unknown>;
const terminalOut = (t: TerminalRow) => ({ ...t, enrolledAt: t.enrolledAt?.toISOString() ?? null, lastSeenAt: t.lastSeenAt?.toISOString() ?? null });

export async function listTerminals(pool: pg.Pool) {
  const r = await pool.query<TerminalRow>(`${TERMINAL_SELECT} ORDER BY terminal_id`);
  return { items: r.rows.map(terminalOut) };
}

export async function revoke(pool: pg.Pool, terminalId: string) {
  const r = await pool.query<TerminalRow>(
    `WITH t AS (UPDATE terminals SET status = 'REVOKED', revoked_at = now() WHERE terminal_id = $1 RETURNING terminal_id) ${TERMINAL_SELECT} WHERE terminal_id IN (SELECT terminal_id FROM t)`,
    [terminalId],
  );
  if (!r.rows[0]) throw new Refused('NOT_FOUND', `端末 ${terminalId} は本部に登録されていません`);
  return terminalOut({ ...r.rows[0], status: 'REVOKED' });
}

export async function heldSeq(pool: pg.Pool, terminalId: string): Promise<number> {
  const r = await pool.query<{ held_seq: number }>('SELECT held_seq FROM terminals WHERE terminal_id = $1', [terminalId]);
  return r.rows[0]?.held_seq ?? 0;
}
