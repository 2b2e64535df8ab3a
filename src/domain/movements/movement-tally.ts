/**
 * Counting movements per unit as a pure reducer over rows, so SQL results, arrays or streams can feed
 * it: `rows.reduce(addMovementRow, emptyMovementTally())`. Tallies of units add up with
 * `mergeMovementTallies` (province = Σ communes). The F2/F3 balance (end = start − decreases +
 * increases) holds by construction; `movementBalanceProblems` checks tallies that come from elsewhere.
 */
import { classifyHouseholdMovements, type HouseholdListChange, type ListMovement } from './classify-movement.ts';
import type { PovertyList } from './list-status.ts';
import { MOVEMENT_CODE_INFO, MOVEMENT_CODES, movementCodesOfList, type MovementCode } from './movement-codes.ts';
import { DEFAULT_MOVEMENT_RULES, type MovementRules } from './movement-rules.ts';

export interface MovementCounts {
  readonly poorStart: number;
  readonly poorEnd: number;
  readonly nearPoorStart: number;
  readonly nearPoorEnd: number;
  readonly movements: Readonly<Record<MovementCode, number>>;
}

/** F2/F3 rows come in pairs: households (Hộ) and persons (Nhân khẩu). */
export interface MovementTally {
  readonly households: MovementCounts;
  readonly persons: MovementCounts;
}

export interface MovementRow extends HouseholdListChange {
  /** Persons counted for the household in this report (default 0); one number per row keeps the persons row balanced. */
  readonly persons?: number;
}

function zeroMovements(): Record<MovementCode, number> {
  const m = {} as Record<MovementCode, number>;
  for (const c of MOVEMENT_CODES) m[c] = 0;
  return m;
}

const EMPTY_COUNTS: MovementCounts = Object.freeze({
  poorStart: 0,
  poorEnd: 0,
  nearPoorStart: 0,
  nearPoorEnd: 0,
  movements: Object.freeze(zeroMovements()),
});

export function emptyMovementTally(): MovementTally {
  return Object.freeze({ households: EMPTY_COUNTS, persons: EMPTY_COUNTS });
}

function addTo(counts: MovementCounts, poor: ListMovement, nearPoor: ListMovement, weight: number): MovementCounts {
  if (weight === 0) return counts;
  const movements = { ...counts.movements };
  if (poor.movement !== null) movements[poor.movement] += weight;
  if (nearPoor.movement !== null) movements[nearPoor.movement] += weight;
  return Object.freeze({
    poorStart: counts.poorStart + (poor.onListAtStart ? weight : 0),
    poorEnd: counts.poorEnd + (poor.onListAtEnd ? weight : 0),
    nearPoorStart: counts.nearPoorStart + (nearPoor.onListAtStart ? weight : 0),
    nearPoorEnd: counts.nearPoorEnd + (nearPoor.onListAtEnd ? weight : 0),
    movements: Object.freeze(movements),
  });
}

/** Adds one household row to a tally (returns a new tally; the input is not modified). */
export function addMovementRow(tally: MovementTally, row: MovementRow, rules: MovementRules = DEFAULT_MOVEMENT_RULES): MovementTally {
  const { poor, nearPoor } = classifyHouseholdMovements(row, rules);
  const persons = row.persons ?? 0;
  if (!Number.isInteger(persons) || persons < 0) throw new RangeError(`Số nhân khẩu không hợp lệ: ${persons}`);
  return Object.freeze({
    households: addTo(tally.households, poor, nearPoor, 1),
    persons: addTo(tally.persons, poor, nearPoor, persons),
  });
}

function mergeCounts(a: MovementCounts, b: MovementCounts): MovementCounts {
  const movements = zeroMovements();
  for (const c of MOVEMENT_CODES) movements[c] = a.movements[c] + b.movements[c];
  return Object.freeze({
    poorStart: a.poorStart + b.poorStart,
    poorEnd: a.poorEnd + b.poorEnd,
    nearPoorStart: a.nearPoorStart + b.nearPoorStart,
    nearPoorEnd: a.nearPoorEnd + b.nearPoorEnd,
    movements: Object.freeze(movements),
  });
}

export function mergeMovementTallies(a: MovementTally, b: MovementTally): MovementTally {
  return Object.freeze({ households: mergeCounts(a.households, b.households), persons: mergeCounts(a.persons, b.persons) });
}

/** Σ decreases and Σ increases of one list. */
export function listMovementTotals(counts: MovementCounts, list: PovertyList): { decrease: number; increase: number } {
  let decrease = 0;
  let increase = 0;
  for (const c of movementCodesOfList(list)) {
    if (MOVEMENT_CODE_INFO[c].direction === 'decrease') decrease += counts.movements[c];
    else increase += counts.movements[c];
  }
  return { decrease, increase };
}

/** Balance problems (Vietnamese) of a tally: end must equal start − decreases + increases on both lists. */
export function movementBalanceProblems(tally: MovementTally): string[] {
  const problems: string[] = [];
  for (const [rowName, counts] of [['Hộ', tally.households], ['Nhân khẩu', tally.persons]] as const) {
    for (const list of ['poor', 'near_poor'] as const) {
      const { decrease, increase } = listMovementTotals(counts, list);
      const start = list === 'poor' ? counts.poorStart : counts.nearPoorStart;
      const end = list === 'poor' ? counts.poorEnd : counts.nearPoorEnd;
      if (start - decrease + increase !== end) {
        const name = list === 'poor' ? 'hộ nghèo' : 'hộ cận nghèo';
        problems.push(`${rowName} — ${name}: đầu kỳ ${start} − giảm ${decrease} + tăng ${increase} ≠ cuối kỳ ${end}`);
      }
    }
  }
  return problems;
}

/** Tallies per unit (e.g. commune code) of a row source; the rows are not kept. */
export function tallyMovementsByUnit<R extends MovementRow>(
  rows: Iterable<R>,
  unitOf: (row: R) => string,
  rules: MovementRules = DEFAULT_MOVEMENT_RULES,
): Map<string, MovementTally> {
  const byUnit = new Map<string, MovementTally>();
  for (const row of rows) {
    const unit = unitOf(row);
    byUnit.set(unit, addMovementRow(byUnit.get(unit) ?? emptyMovementTally(), row, rules));
  }
  return byUnit;
}

/** Same as tallyMovementsByUnit for an async source (a database cursor, a CSV stream). */
export async function tallyMovementsByUnitAsync<R extends MovementRow>(
  rows: AsyncIterable<R>,
  unitOf: (row: R) => string,
  rules: MovementRules = DEFAULT_MOVEMENT_RULES,
): Promise<Map<string, MovementTally>> {
  const byUnit = new Map<string, MovementTally>();
  for await (const row of rows) {
    const unit = unitOf(row);
    byUnit.set(unit, addMovementRow(byUnit.get(unit) ?? emptyMovementTally(), row, rules));
  }
  return byUnit;
}
