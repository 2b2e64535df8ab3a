/**
 * Actual poverty figures from the recognised lists (list_status), set-based: one query over a
 * province's households and list rows, grouped by commune and year.
 *
 * Conventions (docs/program.md §Actual values):
 *  - the figure "of year Y" is the list made by the review of year Y, i.e. the list of list_year Y + 1
 *    (the end-of-year poverty rate steering reports quote);
 *  - a household's status on a list is its latest row of that list year (annual decision, then that
 *    year's monthly decisions); no row = on neither list;
 *  - the denominator is the commune's households still resident on 1 January of the list year;
 *  - ethnic-minority households are those whose recorded ethnicity is not Kinh;
 *  - a commune has a figure for a year only when it has list rows for it; the province's figure for a
 *    year sums the communes that have one, and says how many did (coverage).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { scopePredicate } from '../scope-filter.ts';

export interface UnitYearRates {
  unitCode: string;
  year: number;
  households: number;
  poor: number;
  nearPoor: number;
  emHouseholds: number;
  emPoor: number;
  standardId: string | null;
  povertyRate: number | null;
  nearPoorRate: number | null;
  emPovertyRate: number | null;
  /** Province rows: communes with a figure / communes with households. */
  coverage?: { communes: number; of: number };
}

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part * 10000) / whole) / 100 : null);

interface Row {
  commune_code: string;
  year: number;
  households: number;
  poor: number;
  near_poor: number;
  em_households: number;
  em_poor: number;
  listed: number;
  standard_id: string | null;
}

/** Per commune (inside the scope) and year in [fromYear, toYear], plus the province rows. */
export async function registryRates(db: Kysely<DB>, scope: Scope, provinceCode: string, fromYear: number, toYear: number): Promise<UnitYearRates[]> {
  const inScope = scopePredicate(scope, { province: 'h.province_code', commune: 'h.commune_code' });
  const r = await sql<Row>`
    with years as (select generate_series(${fromYear}::int, ${toYear}::int) as y),
    latest as (
      select distinct on (ls.household_id, ls.list_year) ls.household_id, ls.list_year, ls.status, ls.standard_id
      from list_status ls
      where ls.province_code = ${provinceCode} and ls.list_year between ${fromYear + 1} and ${toYear + 1}
      order by ls.household_id, ls.list_year, ls.effective_from desc
    ),
    base as (
      select h.id, h.commune_code, (h.ethnicity is not null and h.ethnicity <> 'Kinh') as em, y.y
      from household h cross join years y
      where h.province_code = ${provinceCode} and ${inScope}
        and (h.status = 'active' or h.status_date is null or h.status_date >= make_date(y.y + 1, 1, 1))
    )
    select b.commune_code, b.y::int as year,
      count(*)::int as households,
      (count(*) filter (where l.status = 'poor'))::int as poor,
      (count(*) filter (where l.status = 'near_poor'))::int as near_poor,
      (count(*) filter (where b.em))::int as em_households,
      (count(*) filter (where b.em and l.status = 'poor'))::int as em_poor,
      count(l.status)::int as listed,
      max(l.standard_id) as standard_id
    from base b left join latest l on l.household_id = b.id and l.list_year = b.y + 1
    group by b.commune_code, b.y
    order by b.commune_code, b.y`.execute(db);

  const communes: UnitYearRates[] = [];
  const byYear = new Map<number, { rows: Row[]; all: number }>();
  for (const row of r.rows) {
    const agg = byYear.get(row.year) ?? { rows: [], all: 0 };
    agg.all += 1;
    if (row.listed > 0) agg.rows.push(row);
    byYear.set(row.year, agg);
    const has = row.listed > 0;
    communes.push({
      unitCode: row.commune_code,
      year: row.year,
      households: row.households,
      poor: row.poor,
      nearPoor: row.near_poor,
      emHouseholds: row.em_households,
      emPoor: row.em_poor,
      standardId: row.standard_id,
      povertyRate: has ? rate(row.poor, row.households) : null,
      nearPoorRate: has ? rate(row.near_poor, row.households) : null,
      emPovertyRate: has ? rate(row.em_poor, row.em_households) : null,
    });
  }
  const province: UnitYearRates[] = [];
  for (const [year, agg] of [...byYear].toSorted((a, b) => a[0] - b[0])) {
    const sum = (f: (x: Row) => number) => agg.rows.reduce((s, x) => s + f(x), 0);
    const households = sum((x) => x.households);
    const has = agg.rows.length > 0;
    province.push({
      unitCode: provinceCode,
      year,
      households,
      poor: sum((x) => x.poor),
      nearPoor: sum((x) => x.near_poor),
      emHouseholds: sum((x) => x.em_households),
      emPoor: sum((x) => x.em_poor),
      standardId: agg.rows.map((x) => x.standard_id).find((s) => s) ?? null,
      povertyRate: has ? rate(sum((x) => x.poor), households) : null,
      nearPoorRate: has ? rate(sum((x) => x.near_poor), households) : null,
      emPovertyRate: has ? rate(sum((x) => x.em_poor), sum((x) => x.em_households)) : null,
      coverage: { communes: agg.rows.length, of: agg.all },
    });
  }
  return scope.level === 'commune' ? communes : [...province, ...communes];
}

/** The yearly series of one registry indicator for one unit (complete years only for a province). */
export function registrySeries(rates: readonly UnitYearRates[], unitCode: string, indicator: string): Array<{ year: number; value: number; standardId: string | null }> {
  const own = rates
    .filter((r) => r.unitCode === unitCode && (!r.coverage || r.coverage.communes === r.coverage.of))
    .toSorted((a, b) => a.year - b.year);
  const pick = (r: UnitYearRates) => (indicator === 'near_poor_rate' ? r.nearPoorRate : indicator === 'em_poverty_rate' ? r.emPovertyRate : r.povertyRate);
  if (indicator === 'poverty_reduction') {
    const out: Array<{ year: number; value: number; standardId: string | null }> = [];
    for (let i = 1; i < own.length; i++) {
      const a = own[i - 1]!;
      const b = own[i]!;
      if (b.year === a.year + 1 && a.povertyRate !== null && b.povertyRate !== null && a.standardId === b.standardId) {
        out.push({ year: b.year, value: Math.round((a.povertyRate - b.povertyRate) * 100) / 100, standardId: b.standardId });
      }
    }
    return out;
  }
  return own.flatMap((r) => (pick(r) === null ? [] : [{ year: r.year, value: pick(r)!, standardId: r.standardId }]));
}
