/**
 * The unit a report is asked for, inside the caller's scope, and the units of its rows (2025 layout):
 * nation → provinces, province → communes, commune → villages, village → itself. Unit codes: '' (the
 * nation), a province code (2 digits), a commune code (5 digits), 'COMMUNE:VILLAGE' for a village.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { scopeCovers, type Scope } from '../../domain/access/scope.ts';
import type { SummaryGroupBy, SummaryUnit } from './summary-read.ts';

export type ReportErrorCode = 'report_unit_invalid' | 'report_unit_out_of_scope' | 'report_form_invalid' | 'report_too_large' | 'report_layout_unavailable' | 'report_origin_invalid' | 'report_origin_village_invalid';

export class ReportError extends Error {
  override name = 'ReportError';
  constructor(
    readonly code: ReportErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
}

export interface ResolvedUnit {
  code: string;
  name: string;
  tier: 'nation' | 'province' | 'commune' | 'village';
  summary: SummaryUnit;
  /** Grouping of the report rows. */
  groupBy: SummaryGroupBy;
  /** Title of the row column. */
  rowHeader: string;
  /** Names of the province / commune above the unit (title block). */
  parents: string[];
  /** The People's Committee issuing the report (the province, the commune; null for the nation). */
  issuer: { name: string; type: string } | null;
}

/** '' (the nation), province, commune or COMMUNE:VILLAGE; a 3-digit district of the 2024 layout. */
export const UNIT_CODE_PATTERN = '^(|\\d{2}|\\d{3}|\\d{5}|\\d{5}:[^:]{1,40})$';

/** The unit's latest 2025-layout name. */
async function unitName(db: Kysely<DB>, code: string): Promise<{ name: string; type: string; province_code: string; tier: string } | undefined> {
  const r = await sql<{ name: string; type: string; province_code: string; tier: string }>`
    select name, type, province_code, tier from admin_unit where layout = '2025' and code = ${code} and tier in ('province', 'commune')
    order by (valid_to is null) desc, valid_from desc limit 1`.execute(db);
  return r.rows[0];
}

/** The caller's own unit code (the default report unit). */
export function defaultUnitCode(scope: Scope): string {
  return scope.level === 'national' ? '' : scope.level === 'province' ? scope.provinceCode : scope.communeCode;
}

export async function resolveReportUnit(db: Kysely<DB>, scope: Scope, code: string): Promise<ResolvedUnit> {
  if (code === '') {
    if (scope.level !== 'national') throw new ReportError('report_unit_out_of_scope', { code: 'toàn quốc' });
    return { code, name: 'Toàn quốc', tier: 'nation', summary: {}, groupBy: 'province', rowHeader: 'Tỉnh, thành phố', parents: [], issuer: null };
  }
  const [communeOrProvince, village] = code.split(':') as [string, string | undefined];
  const u = await unitName(db, communeOrProvince);
  if (!u || (u.tier === 'province') !== (communeOrProvince.length === 2)) throw new ReportError('report_unit_invalid', { code });
  if (u.tier === 'province') {
    if (!scopeCovers(scope, { provinceCode: u.province_code }) || scope.level === 'commune') throw new ReportError('report_unit_out_of_scope', { code });
    return { code, name: u.name, tier: 'province', summary: { provinceCode: u.province_code }, groupBy: 'commune', rowHeader: 'Xã, phường, đặc khu', parents: [], issuer: { name: u.name, type: u.type } };
  }
  if (!scopeCovers(scope, { provinceCode: u.province_code, communeCode: communeOrProvince })) throw new ReportError('report_unit_out_of_scope', { code });
  const province = (await unitName(db, u.province_code))?.name ?? `Tỉnh ${u.province_code}`;
  const summary = { provinceCode: u.province_code, communeCode: communeOrProvince };
  if (village === undefined) return { code, name: u.name, tier: 'commune', summary, groupBy: 'village', rowHeader: 'Thôn, bản, tổ dân phố', parents: [province], issuer: { name: u.name, type: u.type } };
  const v = await sql<{ name: string }>`
    select name from village where province_code = ${u.province_code} and commune_code = ${communeOrProvince} and code = ${village}`.execute(db);
  if (!v.rows[0]) throw new ReportError('report_unit_invalid', { code });
  return {
    code,
    name: v.rows[0].name,
    tier: 'village',
    summary: { ...summary, villageCode: village },
    groupBy: 'village',
    rowHeader: 'Thôn, bản, tổ dân phố',
    parents: [province, u.name],
    issuer: { name: u.name, type: u.type },
  };
}

/** The row units a report lists even without data (child units of the catalogue), with their names. */
export async function rowUnitNames(db: Kysely<DB>, unit: ResolvedUnit, year: number): Promise<Map<string, string>> {
  const asOf = `${Math.max(year, 2025)}-07-01`;
  let rows: Array<{ code: string; name: string }>;
  if (unit.tier === 'nation' || unit.tier === 'province') {
    const tier = unit.tier === 'nation' ? 'province' : 'commune';
    const r = await sql<{ code: string; name: string }>`
      select distinct on (code) code, name from admin_unit
      where layout = '2025' and tier = ${tier}
        and ${unit.tier === 'province' ? sql`province_code = ${unit.summary.provinceCode!}` : sql`true`}
        and valid_from <= ${asOf}::date and (valid_to is null or valid_to > ${asOf}::date)
      order by code, valid_from desc`.execute(db);
    rows = r.rows;
  } else {
    const r = await sql<{ code: string; name: string }>`
      select code, name from village where province_code = ${unit.summary.provinceCode!} and commune_code = ${unit.summary.communeCode!}
        and ${unit.tier === 'village' ? sql`code = ${unit.summary.villageCode!}` : sql`true`}
      order by code`.execute(db);
    rows = r.rows;
  }
  return new Map(rows.map((r) => [r.code, r.name]));
}
