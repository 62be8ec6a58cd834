import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../domain/errors';
import {
  TOKEN_EVENTS,
  TOKEN_STATE_LABELS,
  allowedEvents,
  canTransition,
  nextState,
  type TokenEvent,
} from '../../../domain/token-lifecycle';
import { TOKEN_STATES, type TokenState } from '../../../domain/types';

/** The graph of DOMAIN.md, written out independently of the implementation. */
const ALLOWED: [TokenState, TokenEvent, TokenState][] = [
  ['IN_STOCK', 'ISSUE', 'ISSUED'],
  ['IN_STOCK', 'MARK_DAMAGED', 'DAMAGED_IN_STOCK'],
  ['ISSUED', 'ACTIVATE', 'ACTIVE'],
  ['ISSUED', 'EXCHANGE', 'EXCHANGED'],
  ['ISSUED', 'REPORT_LOST', 'LOST'],
  ['ISSUED', 'SUSPEND', 'SUSPENDED'],
  ['ACTIVE', 'EXCHANGE', 'EXCHANGED'],
  ['ACTIVE', 'REPORT_LOST', 'LOST'],
  ['ACTIVE', 'SUSPEND', 'SUSPENDED'],
  ['EXCHANGED', 'RETURN_TO_VENDOR', 'RETURNED_TO_VENDOR'],
  ['DAMAGED_IN_STOCK', 'DISPOSE', 'DISPOSED'],
  ['ISSUED', 'VOID_ISSUE', 'IN_STOCK'],
  ['EXCHANGED', 'VOID_EXCHANGE', 'ISSUED'],
];

const expected = new Map(ALLOWED.map(([from, event, to]) => [`${from}/${event}`, to]));
const pairs = TOKEN_STATES.flatMap((from) => TOKEN_EVENTS.map((event) => [from, event] as const));

describe('every (state, event) pair', () => {
  it('covers all 9 states × 10 events', () => {
    expect(pairs).toHaveLength(90);
  });

  it.each(pairs)('%s + %s', (from, event) => {
    const to = expected.get(`${from}/${event}`);
    expect(canTransition(from, event)).toBe(to !== undefined);
    if (to !== undefined) {
      expect(nextState(from, event, 'AB1234567890')).toBe(to);
    } else {
      let err: unknown;
      try {
        nextState(from, event, 'AB1234567890');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(DomainError);
      const de = err as DomainError;
      expect(de.code).toBe('TOKEN_STATE');
      expect(de.field).toBe('serial');
      expect(de.message).toContain('シリアル番号 AB1234567890 は');
      expect(de.message).toContain(`${TOKEN_STATE_LABELS[from]}のため`);
    }
  });
});

describe('refusal messages', () => {
  it('name the serial and the current state in plain Japanese', () => {
    expect(() => nextState('SUSPENDED', 'ISSUE', 'X')).toThrow('シリアル番号 X は利用中止のため発行できません');
    expect(() => nextState('ACTIVE', 'ISSUE', 'AB1234567890')).toThrow(
      'シリアル番号 AB1234567890 は利用中のため発行できません',
    );
    expect(() => nextState('IN_STOCK', 'SUSPEND', 'AB1234567890')).toThrow(
      'シリアル番号 AB1234567890 は在庫のため利用中止できません',
    );
  });

  it('still say why when no serial is given', () => {
    expect(() => nextState('LOST', 'ACTIVATE')).toThrow('このトークンは紛失・盗難のため利用開始できません');
  });
});

describe('final states and labels', () => {
  it('leave no way out of SUSPENDED, LOST, RETURNED_TO_VENDOR and DISPOSED', () => {
    for (const s of ['SUSPENDED', 'LOST', 'RETURNED_TO_VENDOR', 'DISPOSED'] as const) {
      expect(allowedEvents(s)).toEqual([]);
    }
    expect(allowedEvents('ACTIVE')).toEqual(['EXCHANGE', 'REPORT_LOST', 'SUSPEND']);
  });

  it('label every state, no two alike, so that a teller can tell them apart', () => {
    const labels = TOKEN_STATES.map((s) => TOKEN_STATE_LABELS[s]);
    expect(labels.every((l) => /^[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}・]+$/u.test(l))).toBe(true);
    expect(new Set(labels).size).toBe(TOKEN_STATES.length);
    expect(Object.keys(TOKEN_STATE_LABELS)).toHaveLength(TOKEN_STATES.length);
  });
});
