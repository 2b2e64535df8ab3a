/**
 * Reading the report summary tables (docs/reports.md "Summary tables") for a unit (nation, province,
 * commune, village), grouped by province, commune or village, inside the caller's scope. Every read
 * first rebuilds the communes whose registry data changed (report_dirty) in the provinces it covers,
 * so results never lag the registry; with nothing dirty that costs one index lookup.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { emptyMovementTally, mergeMovementTallies, type MovementTally } from '../../domain/movements/movement-tally.ts';
import { DEFAULT_MOVEMENT_RULES, type MovementRules } from '../../domain/movements/movement-rules.ts';
import type { HouseholdEntryReason, HouseholdExitReason, PovertyListStatus } from '../../domain/movements/list-status.ts';
import { scopePredicate } from '../scope-filter.ts';
import { groupTally } from '../review/movements.ts';
import { refreshDirtySummaries } from './summary-refresh.ts';
import { UNIT_COUNT_KEYS, type UnitCounts } from '../../domain/reports/report-agg.ts';

export type { UnitCounts };

/** The unit a report covers: nothing = the nation; a province; a commune of it; a village of the commune. */
export interface SummaryUnit {
  provinceCode?: string;
  communeCode?: string;
  villageCode?: string;
}

/** Rows are grouped by the units one level below the report's unit (or at the same level for totals). */
export type SummaryGroupBy = 'nation' | 'province' | 'commune' | 'village';

export interface GroupKey {
  provinceCode: string | null;
  communeCode: string | null;
  villageCode: string | null;
}

/** Column of report_unit_summary holding a count (snake_case of its key). */
export function unitCountColumn(count: keyof UnitCounts): string {
  return count.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export interface UnitSummaryRow extends GroupKey, UnitCounts {
  status: 'poor' | 'near_poor' | 'average' | 'other';
}

export interface SummaryQuery {
  year: number;
  unit: SummaryUnit;
  groupBy: SummaryGroupBy;
}

/** Rebuilds the dirty communes the read covers (the unit's province, or every province for the nation). */
export async function ensureFreshSummaries(db: Kysely<DB>, unit: SummaryUnit): Promise<void> {
  await refreshDirtySummaries(db, unit.provinceCode);
}

function unitFilter(scope: Scope, q: SummaryQuery): RawBuilder<unknown> {
  const u = q.unit;
  return sql`list_year = ${q.year}
    ${u.provinceCode === undefined ? sql`` : sql`and province_code = ${u.provinceCode}`}
    ${u.communeCode === undefined ? sql`` : sql`and commune_code = ${u.communeCode}`}
    ${u.villageCode === undefined ? sql`` : sql`and village_code = ${u.villageCode}`}
    and ${scopePredicate(scope, { province: 'province_code', commune: 'commune_code' })}`;
}

function groupColumns(groupBy: SummaryGroupBy): RawBuilder<unknown> {
  const p = groupBy === 'nation' ? sql`null::text` : sql`province_code`;
  const c = groupBy === 'commune' || groupBy === 'village' ? sql`commune_code` : sql`null::text`;
  const v = groupBy === 'village' ? sql`village_code` : sql`null::text`;
  return sql`${p} as province_code, ${c} as commune_code, ${v} as village_code`;
}

function key(r: { province_code: string | null; commune_code: string | null; village_code: string | null }): GroupKey {
  return { provinceCode: r.province_code, communeCode: r.commune_code, villageCode: r.village_code };
}

/** Households, persons and group counts per group and list status. */
export async function readUnitSummary(db: Kysely<DB>, scope: Scope, q: SummaryQuery): Promise<UnitSummaryRow[]> {
  await ensureFreshSummaries(db, q.unit);
  const sums = sql.join(UNIT_COUNT_KEYS.map((k) => sql`coalesce(sum(${sql.ref(unitCountColumn(k))}), 0)::bigint as ${sql.ref(k)}`));
  const r = await sql<Record<string, unknown>>`
    select ${groupColumns(q.groupBy)}, status, ${sums}
    from report_unit_summary where ${unitFilter(scope, q)}
    group by 1, 2, 3, 4 order by 1, 2, 3, 4`.execute(db);
  return r.rows.map((row) => {
    const counts = Object.fromEntries(UNIT_COUNT_KEYS.map((k) => [k, Number(row[k])])) as unknown as UnitCounts;
    return { ...key(row as never), status: row.status as UnitSummaryRow['status'], ...counts };
  });
}

export interface DimensionRow extends GroupKey {
  status: string;
  /** Indicator id, cause code or ethnic group ('' = not recorded). */
  value: string;
  households: number;
  persons: number;
}

const DIMENSION_TABLES = {
  deprivation: { table: 'report_deprivation_summary', column: 'indicator', persons: true },
  cause: { table: 'report_cause_summary', column: 'cause', persons: false },
  ethnicity: { table: 'report_ethnic_summary', column: 'ethnicity', persons: true },
} as const;
export type SummaryDimension = keyof typeof DIMENSION_TABLES;

/** Households (and persons where kept) per group, list status and dimension value (indicator, cause, ethnic group). */
export async function readDimensionSummary(db: Kysely<DB>, scope: Scope, q: SummaryQuery, dimension: SummaryDimension): Promise<DimensionRow[]> {
  await ensureFreshSummaries(db, q.unit);
  const t = DIMENSION_TABLES[dimension];
  const persons = t.persons ? sql`coalesce(sum(persons), 0)::bigint` : sql`0::bigint`;
  const r = await sql<{ province_code: string | null; commune_code: string | null; village_code: string | null; status: string; value: string; households: string; persons: string }>`
    select ${groupColumns(q.groupBy)}, status, ${sql.ref(t.column)} as value, sum(households)::bigint as households, ${persons} as persons
    from ${sql.table(t.table)} where ${unitFilter(scope, q)}
    group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`.execute(db);
  return r.rows.map((row) => ({ ...key(row), status: row.status, value: row.value, households: Number(row.households), persons: Number(row.persons) }));
}

/** Movement tallies (F2/F3) per group: the summary's fact groups classified by the domain once each. */
export async function readMovementTallies(
  db: Kysely<DB>,
  scope: Scope,
  unit: SummaryUnit,
  year: number,
  groupBy: SummaryGroupBy,
  rules: MovementRules = DEFAULT_MOVEMENT_RULES,
): Promise<Map<string, MovementTally>> {
  await ensureFreshSummaries(db, unit);
  const r = await sql<{ province_code: string | null; commune_code: string | null; village_code: string | null; previous: PovertyListStatus; current: PovertyListStatus; exit_reason: string; entry_reason: string; was_poor_before: boolean; was_near_poor_before: boolean; households: string; persons: string }>`
    select ${groupColumns(groupBy)}, previous, current, exit_reason, entry_reason, was_poor_before, was_near_poor_before,
      sum(households)::bigint as households, sum(persons)::bigint as persons
    from report_movement_summary where ${unitFilter(scope, { year, unit, groupBy })}
    group by 1, 2, 3, 4, 5, 6, 7, 8, 9 order by 1, 2, 3`.execute(db);
  const out = new Map<string, MovementTally>();
  for (const row of r.rows) {
    const code = groupCode(key(row), groupBy);
    const t = groupTally(
      {
        previous: row.previous,
        current: row.current,
        exitReason: (row.exit_reason || null) as HouseholdExitReason | null,
        entryReason: (row.entry_reason || null) as HouseholdEntryReason | null,
        wasPoorBefore: row.was_poor_before,
        wasNearPoorBefore: row.was_near_poor_before,
      },
      Number(row.households),
      Number(row.persons),
      rules,
    );
    out.set(code, mergeMovementTallies(out.get(code) ?? emptyMovementTally(), t));
  }
  return out;
}

/** The code of a group's unit: '' for the nation, else the province, commune or village code. */
export function groupCode(k: GroupKey, groupBy: SummaryGroupBy): string {
  switch (groupBy) {
    case 'nation':
      return '';
    case 'province':
      return k.provinceCode ?? '';
    case 'commune':
      return k.communeCode ?? '';
    case 'village':
      return k.villageCode ?? '';
  }
}
