/**
 * The life of one hardware token (one serial), as in DOMAIN.md. Any move outside this graph
 * is refused with a message the teller can read.
 *
 *   IN_STOCK ─ISSUE→ ISSUED ─ACTIVATE→ ACTIVE
 *   ISSUED | ACTIVE ─EXCHANGE→ EXCHANGED ─RETURN_TO_VENDOR→ RETURNED_TO_VENDOR
 *   ISSUED | ACTIVE ─REPORT_LOST→ LOST
 *   ISSUED | ACTIVE ─SUSPEND→ SUSPENDED (final: the serial is never registered again)
 *   IN_STOCK ─MARK_DAMAGED→ DAMAGED_IN_STOCK ─DISPOSE→ DISPOSED
 *
 * A void (取消, approved by a second person) undoes an act while the token is still as the act left it:
 *   ISSUED ─VOID_ISSUE→ IN_STOCK (back in the drawer, never registered online)
 *   EXCHANGED ─VOID_EXCHANGE→ ISSUED (the collected token handed back, before it went to the vendor)
 */
import { refuse } from './errors';
import type { TokenState } from './types';

export const TOKEN_EVENTS = [
  'ISSUE',
  'ACTIVATE',
  'EXCHANGE',
  'REPORT_LOST',
  'SUSPEND',
  'RETURN_TO_VENDOR',
  'MARK_DAMAGED',
  'DISPOSE',
  'VOID_ISSUE',
  'VOID_EXCHANGE',
] as const;
export type TokenEvent = (typeof TOKEN_EVENTS)[number];

export const TOKEN_STATE_LABELS: Record<TokenState, string> = {
  IN_STOCK: '在庫',
  ISSUED: '発行済',
  ACTIVE: '利用中',
  EXCHANGED: '交換回収',
  RETURNED_TO_VENDOR: '返却済',
  LOST: '紛失・盗難',
  SUSPENDED: '利用中止',
  DAMAGED_IN_STOCK: '在庫破損',
  DISPOSED: '廃棄',
};

/** What the teller was trying to do, as a verb stem: 「…のため{label}できません」. */
export const TOKEN_EVENT_LABELS: Record<TokenEvent, string> = {
  ISSUE: '発行',
  ACTIVATE: '利用開始',
  EXCHANGE: '交換',
  REPORT_LOST: '紛失・盗難の届出を受付',
  SUSPEND: '利用中止',
  RETURN_TO_VENDOR: 'ベンダーへ返却',
  MARK_DAMAGED: '在庫破損として登録',
  DISPOSE: '廃棄',
  VOID_ISSUE: '発行を取消',
  VOID_EXCHANGE: '交換を取消',
};

const TRANSITIONS: Record<TokenState, Partial<Record<TokenEvent, TokenState>>> = {
  IN_STOCK: { ISSUE: 'ISSUED', MARK_DAMAGED: 'DAMAGED_IN_STOCK' },
  ISSUED: { ACTIVATE: 'ACTIVE', EXCHANGE: 'EXCHANGED', REPORT_LOST: 'LOST', SUSPEND: 'SUSPENDED', VOID_ISSUE: 'IN_STOCK' },
  ACTIVE: { EXCHANGE: 'EXCHANGED', REPORT_LOST: 'LOST', SUSPEND: 'SUSPENDED' },
  EXCHANGED: { RETURN_TO_VENDOR: 'RETURNED_TO_VENDOR', VOID_EXCHANGE: 'ISSUED' },
  RETURNED_TO_VENDOR: {},
  LOST: {},
  SUSPENDED: {},
  DAMAGED_IN_STOCK: { DISPOSE: 'DISPOSED' },
  DISPOSED: {},
};

/** A token the customer holds and uses: it can be exchanged, reported lost or suspended. */
export const LIVE_STATES = ['ISSUED', 'ACTIVE'] as const satisfies readonly TokenState[];

export function isLive(state: TokenState | null | undefined): boolean {
  return state != null && (LIVE_STATES as readonly TokenState[]).includes(state);
}

export function canTransition(from: TokenState, event: TokenEvent): boolean {
  return TRANSITIONS[from][event] !== undefined;
}

/** The events allowed from `from`, in TOKEN_EVENTS order (for enabling buttons). */
export function allowedEvents(from: TokenState): TokenEvent[] {
  return TOKEN_EVENTS.filter((e) => canTransition(from, e));
}

/**
 * The state after `event`, or DomainError TOKEN_STATE (field 'serial'), e.g.
 * 「シリアル番号 AB1234567890 は利用中止のため発行できません」.
 */
export function nextState(from: TokenState, event: TokenEvent, serial?: string): TokenState {
  const to = TRANSITIONS[from][event];
  if (to === undefined) {
    const subject = serial ? `シリアル番号 ${serial} は` : 'このトークンは';
    return refuse(
      'TOKEN_STATE',
      `${subject}${TOKEN_STATE_LABELS[from]}のため${TOKEN_EVENT_LABELS[event]}できません`,
      'serial',
    );
  }
  return to;
}
