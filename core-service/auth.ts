import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type pg from 'pg';
import { CLOCK_WARNING_MS, HEADERS, MAX_CLOCK_SKEW_MS, signingText, type Answer } from '../domain/sync-protocol';
import { openAtRest } from './crypto';
import { Refused } from './refused';

export interface SignedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer | null;
}

export interface Terminal {
  terminalId: string;
  publicKey: string;
}

function header(req: SignedRequest, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

/** The terminal's uncorrected clock against ours: a warning while it is off by more than CLOCK_WARNING_MS. */
export function clockWarning(req: SignedRequest, nowMs: number): Answer['clockWarning'] {
  const clock = Number(header(req, HEADERS.terminalClock));
  if (!Number.isFinite(clock)) return undefined;
  const skewMs = clock - nowMs;
  if (Math.abs(skewMs) <= CLOCK_WARNING_MS) return undefined;
  const minutes = Math.round(Math.abs(skewMs) / 60_000);
  return {
    skewSeconds: Math.round(skewMs / 1000),
    message: `端末の時計が本部より約${minutes}分${skewMs > 0 ? '進んで' : '遅れて'}います。同期は続けますが、端末の時刻を合わせてください。`,
  };
}

/**
 * Checks a terminal's signed request: a known, enrolled, unrevoked terminal; an HMAC that
 * holds; a timestamp within MAX_CLOCK_SKEW_MS of our clock; a request id not seen before
 * (remembered in the database, so that every instance knows it).
 */
export async function verifyTerminal(pool: pg.Pool, masterKey: Buffer, req: SignedRequest, nowMs: number): Promise<Terminal> {
  const terminalId = header(req, HEADERS.terminal);
  const timestamp = header(req, HEADERS.timestamp);
  const requestId = header(req, HEADERS.requestId);
  const signature = header(req, HEADERS.signature);
  if (!terminalId || !timestamp || !requestId || !signature) throw new Refused('MISSING_SIGNATURE', '署名ヘッダーがありません');

  const row = await pool.query<{ status: string; credential_enc: Buffer | null; public_key: string | null }>(
    'SELECT status, credential_enc, public_key FROM terminals WHERE terminal_id = $1',
    [terminalId],
  );
  const t = row.rows[0];
  if (!t || !t.credential_enc || !t.public_key) throw new Refused('UNKNOWN_TERMINAL', `端末 ${terminalId} は登録されていません`);
  if (t.status === 'REVOKED') throw new Refused('TERMINAL_REVOKED', `端末 ${terminalId} の登録は取り消されています`);

  const bodySha256 = createHash('sha256').update(req.rawBody ?? Buffer.alloc(0)).digest('hex');
  const text = signingText(req.method, req.url, timestamp, requestId, bodySha256);
  const expected = createHmac('sha256', openAtRest(masterKey, t.credential_enc)).update(text).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Refused('BAD_SIGNATURE', '署名が一致しません');

  const ts = Number(timestamp);
  if (!Number.isSafeInteger(ts) || Math.abs(ts - nowMs) > MAX_CLOCK_SKEW_MS) {
    throw new Refused('STALE_TIMESTAMP', '要求の時刻が本部の時計と5分以上ずれています。serverTime で補正して署名し直してください');
  }
  const fresh = await pool.query('INSERT INTO seen_requests VALUES ($1, $2, now()) ON CONFLICT DO NOTHING', [terminalId, requestId]);
  if (fresh.rowCount === 0) throw new Refused('REPLAYED_REQUEST', 'この要求IDはすでに使われています');
  return { terminalId, publicKey: t.public_key };
}

/** Request ids older than twice the window can be forgotten: their timestamps are refused anyway. */
export async function forgetOldRequestIds(pool: pg.Pool): Promise<void> {
  await pool.query(`DELETE FROM seen_requests WHERE seen_at < now() - make_interval(secs => $1)`, [(2 * MAX_CLOCK_SKEW_MS) / 1000]);
}

export function verifyAdmin(adminToken: string, req: SignedRequest): void {
  const auth = header(req, 'authorization') ?? '';
  const given = Buffer.from(auth.startsWith('Bearer ') ? auth.slice(7) : '');
  const expected = Buffer.from(adminToken);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Refused('ADMIN_AUTH', '本部の管理トークンが必要です');
}
