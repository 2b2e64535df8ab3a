/**
 * The aggregate one report row is computed from: the summary counts of a unit (or of a total), by list
 * status. Aggregates add up (`mergeAgg`), so a total row is the merge of its rows and every form's count
 * columns are sums by construction; rates are recomputed from the merged counts.
 */
import { emptyMovementTally, mergeMovementTallies, type MovementTally } from '../movements/movement-tally.ts';
import { SUMMARY_STATUSES, type SummaryStatus } from './summary-rules.ts';

/** Counts of report_unit_summary for one unit and status. */
export interface UnitCounts {
  households: number;
  persons: number;
  householdsKinh: number;
  personsKinh: number;
  householdsMinority: number;
  personsMinority: number;
  householdsFemaleHead: number;
  personsFemaleHead: number;
  householdsNoLabour: number;
  personsNoLabour: number;
  householdsMerit: number;
  personsMerit: number;
  householdsNoGroup: number;
  personsNoGroup: number;
  householdsClassified: number;
  deprivationsTotal: number;
  children: number;
  childrenHealth: number;
  childrenEducation: number;
}

export const UNIT_COUNT_KEYS = [
  'households', 'persons', 'householdsKinh', 'personsKinh', 'householdsMinority', 'personsMinority',
  'householdsFemaleHead', 'personsFemaleHead', 'householdsNoLabour', 'personsNoLabour', 'householdsMerit', 'personsMerit',
  'householdsNoGroup', 'personsNoGroup', 'householdsClassified', 'deprivationsTotal', 'children', 'childrenHealth', 'childrenEducation',
] as const satisfies readonly (keyof UnitCounts)[];

export interface HouseholdsPersons {
  households: number;
  persons: number;
}

export interface ReportAgg {
  status: Record<SummaryStatus, UnitCounts>;
  /** status → indicator id → households. */
  deprivation: Record<string, Record<string, number>>;
  /** status → cause code → households. */
  cause: Record<string, Record<string, number>>;
  /** status → ethnic group ('' = not recorded) → households and persons. */
  ethnic: Record<string, Record<string, HouseholdsPersons>>;
  movement: MovementTally;
}

export function emptyCounts(): UnitCounts {
  return Object.fromEntries(UNIT_COUNT_KEYS.map((k) => [k, 0])) as unknown as UnitCounts;
}

export function emptyAgg(): ReportAgg {
  return {
    status: Object.fromEntries(SUMMARY_STATUSES.map((s) => [s, emptyCounts()])) as Record<SummaryStatus, UnitCounts>,
    deprivation: {},
    cause: {},
    ethnic: {},
    movement: emptyMovementTally(),
  };
}

function addNested(into: Record<string, Record<string, number>>, from: Record<string, Record<string, number>>): void {
  for (const [s, m] of Object.entries(from)) {
    const t = (into[s] ??= {});
    for (const [k, v] of Object.entries(m)) t[k] = (t[k] ?? 0) + v;
  }
}

/** a + b (new object). */
export function mergeAgg(a: ReportAgg, b: ReportAgg): ReportAgg {
  const out = emptyAgg();
  for (const s of SUMMARY_STATUSES) for (const k of UNIT_COUNT_KEYS) out.status[s][k] = a.status[s][k] + b.status[s][k];
  addNested(out.deprivation, a.deprivation);
  addNested(out.deprivation, b.deprivation);
  addNested(out.cause, a.cause);
  addNested(out.cause, b.cause);
  for (const src of [a.ethnic, b.ethnic]) {
    for (const [s, m] of Object.entries(src)) {
      const t = (out.ethnic[s] ??= {});
      for (const [g, v] of Object.entries(m)) {
        const cur = (t[g] ??= { households: 0, persons: 0 });
        cur.households += v.households;
        cur.persons += v.persons;
      }
    }
  }
  out.movement = mergeMovementTallies(a.movement, b.movement);
  return out;
}

/** Σ over all statuses of one count (total resident households, persons, …). */
export function allStatuses(agg: ReportAgg, key: keyof UnitCounts): number {
  return SUMMARY_STATUSES.reduce((s, st) => s + agg.status[st][key], 0);
}
