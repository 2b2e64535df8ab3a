/**
 * "Was this household on a list before?" — the lookup behind relapse (tái nghèo / tái cận nghèo).
 * How far back to look is UNCONFIRMED (review-procedure.md §7), so it is a rule (`relapseLookbackFromYear`).
 */
import type { PovertyListStatus } from './list-status.ts';
import { DEFAULT_MOVEMENT_RULES, type MovementRules } from './movement-rules.ts';

export interface ListHistoryEntry {
  /** Year of the policy list (the list recognised at the end of year − 1 governs `year`). */
  readonly year: number;
  readonly status: PovertyListStatus;
}

export interface PriorListMembership {
  readonly wasPoorBefore: boolean;
  readonly wasNearPoorBefore: boolean;
}

/**
 * Membership in lists strictly before `previousListYear` (the year of the start-of-period list), from
 * `rules.relapseLookbackFromYear` on (or any year when null).
 */
export function priorListMembership(
  history: readonly ListHistoryEntry[],
  previousListYear: number,
  rules: Pick<MovementRules, 'relapseLookbackFromYear'> = DEFAULT_MOVEMENT_RULES,
): PriorListMembership {
  let wasPoorBefore = false;
  let wasNearPoorBefore = false;
  for (const h of history) {
    if (h.year >= previousListYear) continue;
    if (rules.relapseLookbackFromYear !== null && h.year < rules.relapseLookbackFromYear) continue;
    if (h.status === 'poor') wasPoorBefore = true;
    if (h.status === 'near_poor') wasNearPoorBefore = true;
  }
  return { wasPoorBefore, wasNearPoorBefore };
}
