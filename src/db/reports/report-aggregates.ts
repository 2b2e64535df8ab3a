/**
 * The aggregates of a summary form's rows, read from the summary tables only: the unit counts, the
 * dimensions the form needs (deprivations, causes, ethnic groups) and the movement tallies, each summary
 * row added to the report row `keyOf` names (null = not in the report). The 2025-layout report keys
 * rows by their summary group; the 2024-layout report (report-layout-2024.ts) maps villages to old
 * communes. Also the form context (indicator columns of the year's standard, ethnic groups present).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { emptyAgg, UNIT_COUNT_KEYS, type ReportAgg } from '../../domain/reports/report-agg.ts';
import type { FormContext, SummaryFormId } from '../../domain/reports/forms.ts';
import { mergeMovementTallies } from '../../domain/movements/movement-tally.ts';
import { DEFAULT_SUMMARY_RULES } from '../../domain/reports/summary-rules.ts';
import { listIndicators } from '../../domain/standards/indicator-catalogue.ts';
import { standardForYear } from '../../domain/standards/registry.ts';
import { POVERTY_CAUSES } from '../registry/survey-codes.ts';
import { readDimensionSummary, readMovementTallies, readUnitSummary, type GroupKey, type SummaryDimension, type SummaryGroupBy, type SummaryUnit } from './summary-read.ts';

/** Which summary reads each form needs besides the unit counts. */
const FORM_NEEDS: Readonly<Record<SummaryFormId, { dims: readonly SummaryDimension[]; movement: boolean }>> = {
  F1: { dims: [], movement: false },
  F2: { dims: [], movement: true },
  F3: { dims: [], movement: true },
  F4: { dims: ['deprivation'], movement: false },
  F5: { dims: ['deprivation'], movement: false },
  F6: { dims: ['deprivation'], movement: false },
  F7: { dims: ['deprivation'], movement: false },
  F8: { dims: [], movement: false },
  F9: { dims: ['ethnicity'], movement: false },
  F10: { dims: ['cause'], movement: false },
  F11: { dims: [], movement: false },
  F12: { dims: [], movement: false },
  F13: { dims: [], movement: false },
};

/** One read of the summary tables: a unit and the grouping of its rows. */
export interface SummaryRead {
  unit: SummaryUnit;
  groupBy: SummaryGroupBy;
}

/** The report row a summary group belongs to, or null when it lies outside the report. */
export type RowKeyOf = (k: GroupKey) => string | null;

/** The group key of a movement tally (the tallies come keyed by the group's own code). */
function movementKey(r: SummaryRead, code: string): GroupKey {
  return {
    provinceCode: r.groupBy === 'province' ? code : (r.unit.provinceCode ?? null),
    communeCode: r.groupBy === 'commune' ? code : r.groupBy === 'village' ? (r.unit.communeCode ?? null) : null,
    villageCode: r.groupBy === 'village' ? code : null,
  };
}

/**
 * Aggregates per report row of `form` for list year `year`: `reads` for the counts and dimensions,
 * `movementReads` for F2/F3 (movement tallies are keyed by the group's code alone, so a village-level
 * read must be one commune's).
 */
export async function readAggregates(
  db: Kysely<DB>,
  scope: Scope,
  form: SummaryFormId,
  year: number,
  reads: readonly SummaryRead[],
  keyOf: RowKeyOf,
  movementReads: readonly SummaryRead[] = reads,
): Promise<Map<string, ReportAgg>> {
  const out = new Map<string, ReportAgg>();
  const aggOf = (k: GroupKey): ReportAgg | null => {
    const code = keyOf(k);
    if (code === null) return null;
    let a = out.get(code);
    if (!a) out.set(code, (a = emptyAgg()));
    return a;
  };
  const needs = FORM_NEEDS[form];
  for (const r of reads) {
    const q = { year, unit: r.unit, groupBy: r.groupBy };
    for (const row of await readUnitSummary(db, scope, q)) {
      const a = aggOf(row);
      if (!a) continue;
      const c = a.status[row.status];
      for (const k of UNIT_COUNT_KEYS) c[k] += row[k];
    }
    for (const dim of needs.dims) {
      for (const row of await readDimensionSummary(db, scope, q, dim)) {
        const a = aggOf(row);
        if (!a) continue;
        if (dim === 'ethnicity') {
          const e = ((a.ethnic[row.status] ??= {})[row.value] ??= { households: 0, persons: 0 });
          e.households += row.households;
          e.persons += row.persons;
        } else {
          const m = ((dim === 'deprivation' ? a.deprivation : a.cause)[row.status] ??= {});
          m[row.value] = (m[row.value] ?? 0) + row.households;
        }
      }
    }
  }
  if (needs.movement) {
    for (const r of movementReads) {
      for (const [code, tally] of await readMovementTallies(db, scope, r.unit, year, r.groupBy)) {
        const a = aggOf(movementKey(r, code));
        if (a) a.movement = mergeMovementTallies(a.movement, tally);
      }
    }
  }
  return out;
}

export function formContext(year: number, aggs: Iterable<ReportAgg>): FormContext {
  const standard = standardForYear(year);
  const majority = DEFAULT_SUMMARY_RULES.majorityEthnicGroup;
  const groups = new Map<string, number>();
  for (const a of aggs) {
    for (const s of ['poor', 'near_poor']) {
      for (const [g, v] of Object.entries(a.ethnic[s] ?? {})) if (g !== '' && g !== majority && v.households > 0) groups.set(g, (groups.get(g) ?? 0) + v.households);
    }
  }
  return {
    indicators: standard ? listIndicators(standard).map((i) => ({ id: i.id, label: i.label })) : [],
    minorityGroups: [...groups.entries()].toSorted((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi')).map(([g]) => g),
    majorityGroup: majority,
    causes: Object.entries(POVERTY_CAUSES).map(([code, label]) => ({ code, label })),
  };
}

/** Notes every summary form carries: the standard applied. */
export function standardNotes(year: number): string[] {
  const standard = standardForYear(year);
  return standard ? [`Chuẩn nghèo áp dụng: ${standard.name}.`] : [];
}
