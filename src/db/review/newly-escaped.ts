/**
 * "Newly escaped" status of households (review-procedure.md §8, policies.md §8): the exits are read
 * from each household's list history (consecutive list_status rows by effective date), classified by
 * the domain, and dated by the decision that removed the household; the windows are the domain's.
 */
import { compareIsoDates } from '../../domain/calendar/iso-date.ts';
import { classifyHouseholdMovements } from '../../domain/movements/classify-movement.ts';
import type { PovertyListStatus } from '../../domain/movements/list-status.ts';
import { MOVEMENT_CODE_INFO } from '../../domain/movements/movement-codes.ts';
import type { MovementRules } from '../../domain/movements/movement-rules.ts';
import { NEWLY_ESCAPED_WINDOWS, newlyEscapedStatus, type ListExitRecord, type NewlyEscapedStatus } from '../../domain/movements/newly-escaped.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';

export type NewlyEscapedView = NewlyEscapedStatus & { labelVi: string };

interface HistoryRow {
  household_id: number;
  status: PovertyListStatus;
  decision_date: string;
  decision_number: string;
  effective_from: string;
}

/** Exits of one household's history (rows ordered by effective date). */
export function listExits(history: readonly HistoryRow[], rules: MovementRules): ListExitRecord[] {
  const exits: ListExitRecord[] = [];
  for (let i = 1; i < history.length; i++) {
    const before = history[i - 1]!;
    const now = history[i]!;
    if (before.status === now.status || before.status === 'none') continue;
    const { poor, nearPoor } = classifyHouseholdMovements({ previous: before.status, current: now.status }, rules);
    for (const m of [poor.movement, nearPoor.movement]) {
      if (m !== null && MOVEMENT_CODE_INFO[m].direction === 'decrease') {
        exits.push({ movement: m, decisionDate: now.decision_date, decisionNumber: now.decision_number });
      }
    }
  }
  return exits;
}

export async function newlyEscapedByHousehold(
  db: Kysely<DB>,
  provinceCode: string,
  householdIds: readonly number[],
  asOf: string,
  rules: MovementRules,
): Promise<Map<number, NewlyEscapedView[]>> {
  const result = new Map<number, NewlyEscapedView[]>();
  if (householdIds.length === 0) return result;
  const rows = (await db
    .selectFrom('list_status')
    .select(['household_id', 'status', 'decision_date', 'decision_number', 'effective_from'])
    .where('province_code', '=', provinceCode)
    .where('household_id', 'in', [...householdIds])
    .orderBy('household_id')
    .orderBy('effective_from')
    .execute()) as HistoryRow[];
  const byHousehold = new Map<number, HistoryRow[]>();
  for (const r of rows) byHousehold.set(r.household_id, [...(byHousehold.get(r.household_id) ?? []), r]);
  for (const [id, history] of byHousehold) {
    const exits = listExits(history, rules);
    const current = history.filter((h) => compareIsoDates(h.effective_from, asOf) <= 0).at(-1)?.status ?? 'none';
    result.set(
      id,
      Object.values(NEWLY_ESCAPED_WINDOWS).map((w) => ({ ...newlyEscapedStatus(exits, current, asOf, w), labelVi: w.labelVi })),
    );
  }
  return result;
}
