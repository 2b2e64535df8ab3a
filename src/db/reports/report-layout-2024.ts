/**
 * A summary form in the 2024 layout (province – district – commune, before 1 July 2025) for a
 * historical list year: the nation (rows: the old provinces), a 2024 province (rows: its old communes
 * under district subtotal rows), district (rows: its old communes) or old commune (rows: the villages
 * that belonged to it). The registry and the
 * summary tables hold 2025-layout units; each summary village is placed in its old commune by its
 * village_origin row, else by the unique 2024 predecessor of its new commune (admin_unit_succession).
 * A village of a new commune merged from several old communes without an origin row is counted on a
 * row "Chưa xác định xã cũ" under the district all those old communes shared (else under an
 * "undetermined district" group), so province totals always equal the 2025-layout report's.
 * Units of the 2024 layout are read as in force on 30 June 2025, the day before the reorganisation.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { scopeCovers, type Scope } from '../../domain/access/scope.ts';
import { emptyAgg } from '../../domain/reports/report-agg.ts';
import { SUMMARY_FORMS, type SummaryFormId } from '../../domain/reports/forms.ts';
import { buildSummaryTable, type RowGroup, type RowUnit } from '../../domain/reports/build-table.ts';
import type { ReportTable } from '../../domain/reports/report-table.ts';
import { inForce } from '../units/queries.ts';
import { ReportError } from './report-unit.ts';
import { formContext, readAggregates, standardNotes, type RowKeyOf, type SummaryRead } from './report-aggregates.ts';

/** Last day of the three-tier layout: 2024-layout units are read as they were then. */
export const LAST_DAY_2024_LAYOUT = '2025-06-30';

type OldTier = 'nation' | 'province' | 'district' | 'commune';
const TIER_OF_LENGTH: Readonly<Record<number, OldTier>> = { 2: 'province', 3: 'district', 5: 'commune' };

export function layout2024Note(year: number): string {
  return (
    `Đơn vị hành chính theo bố cục trước ngày 01/7/2025 (ba cấp: tỉnh – huyện – xã), danh mục ngày 30/6/2025. Số liệu năm ${year}: ` +
    'mỗi hộ được tính vào xã cũ của thôn, bản nơi hộ cư trú (liên kết thôn – xã cũ), hoặc vào xã cũ duy nhất hợp thành xã mới của hộ (liên kết kế thừa).'
  );
}

interface OldCommune {
  code: string;
  name: string;
  districtCode: string | null;
  provinceCode: string;
}

/** A 2025 commune and the 2024 communes it was formed from. */
interface NewCommune {
  code: string;
  name: string;
  type: string;
  provinceCode: string;
  predecessors: OldCommune[];
}

/** The 2024-layout unit asked for, the old communes under it and the 2025 communes their households now live in. */
interface OldUnitReport {
  code: string;
  name: string;
  tier: OldTier;
  /** District and province names above the unit (nearest first). */
  parents: string[];
  oldCommunes: OldCommune[];
  /** Districts of the province (province report), the provinces (national report). */
  groups: Array<{ code: string; name: string }>;
  newCommunes: NewCommune[];
}

const unique = <T,>(xs: readonly T[]): T | null => (xs.length > 0 && xs.every((x) => x === xs[0]) ? xs[0]! : null);

async function oldUnitReport(db: Kysely<DB>, scope: Scope, code: string): Promise<OldUnitReport> {
  if (code === '' && scope.level !== 'national') throw new ReportError('report_unit_out_of_scope', { code: 'toàn quốc' });
  const tier: OldTier | undefined = code === '' ? 'nation' : TIER_OF_LENGTH[code.length];
  const d = LAST_DAY_2024_LAYOUT;
  const unit = tier === 'nation'
    ? { name: 'Toàn quốc', province_code: '', parent_code: null }
    : tier
    ? (
        await sql<{ name: string; province_code: string; parent_code: string | null }>`
          select u.name, u.province_code, p.parent_code from admin_unit u
          left join admin_unit_parent p on p.layout = '2024' and p.code = u.code and ${inForce('p', d)}
          where u.layout = '2024' and u.code = ${code} and u.tier = ${tier} and ${inForce('u', d)}`.execute(db)
      ).rows[0]
    : undefined;
  if (!tier || !unit) throw new ReportError('report_unit_invalid', { code });
  const filter = tier === 'nation' ? sql`true` : tier === 'province' ? sql`u.province_code = ${code}` : tier === 'district' ? sql`p.parent_code = ${code}` : sql`u.code = ${code}`;
  const olds = (
    await sql<{ code: string; name: string; district_code: string | null; province_code: string }>`
      select u.code, u.name, p.parent_code as district_code, u.province_code from admin_unit u
      left join admin_unit_parent p on p.layout = '2024' and p.code = u.code and ${inForce('p', d)}
      where u.layout = '2024' and u.tier = 'commune' and ${inForce('u', d)} and ${filter}
      order by u.code`.execute(db)
  ).rows.map((r) => ({ code: r.code, name: r.name, districtCode: r.district_code, provinceCode: r.province_code }));
  const groups = (
    await sql<{ code: string; name: string }>`
      select code, name from admin_unit u where u.layout = '2024' and ${inForce('u', d)}
        and ${tier === 'nation' ? sql`u.tier = 'province'` : sql`u.tier = 'district' and u.province_code = ${unit.province_code}`} order by code`.execute(db)
  ).rows;
  const names = new Map(groups.map((x) => [x.code, x.name]));
  const provinceName = (
    await sql<{ name: string }>`select name from admin_unit u where u.layout = '2024' and u.code = ${unit.province_code} and ${inForce('u', d)}`.execute(db)
  ).rows[0]?.name;
  const parents = [tier === 'commune' && unit.parent_code ? names.get(unit.parent_code) : undefined, tier === 'province' || tier === 'nation' ? undefined : provinceName].filter((x): x is string => !!x);

  // The 2025 communes the unit's old communes went into, each with all of its predecessors.
  const succ = (
    await sql<{ new_code: string; new_name: string; new_type: string; new_province: string; old_code: string; old_name: string; district_code: string | null; old_province: string }>`
      with targets as (
        select distinct s.new_code from admin_unit_succession s
        join admin_unit u on u.layout = '2024' and u.code = s.old_code and u.tier = 'commune' and ${inForce('u', d)}
        left join admin_unit_parent p on p.layout = '2024' and p.code = u.code and ${inForce('p', d)}
        where s.old_layout = '2024' and s.new_layout = '2025' and ${filter})
      select s.new_code, n.name as new_name, n.type as new_type, n.province_code as new_province,
             s.old_code, u.name as old_name, p.parent_code as district_code, u.province_code as old_province
      from targets t
      join admin_unit_succession s on s.old_layout = '2024' and s.new_layout = '2025' and s.new_code = t.new_code
      join admin_unit u on u.layout = '2024' and u.code = s.old_code and ${inForce('u', d)}
      left join admin_unit_parent p on p.layout = '2024' and p.code = u.code and ${inForce('p', d)}
      join lateral (select name, type, province_code from admin_unit n where n.layout = '2025' and n.code = s.new_code and n.tier = 'commune'
                    order by (n.valid_to is null) desc, n.valid_from desc limit 1) n on true
      order by s.new_code, s.old_code`.execute(db)
  ).rows;
  const byNew = new Map<string, NewCommune>();
  for (const r of succ) {
    let n = byNew.get(r.new_code);
    if (!n) byNew.set(r.new_code, (n = { code: r.new_code, name: r.new_name, type: r.new_type, provinceCode: r.new_province, predecessors: [] }));
    n.predecessors.push({ code: r.old_code, name: r.old_name, districtCode: r.district_code, provinceCode: r.old_province });
  }
  const newCommunes = [...byNew.values()];
  const covered = newCommunes.length > 0 ? newCommunes.every((n) => scopeCovers(scope, { provinceCode: n.provinceCode, communeCode: n.code })) : scope.level === 'national';
  if (!covered) throw new ReportError('report_unit_out_of_scope', { code });
  const name = tier === 'nation' ? unit.name : tier === 'province' ? (provinceName ?? code) : tier === 'district' ? (names.get(code) ?? code) : olds[0]!.name;
  return { code, name, tier, parents, oldCommunes: olds, groups, newCommunes };
}

/** Villages of the new communes with their old commune (origin row, else the single predecessor; null = undetermined). */
async function villageOrigins(db: Kysely<DB>, communes: readonly NewCommune[]): Promise<Map<string, Array<{ code: string; name: string; old: string | null }>>> {
  const out = new Map<string, Array<{ code: string; name: string; old: string | null }>>();
  if (communes.length === 0) return out;
  const rows = (
    await sql<{ commune_code: string; code: string; name: string; old_commune_code: string | null }>`
      select v.commune_code, v.code, v.name, o.old_commune_code from village v
      left join village_origin o on o.province_code = v.province_code and o.commune_code = v.commune_code and o.village_code = v.code
      where (v.province_code, v.commune_code) in (${sql.join(communes.map((c) => sql`(${c.provinceCode}, ${c.code})`))})
      order by v.commune_code, v.code`.execute(db)
  ).rows;
  const single = new Map(communes.map((c) => [c.code, c.predecessors.length === 1 ? c.predecessors[0]!.code : null]));
  for (const c of communes) out.set(c.code, [{ code: '', name: 'Chưa xác định thôn, bản', old: single.get(c.code) ?? null }]);
  for (const r of rows) out.get(r.commune_code)!.push({ code: r.code, name: r.name, old: r.old_commune_code ?? single.get(r.commune_code) ?? null });
  return out;
}

const UNDETERMINED = '?';

const ROW_HEADERS: Readonly<Record<OldTier, string>> = {
  nation: 'Tỉnh, thành phố (trước 01/7/2025)',
  province: 'Huyện, xã (trước 01/7/2025)',
  district: 'Xã, phường, thị trấn',
  commune: 'Thôn, bản, tổ dân phố',
};

/** Where the households of a new commune's undetermined villages go: the district (or province) all its predecessors shared. */
const undeterminedParent = (n: NewCommune) => ({
  district: unique(n.predecessors.map((p) => p.districtCode)),
  province: unique(n.predecessors.map((p) => p.provinceCode)),
});

/** One village-level read per new commune. */
const perCommune = (communes: readonly NewCommune[]): SummaryRead[] => communes.map((n) => ({ unit: { provinceCode: n.provinceCode, communeCode: n.code }, groupBy: 'village' }));

export async function buildLayout2024Report(db: Kysely<DB>, scope: Scope, req: { form: SummaryFormId; year: number; unit: string }): Promise<ReportTable> {
  const u = await oldUnitReport(db, scope, req.unit);
  // A national report needs villages only where a new commune came from several old provinces.
  const nation = u.tier === 'nation';
  const spanning = u.newCommunes.filter((n) => undeterminedParent(n).province === null);
  const villages = await villageOrigins(db, nation ? spanning : u.newCommunes);
  const oldOf = new Map<string, string | null>();
  for (const [commune, vs] of villages) for (const v of vs) oldOf.set(`${commune}:${v.code}`, v.old);
  const ours = new Set(u.oldCommunes.map((c) => c.code));
  const newByCode = new Map(u.newCommunes.map((n) => [n.code, n]));
  const provinceOfOld = new Map(u.oldCommunes.map((c) => [c.code, c.provinceCode]));
  const nationKeyOf: RowKeyOf = (k) => {
    const n = newByCode.get(k.communeCode ?? '');
    if (!n) return null;
    const province = undeterminedParent(n).province;
    if (province) return province;
    // A commune of several old provinces: counted from its village-level reads only.
    if (k.villageCode === null) return null;
    const old = oldOf.get(`${n.code}:${k.villageCode}`);
    return (old && provinceOfOld.get(old)) || UNDETERMINED;
  };
  const keyOf: RowKeyOf = nation ? nationKeyOf : (k) => {
    const commune = k.communeCode ?? '';
    const old = oldOf.get(`${commune}:${k.villageCode ?? ''}`);
    if (old) return ours.has(old) ? (u.tier === 'commune' ? `${commune}:${k.villageCode ?? ''}` : old) : null;
    const n = newByCode.get(commune);
    if (!n || u.tier === 'commune') return null;
    const parent = undeterminedParent(n);
    if (u.tier === 'district' ? parent.district !== u.code : (parent.province ?? n.predecessors[0]?.provinceCode) !== u.code) return null;
    return `${UNDETERMINED}${commune}`;
  };
  const perProvince = (groupBy: 'commune' | 'village'): SummaryRead[] => [...new Set(u.newCommunes.map((n) => n.provinceCode))].map((p) => ({ unit: { provinceCode: p }, groupBy }));
  // Nation: communes grouped per province, plus the villages of communes that span old provinces.
  const nationReads = [...perProvince('commune'), ...perCommune(spanning)];
  const reads = nation ? nationReads : u.tier === 'province' ? perProvince('village') : perCommune(u.newCommunes);
  const aggs = await readAggregates(db, scope, req.form, req.year, reads, keyOf, nation ? nationReads : perCommune(u.newCommunes));
  const row = (code: string, name: string): RowUnit => ({ code, name, agg: aggs.get(code) ?? emptyAgg() });
  const undeterminedRows = (district: string | null) =>
    u.newCommunes
      .filter((n) => aggs.has(`${UNDETERMINED}${n.code}`) && undeterminedParent(n).district === district)
      .map((n) => row(`${UNDETERMINED}${n.code}`, `Chưa xác định xã cũ (nay là ${n.name})`));

  let units: RowUnit[] | RowGroup[];
  if (nation) {
    units = [...u.groups.map((p) => row(p.code, p.name)), ...(aggs.has(UNDETERMINED) ? [row(UNDETERMINED, 'Chưa xác định tỉnh')] : [])];
  } else if (u.tier === 'province') {
    const groups: RowGroup[] = u.groups.map((dist) => ({
      code: dist.code,
      name: dist.name,
      units: [...u.oldCommunes.filter((c) => c.districtCode === dist.code).map((c) => row(c.code, c.name)), ...undeterminedRows(dist.code)],
    }));
    const rest = undeterminedRows(null);
    if (rest.length > 0) groups.push({ code: UNDETERMINED, name: 'Chưa xác định huyện', units: rest });
    units = groups.filter((g) => g.units.length > 0);
  } else if (u.tier === 'district') {
    units = [...u.oldCommunes.map((c) => row(c.code, c.name)), ...undeterminedRows(u.code)];
  } else {
    const split = u.newCommunes.length > 1;
    units = u.newCommunes.flatMap((n) =>
      (villages.get(n.code) ?? []).filter((v) => v.old === u.code && (v.code !== '' || aggs.has(`${n.code}:`))).map((v) => row(`${n.code}:${v.code}`, split ? `${v.name} (nay thuộc ${n.name})` : v.name)),
    );
  }
  const allAggs = [...aggs.values()];
  const undetermined = [...aggs.keys()].some((k) => k.startsWith(UNDETERMINED));
  const only = u.newCommunes.length === 1 ? u.newCommunes[0]! : null;
  const province = u.newCommunes[0]
    ? (await sql<{ name: string; type: string }>`select name, type from admin_unit where layout = '2025' and code = ${u.newCommunes[0].provinceCode} order by valid_from desc limit 1`.execute(db)).rows[0]
    : undefined;
  return buildSummaryTable(SUMMARY_FORMS[req.form], formContext(req.year, allAggs), units, {
    subtitle: `Năm ${req.year} — ${[u.name, ...u.parents].join(', ')} (đơn vị trước ngày 01/7/2025)`,
    year: req.year,
    unit: { code: u.code, name: u.name, tier: u.tier },
    issuer: nation ? null : only && scope.level === 'commune' ? { name: only.name, type: only.type } : (province ?? null),
    layout: '2024',
    layoutNote: layout2024Note(req.year),
    rowHeader: ROW_HEADERS[u.tier],
    notes: [
      ...standardNotes(req.year),
      ...(undetermined && nation
        ? ['Dòng "Chưa xác định tỉnh": hộ ở thôn, bản chưa được khai báo thuộc xã cũ nào, trong xã mới hợp thành từ các xã cũ của nhiều tỉnh.']
        : []),
      ...(undetermined && !nation
        ? ['Dòng "Chưa xác định xã cũ": hộ ở thôn, bản chưa được khai báo thuộc xã cũ nào, trong xã mới hợp thành từ nhiều xã cũ; được xếp vào huyện chung của các xã cũ đó.']
        : []),
    ],
  });
}
