/**
 * Where the dashboard's numbers come from: the report summary tables (migration 0007, docs/reports.md
 * "Summary tables") through their readers — never a scan of households per request. This file is the
 * only one that knows the source; the figures (figures.ts) are computed from what it returns.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import type { MovementCounts } from '../../domain/movements/movement-tally.ts';
import { scopePredicate } from '../scope-filter.ts';
import {
  ensureFreshSummaries,
  groupCode,
  readDimensionSummary,
  readMovementTallies,
  readUnitSummary,
  type SummaryGroupBy,
  type SummaryUnit,
} from '../reports/summary-read.ts';

/** Households of one unit in one list year, by list status, with the ethnic-minority households among them. */
export interface StatusCounts {
  households: number;
  poor: number;
  nearPoor: number;
  minority: number;
  minorityPoor: number;
  minorityNearPoor: number;
  /** Poor / near-poor households with a classification in that year's review (the deprivation denominators). */
  poorClassified: number;
  nearPoorClassified: number;
}

export const EMPTY_COUNTS: StatusCounts = { households: 0, poor: 0, nearPoor: 0, minority: 0, minorityPoor: 0, minorityNearPoor: 0, poorClassified: 0, nearPoorClassified: 0 };

/** Per dimension value (indicator or ethnic group): poor, near-poor and all households. */
export interface DimensionCounts {
  value: string;
  poor: number;
  nearPoor: number;
  households: number;
}

export interface DashboardSource {
  /** List years with summary rows for the unit. */
  years(unit: SummaryUnit): Promise<number[]>;
  /** Status counts per group code ('' for the nation) for a year. */
  statusCounts(unit: SummaryUnit, year: number, groupBy: SummaryGroupBy): Promise<Map<string, StatusCounts>>;
  /** Deprivation indicators or ethnic groups of the unit for a year. */
  dimension(unit: SummaryUnit, year: number, groupBy: SummaryGroupBy, dimension: 'deprivation' | 'ethnicity'): Promise<DimensionCounts[]>;
  /** Movements between the lists of year − 1 and year (households). */
  movements(unit: SummaryUnit, year: number, groupBy: SummaryGroupBy): Promise<MovementCounts | null>;
}

export function summarySource(db: Kysely<DB>, scope: Scope): DashboardSource {
  return {
    async years(unit) {
      await ensureFreshSummaries(db, unit);
      const r = await sql<{ y: number }>`
        select distinct list_year::int as y from report_unit_summary
        where ${unit.provinceCode === undefined ? sql`true` : sql`province_code = ${unit.provinceCode}`}
          and ${unit.communeCode === undefined ? sql`true` : sql`commune_code = ${unit.communeCode}`}
          and ${unit.villageCode === undefined ? sql`true` : sql`village_code = ${unit.villageCode}`}
          and ${scopePredicate(scope, { province: 'province_code', commune: 'commune_code' })}
        order by 1`.execute(db);
      return r.rows.map((x) => x.y);
    },

    async statusCounts(unit, year, groupBy) {
      const out = new Map<string, StatusCounts>();
      for (const row of await readUnitSummary(db, scope, { year, unit, groupBy })) {
        const code = groupCode(row, groupBy);
        const c = { ...(out.get(code) ?? EMPTY_COUNTS) };
        c.households += row.households;
        c.minority += row.householdsMinority;
        if (row.status === 'poor') {
          c.poor += row.households;
          c.minorityPoor += row.householdsMinority;
          c.poorClassified += row.householdsClassified;
        } else if (row.status === 'near_poor') {
          c.nearPoor += row.households;
          c.minorityNearPoor += row.householdsMinority;
          c.nearPoorClassified += row.householdsClassified;
        }
        out.set(code, c);
      }
      return out;
    },

    async dimension(unit, year, groupBy, dimension) {
      const by = new Map<string, DimensionCounts>();
      for (const row of await readDimensionSummary(db, scope, { year, unit, groupBy }, dimension)) {
        const d = by.get(row.value) ?? { value: row.value, poor: 0, nearPoor: 0, households: 0 };
        d.households += row.households;
        if (row.status === 'poor') d.poor += row.households;
        else if (row.status === 'near_poor') d.nearPoor += row.households;
        by.set(row.value, d);
      }
      return [...by.values()];
    },

    async movements(unit, year, groupBy) {
      const tallies = await readMovementTallies(db, scope, unit, year, groupBy);
      const t = [...tallies.values()][0];
      return t ? t.households : null;
    },
  };
}
