import { countTokensByState } from '../db/token-repo';
import { findContractByRef } from '../db/contract-repo';
import { countTokensIssuedBefore, dayCounts, tokensIssuedBefore } from '../db/glance-repo';
import { batteryOfferBefore, GLANCE_ACTS, isLowStock, lastDays } from '../domain/glance';
import { journalKindLabel } from '../domain/journal-kinds';
import { maskContractId, maskName } from '../domain/masking';
import { TOKEN_STATE_LABELS } from '../domain/token-lifecycle';
import { TOKEN_STATES } from '../domain/types';
import type { Ports } from './ports';
import { requireBranch } from './setup';

/** How many of the oldest tokens the battery list shows at once. */
export const BATTERY_LIST_LIMIT = 100;
/** How far they are counted: beyond it the screen says 「1,000件以上」. */
export const BATTERY_COUNT_LIMIT = 1000;

/**
 * 概況 for managers: the last 30 days per act, stock per state against the branch's threshold, and
 * live tokens old enough that their battery is near its end. Only kept counts and index ranges are
 * read; the contracts of the listed tokens are opened one by one and shown masked.
 */
export function glance(p: Ports) {
  const now = p.now();
  const days = lastDays(now);
  const perDay = new Map(days.map((day) => [day, {} as Record<string, number>]));
  for (const c of dayCounts(p.db, days[0]!, days.at(-1)!)) {
    const counts = perDay.get(c.day);
    if (counts && (GLANCE_ACTS as readonly string[]).includes(c.kind)) counts[c.kind] = c.n;
  }

  const counts = countTokensByState(p.db);
  const threshold = requireBranch(p).lowStockThreshold;
  const inStock = counts.IN_STOCK ?? 0;

  const before = batteryOfferBefore(now).toISOString();
  const aged = tokensIssuedBefore(p.db, before, BATTERY_LIST_LIMIT).map((t) => {
    const contract = t.contractRef ? findContractByRef(p.db, p.secrets, t.contractRef) : null;
    return {
      serial: t.serial,
      state: t.state,
      stateLabel: TOKEN_STATE_LABELS[t.state],
      issuedAt: t.issuedAt,
      contractId: contract ? maskContractId(contract.contractId) : null,
      name: contract ? maskName(contract.nameKanji) : null,
    };
  });

  const total = countTokensIssuedBefore(p.db, before, BATTERY_COUNT_LIMIT + 1);
  return {
    acts: GLANCE_ACTS.map((kind) => ({ kind, label: journalKindLabel(kind) })),
    days: days.map((day) => ({ day, counts: perDay.get(day)! })),
    stock: {
      counts: TOKEN_STATES.map((state) => ({ state, label: TOKEN_STATE_LABELS[state], n: counts[state] ?? 0 })),
      inStock,
      threshold,
      low: isLowStock(inStock, threshold),
    },
    battery: { issuedBefore: before, counted: Math.min(total, BATTERY_COUNT_LIMIT), more: total > BATTERY_COUNT_LIMIT, tokens: aged },
  };
}
