/**
 * The dashboard of one unit and list year: poor / near-poor / multidimensional rates of the unit and of
 * each unit one level down with their trend over the list years, movements between the lists
 * (escaped, new, relapsed), the deprivation profile of poor and near-poor households, rates of
 * ethnic-minority households and by ethnic group, communes above the rate thresholds, the poorest units.
 * Rates are fractions of all households counted in the year (docs/reports.md "Definitions"; the
 * denominator is UNCONFIRMED in the law, poverty-standards.md §3.8).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import type { MovementCode } from '../../domain/movements/movement-codes.ts';
import { NATIONAL_STANDARDS, standardForYear } from '../../domain/standards/index.ts';
import { DEFAULT_DASHBOARD_SETTINGS, type DashboardSettings } from './settings.ts';
import { EMPTY_COUNTS, summarySource, type DashboardSource, type StatusCounts } from './source.ts';
import { childUnitNames, resolveDashboardUnit, type DashboardTier, type DashboardUnit } from './unit.ts';

export interface RateFigures extends StatusCounts {
  /** Fractions (0–1); null when the unit has no household that year. */
  poorRate: number | null;
  nearPoorRate: number | null;
  /** (poor + near-poor) / households: the multidimensional poverty rate of official announcements. */
  multidimensionalRate: number | null;
  /** Poor / near-poor ethnic-minority households over all ethnic-minority households. */
  minorityPoorRate: number | null;
  minorityNearPoorRate: number | null;
  /** Share of ethnic-minority households among the poor. */
  minorityShareOfPoor: number | null;
}

export interface YearFigures extends RateFigures {
  year: number;
}

export interface DashboardRow {
  /** Code as the dashboard takes it (a village: 'COMMUNE:VILLAGE'; '' inside the code = no village). */
  code: string;
  name: string | null;
  figures: RateFigures;
  trend: YearFigures[];
}

export interface MovementFigures {
  year: number;
  /** Left the poor list (became near-poor or rose above the near-poor line). */
  escaped: number;
  newPoor: number;
  relapsed: number;
  nearPoorEscaped: number;
  newNearPoor: number;
  nearPoorRelapsed: number;
  poorStart: number;
  poorEnd: number;
  nearPoorStart: number;
  nearPoorEnd: number;
  /** Every F2/F3 column (households). */
  columns: Record<MovementCode, number>;
}

export interface DeprivationFigure {
  indicator: string;
  label: string;
  poor: number;
  /** Over poor households classified in that year's review. */
  poorShare: number | null;
  nearPoor: number;
  nearPoorShare: number | null;
}

export interface EthnicFigure {
  /** Ethnic group as recorded ('' = not recorded). */
  group: string;
  households: number;
  poor: number;
  nearPoor: number;
  poorRate: number | null;
  nearPoorRate: number | null;
}

export interface RankedUnit {
  code: string;
  name: string | null;
  households: number;
  poor: number;
  poorRate: number;
}

export interface Dashboard {
  unit: { code: string; name: string; tier: DashboardTier; path: DashboardUnit['path']; provinceCode: string | null; communeCode: string | null };
  /** Unit layout of every figure (the registry's). */
  layout: '2025';
  years: number[];
  year: number | null;
  childTier: DashboardTier | null;
  totals: RateFigures;
  trend: YearFigures[];
  rows: DashboardRow[];
  movements: MovementFigures | null;
  movementTrend: MovementFigures[];
  deprivations: DeprivationFigure[];
  ethnicity: EthnicFigure[];
  /** For a nation or province: communes whose poor rate is above each threshold (percent), poorest first. */
  thresholds: Array<{ percent: number; communes: RankedUnit[] }> | null;
  /** Units one level down with the highest poor rates. */
  poorest: RankedUnit[];
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export function rateFigures(c: StatusCounts): RateFigures {
  return {
    ...c,
    poorRate: ratio(c.poor, c.households),
    nearPoorRate: ratio(c.nearPoor, c.households),
    multidimensionalRate: ratio(c.poor + c.nearPoor, c.households),
    minorityPoorRate: ratio(c.minorityPoor, c.minority),
    minorityNearPoorRate: ratio(c.minorityNearPoor, c.minority),
    minorityShareOfPoor: ratio(c.minorityPoor, c.poor),
  };
}

export function addCounts(a: StatusCounts, b: StatusCounts): StatusCounts {
  const out = { ...a };
  for (const k of Object.keys(out) as Array<keyof StatusCounts>) out[k] += b[k];
  return out;
}

function movementFigures(year: number, m: NonNullable<Awaited<ReturnType<DashboardSource['movements']>>>): MovementFigures {
  const c = m.movements;
  return {
    year,
    escaped: c.poor_out_to_near_poor + c.poor_out_above_near_poor,
    newPoor: c.poor_in_new,
    relapsed: c.poor_in_relapse,
    nearPoorEscaped: c.near_poor_out_above,
    newNearPoor: c.near_poor_in_new,
    nearPoorRelapsed: c.near_poor_in_relapse,
    poorStart: m.poorStart,
    poorEnd: m.poorEnd,
    nearPoorStart: m.nearPoorStart,
    nearPoorEnd: m.nearPoorEnd,
    columns: { ...c },
  };
}

/** Indicator labels: the year's standard first (its official order), then any other national indicator seen. */
function indicatorOrder(year: number): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of [standardForYear(year), ...NATIONAL_STANDARDS]) for (const i of s?.indicators ?? []) if (!out.has(i.id)) out.set(i.id, i.label);
  return out;
}

function ranked(entries: Iterable<[string, StatusCounts]>, names: (code: string) => string | null): RankedUnit[] {
  const out: RankedUnit[] = [];
  for (const [code, c] of entries) if (c.households > 0) out.push({ code, name: names(code), households: c.households, poor: c.poor, poorRate: c.poor / c.households });
  return out.toSorted((a, b) => b.poorRate - a.poorRate || b.poor - a.poor || a.code.localeCompare(b.code));
}

async function communeNames(db: Kysely<DB>, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const r = await sql<{ code: string; name: string }>`
    select distinct on (code) code, name from admin_unit where layout = '2025' and tier = 'commune' and code in (${sql.join(codes)})
    order by code, valid_from desc`.execute(db);
  return new Map(r.rows.map((x) => [x.code, x.name]));
}

export interface DashboardQuery {
  /** Unit code ('' the nation, province, commune, 'COMMUNE:VILLAGE'). */
  unit: string;
  /** List year; default the latest year with data up to the current one (else the latest). */
  year?: number;
  settings?: DashboardSettings;
  /** The current year (default: this year in Vietnam). */
  currentYear?: number;
}

export async function readDashboard(db: Kysely<DB>, scope: Scope, q: DashboardQuery, source: DashboardSource = summarySource(db, scope)): Promise<Dashboard> {
  const settings = q.settings ?? DEFAULT_DASHBOARD_SETTINGS;
  const unit = await resolveDashboardUnit(db, scope, q.unit);
  const years = await source.years(unit.summary);
  const currentYear = q.currentYear ?? Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
  const year = q.year ?? years.filter((y) => y <= currentYear).at(-1) ?? years.at(-1) ?? null;
  const names = await childUnitNames(db, unit);
  const childCode = (code: string) => (unit.tier === 'commune' ? `${unit.code}:${code}` : code);

  // Rows and trend: one summary read per list year, grouped by the child units (the unit itself for a village).
  const groupBy = unit.childGroupBy ?? unit.selfGroupBy;
  const byYear = new Map<number, Map<string, StatusCounts>>();
  for (const y of years) byYear.set(y, await source.statusCounts(unit.summary, y, groupBy));
  const trend: YearFigures[] = years.map((y) => ({ year: y, ...rateFigures([...byYear.get(y)!.values()].reduce(addCounts, EMPTY_COUNTS)) }));
  const totals = rateFigures(year === null ? EMPTY_COUNTS : [...(byYear.get(year) ?? new Map<string, StatusCounts>()).values()].reduce(addCounts, EMPTY_COUNTS));

  let rows: DashboardRow[] = [];
  if (unit.childGroupBy) {
    const codes = new Set<string>(names.keys());
    for (const m of byYear.values()) for (const c of m.keys()) codes.add(c);
    rows = [...codes].toSorted().map((code) => ({
      code: childCode(code),
      name: names.get(code) ?? null,
      figures: rateFigures((year !== null && byYear.get(year)?.get(code)) || EMPTY_COUNTS),
      trend: years.map((y) => ({ year: y, ...rateFigures(byYear.get(y)!.get(code) ?? EMPTY_COUNTS) })),
    }));
  }

  const movementTrend: MovementFigures[] = [];
  for (const y of years) {
    if (!years.includes(y - 1)) continue;
    const m = await source.movements(unit.summary, y, unit.selfGroupBy);
    if (m) movementTrend.push(movementFigures(y, m));
  }

  let deprivations: DeprivationFigure[] = [];
  let ethnicity: EthnicFigure[] = [];
  let thresholds: Dashboard['thresholds'] = null;
  let poorest: RankedUnit[] = [];
  if (year !== null) {
    const labels = indicatorOrder(year);
    const dep = await source.dimension(unit.summary, year, unit.selfGroupBy, 'deprivation');
    const order = [...labels.keys()];
    deprivations = dep
      .map((d) => ({
        indicator: d.value,
        label: labels.get(d.value) ?? d.value,
        poor: d.poor,
        poorShare: ratio(d.poor, totals.poorClassified),
        nearPoor: d.nearPoor,
        nearPoorShare: ratio(d.nearPoor, totals.nearPoorClassified),
      }))
      .toSorted((a, b) => (order.indexOf(a.indicator) >>> 0) - (order.indexOf(b.indicator) >>> 0));
    ethnicity = (await source.dimension(unit.summary, year, unit.selfGroupBy, 'ethnicity'))
      .map((e) => ({ group: e.value, households: e.households, poor: e.poor, nearPoor: e.nearPoor, poorRate: ratio(e.poor, e.households), nearPoorRate: ratio(e.nearPoor, e.households) }))
      .toSorted((a, b) => b.households - a.households || a.group.localeCompare(b.group));

    const yearRows = byYear.get(year) ?? new Map<string, StatusCounts>();
    poorest = unit.childGroupBy ? ranked(yearRows, (c) => names.get(c) ?? null).slice(0, settings.poorestCount).map((r) => ({ ...r, code: childCode(r.code) })) : [];
    if (unit.tier === 'nation' || unit.tier === 'province') {
      const communes = unit.tier === 'province' ? yearRows : await source.statusCounts(unit.summary, year, 'commune');
      const rankedCommunes = ranked(communes, (c) => names.get(c) ?? null);
      const above = rankedCommunes.filter((c) => c.poorRate * 100 > Math.min(...settings.thresholds));
      const cn = unit.tier === 'nation' ? await communeNames(db, above.map((c) => c.code)) : names;
      thresholds = settings.thresholds.map((percent) => ({
        percent,
        communes: rankedCommunes.filter((c) => c.poorRate * 100 > percent).map((c) => ({ ...c, name: cn.get(c.code) ?? null })),
      }));
    }
  }

  return {
    unit: { code: unit.code, name: unit.name, tier: unit.tier, path: unit.path, provinceCode: unit.summary.provinceCode ?? null, communeCode: unit.summary.communeCode ?? null },
    layout: '2025',
    years,
    year,
    childTier: unit.childGroupBy === null ? null : unit.childGroupBy === 'province' ? 'province' : unit.childGroupBy === 'commune' ? 'commune' : 'village',
    totals,
    trend,
    rows,
    movements: movementTrend.find((m) => m.year === year) ?? null,
    movementTrend,
    deprivations,
    ethnicity,
    thresholds,
    poorest,
  };
}

