/**
 * Read queries on the effective-dated registry. Every query is one SQL statement: a version is the row
 * whose [valid_from, valid_to) contains the date, the parent link likewise, and a special zone's area
 * type is resolved in the same statement from the `units.specialZoneAreaType` setting.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB, Layout } from '../schema.ts';
import type { SuccessionLink, UnitVersion } from './types.ts';
import { levelOfTier } from './vocabulary.ts';
import { searchWords } from './text.ts';
import { SPECIAL_ZONE_SETTING_KEY } from './special-zone-setting.ts';

type Db = Kysely<DB>;

interface UnitRow {
  layout: Layout;
  code: string;
  name: string;
  name_ascii: string;
  type: string;
  type_en: string;
  tier: UnitVersion['tier'];
  area_type: UnitVersion['areaType'];
  resolved_area_type: UnitVersion['resolvedAreaType'];
  province_code: string;
  parent_code: string | null;
  valid_from: string;
  valid_to: string | null;
  source: string | null;
}

function toUnit(r: UnitRow): UnitVersion {
  return {
    layout: r.layout,
    code: r.code,
    name: r.name,
    nameAscii: r.name_ascii,
    type: r.type,
    typeEn: r.type_en,
    tier: r.tier,
    level: levelOfTier(r.layout, r.tier),
    areaType: r.area_type,
    resolvedAreaType: r.resolved_area_type,
    provinceCode: r.province_code,
    parentCode: r.parent_code,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    source: r.source,
  };
}

/** `alias` is in force on `asOf`. */
export function inForce(alias: string, asOf: string): RawBuilder<boolean> {
  const a = sql.ref(alias);
  return sql<boolean>`(${a}.valid_from <= ${asOf}::date and (${a}.valid_to is null or ${a}.valid_to > ${asOf}::date))`;
}

/** Unit versions of `layout` in force on `asOf`, with parent and resolved area type, filtered by `where`. */
async function selectUnits(db: Db, layout: Layout, asOf: string, where: RawBuilder<unknown>, order: RawBuilder<unknown> = sql`u.code`, limit = 10_000): Promise<UnitVersion[]> {
  const r = await sql<UnitRow>`
    select u.layout, u.code, u.name, u.name_ascii, u.type, u.type_en, u.tier, u.area_type,
           case when u.area_type = 'special_zone'
                then coalesce(s.value -> 'overrides' ->> u.code, s.value ->> 'default', 'rural')
                else u.area_type end as resolved_area_type,
           u.province_code, p.parent_code, u.valid_from, u.valid_to, u.source
    from admin_unit u
    left join admin_unit_parent p on p.layout = u.layout and p.code = u.code and ${inForce('p', asOf)}
    left join setting s on s.key = ${SPECIAL_ZONE_SETTING_KEY}
    where u.layout = ${layout} and ${inForce('u', asOf)} and ${where}
    order by ${order}
    limit ${limit}`.execute(db);
  return r.rows.map(toUnit);
}

/** The version of a unit in force on `asOf`, or null if the code did not exist then. */
export async function getUnit(db: Db, layout: Layout, code: string, asOf: string): Promise<UnitVersion | null> {
  const rows = await selectUnits(db, layout, asOf, sql`u.code = ${code}`);
  return rows[0] ?? null;
}

/** Units whose parent link on `asOf` is `parentCode`; `null` lists the provinces. Ordered by code. */
export async function listChildren(db: Db, layout: Layout, parentCode: string | null, asOf: string): Promise<UnitVersion[]> {
  const where = parentCode === null ? sql`u.tier = 'province'` : sql`p.parent_code = ${parentCode}`;
  return selectUnits(db, layout, asOf, where);
}

/** The province a unit belonged to on `asOf` (the province itself for a province). */
export async function provinceOf(db: Db, layout: Layout, code: string, asOf: string): Promise<UnitVersion | null> {
  const rows = await selectUnits(
    db,
    layout,
    asOf,
    sql`u.tier = 'province' and u.code = (
      select c.province_code from admin_unit c where c.layout = ${layout} and c.code = ${code} and ${inForce('c', asOf)})`,
  );
  return rows[0] ?? null;
}

/**
 * Units in force on `asOf` whose name contains every word of `query` as a word prefix, ignoring
 * diacritics and case ("muong te" finds "Xã Mường Tè"); a 2–5 digit query also matches the code.
 * Exact phrase matches first, then provinces before districts before communes, shorter names first.
 */
export async function searchUnits(db: Db, layout: Layout, query: string, asOf: string, limit = 30): Promise<UnitVersion[]> {
  const words = searchWords(query);
  if (words.length === 0) return [];
  const tsquery = words.map((w) => `${w}:*`).join(' & ');
  const phrase = words.join(' ');
  const digits = /^\d{2,5}$/u.test(query.trim()) ? query.trim() : null;
  const match = sql`(to_tsvector('simple', u.name_ascii) @@ to_tsquery('simple', ${tsquery}) or u.code = ${digits})`;
  const order = sql`(u.code = ${digits}) desc nulls last, (position(${phrase} in lower(u.name_ascii)) > 0) desc,
    case u.tier when 'province' then 0 when 'district' then 1 else 2 end, length(u.name), u.code`;
  return selectUnits(db, layout, asOf, match, order, Math.max(1, Math.min(limit, 500)));
}

interface LinkRow {
  layout: Layout;
  code: string;
  name: string | null;
  relation: 'full' | 'partial';
  effective_date: string;
  source: string | null;
}

const toLink = (r: LinkRow): SuccessionLink => ({ layout: r.layout, code: r.code, name: r.name, relation: r.relation, effectiveDate: r.effective_date, source: r.source });

/** Units that went (wholly or partly) into this unit, with their last name before the succession. */
export async function predecessors(db: Db, layout: Layout, code: string): Promise<SuccessionLink[]> {
  const r = await sql<LinkRow>`
    select s.old_layout as layout, s.old_code as code, n.name, s.relation, s.effective_date, s.source
    from admin_unit_succession s
    left join lateral (
      select u.name from admin_unit u where u.layout = s.old_layout and u.code = s.old_code
      order by (u.valid_from < s.effective_date) desc, u.valid_from desc limit 1) n on true
    where s.new_layout = ${layout} and s.new_code = ${code}
    order by s.effective_date, s.old_layout, s.old_code`.execute(db);
  return r.rows.map(toLink);
}

/** Units this unit went into (several, relation `partial`, when it was split), named as on the succession date. */
export async function successors(db: Db, layout: Layout, code: string): Promise<SuccessionLink[]> {
  const r = await sql<LinkRow>`
    select s.new_layout as layout, s.new_code as code, n.name, s.relation, s.effective_date, s.source
    from admin_unit_succession s
    left join lateral (
      select u.name from admin_unit u where u.layout = s.new_layout and u.code = s.new_code
      order by (u.valid_from <= s.effective_date) desc, u.valid_from desc limit 1) n on true
    where s.old_layout = ${layout} and s.old_code = ${code}
    order by s.effective_date, s.new_layout, s.new_code`.execute(db);
  return r.rows.map(toLink);
}
