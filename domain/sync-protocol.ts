/**
 * The sync protocol between a terminal and the bank's core service, as both sides need it: the
 * wire shapes (core-service/openapi.yaml is their JSON Schema, checked against real traffic by
 * tests/integration/core-service/openapi.test.ts), the text a request signature covers, and the
 * parameters of a seed sealed for one terminal. Pure: the HMAC, hashing and key agreement are the
 * caller's (node:crypto on either side), as for the journal chain.
 */
import type { ChainedEntry } from './journal-chain';
import type { OtpParams, TokenState } from './types';

export const PROTOCOL_VERSION = 'v1';

/** A request whose timestamp is further than this from the core's clock is refused. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
/** A terminal whose own clock is further off than this is warned in every answer. */
export const CLOCK_WARNING_MS = 2 * 60 * 1000;

export const HEADERS = {
  terminal: 'x-madoguchi-terminal',
  /** Milliseconds since the epoch by the terminal's clock corrected by its offset to the core. */
  timestamp: 'x-madoguchi-timestamp',
  requestId: 'x-madoguchi-request-id',
  signature: 'x-madoguchi-signature',
  /** The terminal's own, uncorrected clock (milliseconds), so that the core can warn of a skew. */
  terminalClock: 'x-madoguchi-terminal-clock',
  /** Every answer, refusals included: the core's clock in milliseconds. */
  serverTime: 'x-madoguchi-server-time',
} as const;

/**
 * What a request signature covers: HMAC-SHA256 under the terminal's credential over this text,
 * base64url. `pathAndQuery` is the request target as sent (query included), `bodySha256` the hex
 * SHA-256 of the body's bytes (of the empty string for a GET).
 */
export function signingText(method: string, pathAndQuery: string, timestamp: string, requestId: string, bodySha256: string): string {
  return ['MADOGUCHI-HMAC-SHA256', method.toUpperCase(), pathAndQuery, timestamp, requestId, bodySha256].join('\n');
}

/** The terminal id the protocol uses: 店番-端末番号, e.g. 001-01. */
export function terminalIdOf(branchCode: string, terminalNo: string): string {
  return `${branchCode}-${terminalNo}`;
}

/** Machine-readable refusals, with their HTTP status. */
export const REFUSALS = {
  MALFORMED_JSON: 400,
  INVALID_REQUEST: 400,
  BATCH_NOT_CONTIGUOUS: 400,
  MISSING_SIGNATURE: 401,
  UNKNOWN_TERMINAL: 401,
  BAD_SIGNATURE: 401,
  STALE_TIMESTAMP: 401,
  REPLAYED_REQUEST: 401,
  ADMIN_AUTH: 401,
  ENROLMENT_CODE_INVALID: 401,
  TERMINAL_REVOKED: 403,
  NOT_FOUND: 404,
  SEQUENCE_GAP: 409,
  CHAIN_BROKEN: 409,
  STOCK_CONFLICT: 409,
  TOKEN_STATE_CONFLICT: 409,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  SEED_FILE_REFUSED: 422,
  INTERNAL: 500,
} as const;
export type RefusalCode = keyof typeof REFUSALS;

export interface Refusal {
  error: { code: RefusalCode; message: string; heldSeq?: number; seq?: number };
  serverTime: string;
}

/** Every answer to a terminal carries the core's time, and a warning while the terminal's clock is off. */
export interface Answer {
  serverTime: string;
  clockWarning?: { skewSeconds: number; message: string };
}

/**
 * The kinds a branch needs at the bank first: a stopped token must stop everywhere. The core
 * takes entries in sequence only, so an urgent entry cannot overtake the queue; it makes the
 * terminal push at once (no batching delay, no back-off wait) everything up to and including it.
 */
export const URGENT_KINDS: readonly string[] = ['TOKEN_SUSPENDED', 'TOKEN_REISSUED_LOST'];

/** One journal entry on the wire: every hashed column exactly as stored, its hash, and the counter act's message. */
export interface PushEntry extends ChainedEntry {
  hash: string;
  /** The outbox message of a counter transaction (TOKEN_ISSUED …); null for other kinds. */
  message: Record<string, unknown> | null;
}

export interface PushRequest {
  entries: PushEntry[];
}

/** The business conflicts the bank records, each with what the branch manager does about it. */
export const REJECTION_ADVICE = {
  SERIAL_CONFLICT:
    '本部の記録では、このトークンはすでに他で発行または停止されています。お客さまにお渡ししたトークンのシリアル番号を確かめ、事務センターに連絡して本部の記録を確認してください。',
  SERIAL_IN_OTHER_STOCK: '本部の記録では、このトークンは他の端末の在庫です。トークンの所在を確かめ、事務センターに在庫の移管を依頼してください。',
  CONTRACT_HAS_TOKEN:
    '本部の記録では、この契約にはご利用中の別のトークンがあります。お客さまにご利用中のトークンを確かめ、交換または紛失・盗難の手続きが要るか事務センターと確認してください。',
  SERIAL_KNOWN: '取り込んだシリアル番号は本部に登録済みです。このトークンはお客さまに渡さず在庫破損として登録し、シードファイルを添えて事務センターに連絡してください。',
} as const;
export type RejectionCode = keyof typeof REJECTION_ADVICE;

/** A business conflict: the entry is kept in the bank's journal, its effect on the registry is not. */
export interface Rejection {
  seq: number;
  kind: string;
  serial: string | null;
  code: string;
  message: string;
  recordedAt: string;
}

export interface PushAnswer extends Answer {
  /** The highest sequence the core holds for this terminal, after this batch. */
  heldSeq: number;
  applied: number;
  skipped: number;
  /** Rejections recorded for the entries of this batch (also those applied by an earlier attempt). */
  rejections: Rejection[];
}

export interface EnrolRequest {
  code: string;
  /** The terminal's X25519 public key, raw 32 bytes, base64url: seeds are sealed for it. */
  publicKey: string;
}

export interface EnrolAnswer extends Answer {
  terminalId: string;
  branchCode: string;
  terminalNo: string;
  /** The HMAC key the terminal signs with, 32 bytes base64url; given once. */
  credential: string;
  heldSeq: number;
}

export interface StatusAnswer extends Answer {
  terminalId: string;
  heldSeq: number;
}

export const FEEDS = ['contracts', 'token-states', 'stock'] as const;
export type Feed = (typeof FEEDS)[number];

export interface FeedPage<T> extends Answer {
  items: T[];
  /** Give this back as `after` for the next page; the same cursor when nothing is new. */
  cursor: string;
  more: boolean;
}

/** A contract's representative account (代表口座): 店番-科目-口座番号. */
export interface Account {
  branchCode: string;
  subject: string;
  number: string;
}

export interface ContractItem {
  contractId: string;
  nameKanji: string | null;
  nameKana: string | null;
  account: Account | null;
  featurePhone: boolean;
  currentSerial: string | null;
  currentState: TokenState | null;
  updatedAt: string;
}

export interface TokenStateItem {
  serial: string;
  state: TokenState;
  contractId: string | null;
  updatedAt: string;
}

/**
 * A seed sealed for one terminal: X25519 between a fresh key pair and the terminal's public key,
 * HKDF-SHA256 (SEAL_INFO, salt = the ephemeral public key) to an AES-256-GCM key, sealAad as AAD.
 */
export interface SealedSeed {
  ephemeralPublicKey: string;
  nonce: string;
  ciphertext: string;
  tag: string;
}

export interface StockItem {
  serial: string;
  params: OtpParams;
  driftSteps: number;
  sealedSeed: SealedSeed;
  allottedAt: string;
}

export const SEAL_INFO = 'madoguchi seed for one terminal v1';

/** The AAD binds a sealed seed to its serial and terminal: it cannot be passed off as another's. */
export function sealAad(terminalId: string, serial: string): string {
  return `${terminalId}\n${serial}`;
}
