/**
 * The administrative units a boundary layer can hold: every code of the layout at the level, with the
 * unit's name and province (latest version) and the 2025-layout province it lies in, which is what
 * access is scoped by. For a 2024 unit that is the province of its 2025 successors (an old province
 * went wholly into one new one; a split commune's parts stay in one province).
 */
import { sql, type Kysely } from 'kysely';
import type { DB, Layout } from '../schema.ts';
import type { BoundaryLevel } from '../../domain/geo/code-property.ts';

export interface LayerUnit {
  code: string;
  name: string;
  /** The unit's province code in its own layout. */
  unitProvinceCode: string;
  /** The 2025-layout province (scope). */
  provinceCode: string;
  /** Still in force (no end date on its latest version). */
  current: boolean;
}

export async function layerUnits(db: Kysely<DB>, layout: Layout, level: BoundaryLevel): Promise<Map<string, LayerUnit>> {
  // 2024 province → 2025 province, through the successors of the old province's communes.
  const successorProvince =
    layout === '2025'
      ? sql<string>`u.province_code`
      : sql<string>`coalesce((
          select min(n.province_code)
          from admin_unit o
          join admin_unit_succession s on s.old_layout = '2024' and s.old_code = o.code and s.new_layout = '2025'
          join admin_unit n on n.layout = '2025' and n.code = s.new_code
          where o.layout = '2024' and o.tier = 'commune' and o.province_code = u.province_code
        ), u.province_code)`;
  const rows = await sql<{ code: string; name: string; unit_province_code: string; province_code: string; current: boolean }>`
    with latest as (
      select distinct on (code) code, name, province_code, valid_to is null as current
      from admin_unit
      where layout = ${layout} and tier = ${level}
      order by code, valid_from desc
    ), provinces as (
      select u.province_code, ${successorProvince} as scope_province
      from (select distinct province_code from latest) u
    )
    select l.code, l.name, l.province_code as unit_province_code, p.scope_province as province_code, l.current
    from latest l join provinces p on p.province_code = l.province_code`.execute(db);
  return new Map(rows.rows.map((r) => [r.code, { code: r.code, name: r.name, unitProvinceCode: r.unit_province_code, provinceCode: r.province_code, current: r.current }]));
}
