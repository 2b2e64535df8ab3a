/**
 * The unit a dashboard shows, inside the caller's scope, and the units one level down (2025 layout):
 * nation → provinces, province → communes, commune → villages; a village has households. Codes as in the
 * report forms: '' the nation, 2 digits a province, 5 digits a commune, 'COMMUNE:VILLAGE' a village. A
 * unit above or beside the caller's scope is out of scope.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { scopeCovers, type Scope } from '../../domain/access/scope.ts';
import type { SummaryGroupBy, SummaryUnit } from '../reports/summary-read.ts';

export type DashboardTier = 'nation' | 'province' | 'commune' | 'village';

export interface DashboardUnit {
  code: string;
  name: string;
  tier: DashboardTier;
  summary: SummaryUnit;
  /** Grouping that gives one row per child unit, and the grouping of the unit itself. */
  childGroupBy: SummaryGroupBy | null;
  selfGroupBy: SummaryGroupBy;
  /** The path from the caller's top unit down to this one (for the breadcrumb). */
  path: Array<{ code: string; name: string; tier: DashboardTier }>;
}

export const DASHBOARD_UNIT_PATTERN = '^(|\\d{2}|\\d{5}|\\d{5}:[^:]{1,40})$';

export class DashboardUnitError extends Error {
  override name = 'DashboardUnitError';
  constructor(readonly code: 'out_of_scope' | 'not_found') {
    super(code);
  }
}

/** The caller's own unit code (the dashboard's start). */
export function homeUnitCode(scope: Scope): string {
  return scope.level === 'national' ? '' : scope.level === 'province' ? scope.provinceCode : scope.communeCode;
}

async function adminUnit(db: Kysely<DB>, code: string): Promise<{ name: string; province_code: string; tier: string } | undefined> {
  const r = await sql<{ name: string; province_code: string; tier: string }>`
    select name, province_code, tier from admin_unit where layout = '2025' and code = ${code} and tier in ('province', 'commune')
    order by (valid_to is null) desc, valid_from desc limit 1`.execute(db);
  return r.rows[0];
}

const NATION = { code: '', name: 'Toàn quốc', tier: 'nation' as const };

export async function resolveDashboardUnit(db: Kysely<DB>, scope: Scope, code: string): Promise<DashboardUnit> {
  if (code === '') {
    if (scope.level !== 'national') throw new DashboardUnitError('out_of_scope');
    return { ...NATION, summary: {}, childGroupBy: 'province', selfGroupBy: 'nation', path: [NATION] };
  }
  const [unitCode, village] = code.split(':') as [string, string | undefined];
  const u = await adminUnit(db, unitCode);
  if (!u || (u.tier === 'province') !== (unitCode.length === 2)) throw new DashboardUnitError('not_found');
  const top = scope.level === 'national' ? [NATION] : [];
  if (u.tier === 'province') {
    if (scope.level === 'commune' || !scopeCovers(scope, { provinceCode: u.province_code })) throw new DashboardUnitError('out_of_scope');
    const self = { code: unitCode, name: u.name, tier: 'province' as const };
    return { ...self, summary: { provinceCode: unitCode }, childGroupBy: 'commune', selfGroupBy: 'province', path: [...top, self] };
  }
  if (!scopeCovers(scope, { provinceCode: u.province_code, communeCode: unitCode })) throw new DashboardUnitError('out_of_scope');
  const province = scope.level === 'commune' ? [] : [{ code: u.province_code, name: (await adminUnit(db, u.province_code))?.name ?? u.province_code, tier: 'province' as const }];
  const commune = { code: unitCode, name: u.name, tier: 'commune' as const };
  const summary = { provinceCode: u.province_code, communeCode: unitCode };
  if (village === undefined) return { ...commune, summary, childGroupBy: 'village', selfGroupBy: 'commune', path: [...top, ...province, commune] };
  const v = await sql<{ name: string }>`
    select name from village where province_code = ${u.province_code} and commune_code = ${unitCode} and code = ${village}`.execute(db);
  if (!v.rows[0]) throw new DashboardUnitError('not_found');
  const self = { code, name: v.rows[0].name, tier: 'village' as const };
  return { ...self, summary: { ...summary, villageCode: village }, childGroupBy: null, selfGroupBy: 'village', path: [...top, ...province, commune, self] };
}

/** Names of the child units in the catalogue (listed even without data), by the code used in the summaries. */
export async function childUnitNames(db: Kysely<DB>, unit: DashboardUnit): Promise<Map<string, string>> {
  let rows: Array<{ code: string; name: string }> = [];
  if (unit.tier === 'nation' || unit.tier === 'province') {
    const r = await sql<{ code: string; name: string }>`
      select distinct on (code) code, name from admin_unit
      where layout = '2025' and tier = ${unit.tier === 'nation' ? 'province' : 'commune'} and valid_to is null
        and ${unit.tier === 'province' ? sql`province_code = ${unit.summary.provinceCode!}` : sql`true`}
      order by code, valid_from desc`.execute(db);
    rows = r.rows;
  } else if (unit.tier === 'commune') {
    const r = await sql<{ code: string; name: string }>`
      select code, name from village where province_code = ${unit.summary.provinceCode!} and commune_code = ${unit.summary.communeCode!} and valid_to is null
      order by code`.execute(db);
    rows = r.rows;
  }
  return new Map(rows.map((r) => [r.code, r.name]));
}
