/**
 * Applies a staged unit list set-based, inside the caller's transaction. A row states a unit's
 * attributes from its valid_from: identical to the version in force then → nothing; different → that
 * version is corrected in place when it starts on the same day, else closed on valid_from and a new
 * version opened until the old one's end (or the row's explicit valid_to); an unknown code gets a new
 * version until its next known version or the layout's end. Parent links follow the same rule.
 * Later versions are never touched, so re-importing a list as of 2025-07-01 keeps later changes.
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../schema.ts';
import { ImportRowErrors, rowError, type ImportRowError } from './import/errors.ts';
import { REFORM_DATE } from './vocabulary.ts';

export interface UnitApplyCounts {
  /** Versions opened (new units and new versions of changed units). */
  inserted: number;
  /** Versions corrected in place (same valid_from) or re-dated by an explicit valid_to. */
  updated: number;
  /** Versions closed on the row's valid_from because the unit changed then. */
  closed: number;
  unchanged: number;
  parentLinksInserted: number;
  parentLinksUpdated: number;
  /** Units of the file's provinces and tiers absent from the file and closed (closeMissing). */
  missingClosed: number;
}

const n = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0n);
const LAYOUT_END = sql`case when c.layout = '2024' then date '${sql.raw(REFORM_DATE)}' end`;

async function buildComparison(trx: Transaction<DB>, batch: string): Promise<void> {
  await sql`drop table if exists pg_temp.unit_cmp`.execute(trx);
  await sql`create temp table unit_cmp (
    line integer, layout text, code text, name text, name_ascii text, type text, type_en text, tier text,
    area_type text, province_code text, parent_code text, valid_from date, valid_to date, source text,
    e_from date, e_to date, same boolean, next_from date, p_parent text, p_from date, p_to date, p_next_from date
  ) on commit drop`.execute(trx);
  await sql`
    insert into unit_cmp
    select s.line, s.layout, s.code, s.name, s.name_ascii, s.type, s.type_en, s.tier, s.area_type, s.province_code,
           s.parent_code, s.valid_from, s.valid_to, s.source,
           e.valid_from, e.valid_to,
           coalesce(e.name = s.name and e.type = s.type and e.type_en = s.type_en and e.tier = s.tier
                    and e.area_type is not distinct from s.area_type and e.province_code = s.province_code, false),
           (select min(x.valid_from) from admin_unit x where x.layout = s.layout and x.code = s.code and x.valid_from > s.valid_from),
           p.parent_code, p.valid_from, p.valid_to,
           (select min(y.valid_from) from admin_unit_parent y where y.layout = s.layout and y.code = s.code and y.valid_from > s.valid_from)
    from admin_unit_stage s
    left join admin_unit e on e.layout = s.layout and e.code = s.code
      and e.valid_from <= s.valid_from and (e.valid_to is null or e.valid_to > s.valid_from)
    left join admin_unit_parent p on p.layout = s.layout and p.code = s.code
      and p.valid_from <= s.valid_from and (p.valid_to is null or p.valid_to > s.valid_from)
    where s.batch = ${batch}`.execute(trx);
}

async function checkValidTo(trx: Transaction<DB>): Promise<ImportRowError[]> {
  const r = await sql<{ line: number; code: string; next_from: string }>`
    select line, code, least(next_from, p_next_from) as next_from from unit_cmp
    where valid_to is not null and valid_to > least(next_from, p_next_from) order by line`.execute(trx);
  return r.rows.map((x) => rowError(x.line, 'valid_to', `mã ${x.code} đã có phiên bản khác từ ngày ${x.next_from}; valid_to không được sau ngày đó.`));
}

async function applyVersions(trx: Transaction<DB>): Promise<Pick<UnitApplyCounts, 'inserted' | 'updated' | 'closed' | 'unchanged'>> {
  const cols = sql`layout, code, valid_from, valid_to, name, name_ascii, type, type_en, tier, area_type, province_code, source`;
  const inPlace = await sql`
    update admin_unit u set name = c.name, name_ascii = c.name_ascii, type = c.type, type_en = c.type_en, tier = c.tier,
      area_type = c.area_type, province_code = c.province_code, source = c.source, valid_to = coalesce(c.valid_to, u.valid_to)
    from unit_cmp c
    where u.layout = c.layout and u.code = c.code and u.valid_from = c.valid_from and c.e_from = c.valid_from and not c.same`.execute(trx);
  const split = await sql`
    insert into admin_unit (${cols})
    select c.layout, c.code, c.valid_from, coalesce(c.valid_to, c.e_to), c.name, c.name_ascii, c.type, c.type_en, c.tier,
           c.area_type, c.province_code, c.source
    from unit_cmp c where c.e_from < c.valid_from and not c.same`.execute(trx);
  const closed = await sql`
    update admin_unit u set valid_to = c.valid_from from unit_cmp c
    where u.layout = c.layout and u.code = c.code and u.valid_from = c.e_from and c.e_from < c.valid_from and not c.same`.execute(trx);
  const redated = await sql`
    update admin_unit u set valid_to = c.valid_to from unit_cmp c
    where u.layout = c.layout and u.code = c.code and u.valid_from = c.e_from and c.same
      and c.valid_to is not null and c.valid_to is distinct from c.e_to`.execute(trx);
  const fresh = await sql`
    insert into admin_unit (${cols})
    select c.layout, c.code, c.valid_from, coalesce(c.valid_to, least(c.next_from, ${LAYOUT_END})), c.name, c.name_ascii,
           c.type, c.type_en, c.tier, c.area_type, c.province_code, c.source
    from unit_cmp c where c.e_from is null`.execute(trx);
  const total = await sql<{ n: number }>`select count(*)::int as n from unit_cmp`.execute(trx);
  const inserted = n(split) + n(fresh);
  const updated = n(inPlace) + n(redated);
  return { inserted, updated, closed: n(closed), unchanged: total.rows[0]!.n - n(inPlace) - n(split) - n(redated) - n(fresh) };
}

async function applyParents(trx: Transaction<DB>): Promise<Pick<UnitApplyCounts, 'parentLinksInserted' | 'parentLinksUpdated'>> {
  const redated = await sql`
    update admin_unit_parent p set valid_to = c.valid_to from unit_cmp c
    where p.layout = c.layout and p.code = c.code and p.valid_from = c.p_from and c.p_parent = c.parent_code
      and c.valid_to is not null and c.valid_to is distinct from c.p_to`.execute(trx);
  const inPlace = await sql`
    update admin_unit_parent p set parent_code = c.parent_code, valid_to = coalesce(c.valid_to, p.valid_to) from unit_cmp c
    where p.layout = c.layout and p.code = c.code and p.valid_from = c.valid_from and c.p_from = c.valid_from
      and c.p_parent <> c.parent_code`.execute(trx);
  const split = await sql`
    insert into admin_unit_parent (layout, code, parent_code, valid_from, valid_to)
    select c.layout, c.code, c.parent_code, c.valid_from, coalesce(c.valid_to, c.p_to)
    from unit_cmp c where c.p_from < c.valid_from and c.p_parent <> c.parent_code`.execute(trx);
  await sql`
    update admin_unit_parent p set valid_to = c.valid_from from unit_cmp c
    where p.layout = c.layout and p.code = c.code and p.valid_from = c.p_from and c.p_from < c.valid_from
      and c.p_parent <> c.parent_code`.execute(trx);
  const fresh = await sql`
    insert into admin_unit_parent (layout, code, parent_code, valid_from, valid_to)
    select c.layout, c.code, c.parent_code, c.valid_from, coalesce(c.valid_to, least(c.p_next_from, ${LAYOUT_END}))
    from unit_cmp c where c.p_from is null and c.parent_code is not null`.execute(trx);
  return { parentLinksInserted: n(split) + n(fresh), parentLinksUpdated: n(redated) + n(inPlace) };
}

/** After applying: every parent exists on the row's date with the right tier, and a district parent is in the row's province. */
async function checkParents(trx: Transaction<DB>, batch: string): Promise<ImportRowError[]> {
  const r = await sql<{ line: number; parent_code: string; valid_from: string; want: string; tier: string | null; parent_province: string | null; province_code: string }>`
    select c.line, c.parent_code, c.valid_from, c.province_code, x.tier, x.province_code as parent_province,
           case when c.layout = '2024' and c.tier = 'commune' then 'district' else 'province' end as want
    from admin_unit_stage c
    left join admin_unit x on x.layout = c.layout and x.code = c.parent_code
      and x.valid_from <= c.valid_from and (x.valid_to is null or x.valid_to > c.valid_from)
    where c.batch = ${batch} and c.parent_code is not null
      and (x.code is null
           or x.tier <> case when c.layout = '2024' and c.tier = 'commune' then 'district' else 'province' end
           or x.province_code <> c.province_code)
    order by c.line`.execute(trx);
  const vi: Record<string, string> = { province: 'tỉnh', district: 'huyện', commune: 'xã' };
  return r.rows.map((x) => {
    if (x.tier === null) return rowError(x.line, 'parent_code', `không có đơn vị cha mã ${x.parent_code} (${vi[x.want]}) hiệu lực ngày ${x.valid_from}, cả trong danh mục lẫn trong tệp.`);
    if (x.tier !== x.want) return rowError(x.line, 'parent_code', `đơn vị cha ${x.parent_code} là cấp ${vi[x.tier]}, cần cấp ${vi[x.want]}.`);
    return rowError(x.line, 'province_code', `mã tỉnh ${x.province_code} khác tỉnh ${x.parent_province} của huyện ${x.parent_code}.`);
  });
}

/** Closes, on `date`, the units of the file's layouts, provinces and tiers that the file does not list. */
async function closeMissing(trx: Transaction<DB>, date: string, batch: string): Promise<number> {
  const scope = sql`
    from admin_unit u
    where (u.layout, u.province_code, u.tier) in (select distinct layout, province_code, tier from admin_unit_stage where batch = ${batch})
      and u.valid_from <= ${date}::date and (u.valid_to is null or u.valid_to > ${date}::date)
      and not exists (select 1 from admin_unit_stage c where c.batch = ${batch} and c.layout = u.layout and c.code = u.code)`;
  const starting = await sql<{ code: string }>`select u.code ${scope} and u.valid_from = ${date}::date order by u.code limit 20`.execute(trx);
  if (starting.rows.length) {
    throw new ImportRowErrors([
      rowError(null, null, `Không thể đóng các đơn vị vắng mặt trong tệp vì chúng bắt đầu hiệu lực đúng ngày ${date}: ${starting.rows.map((x) => x.code).join(', ')}. Hãy dùng valid_from khác hoặc bỏ tuỳ chọn đóng đơn vị vắng mặt.`),
    ]);
  }
  await sql`drop table if exists pg_temp.unit_missing`.execute(trx);
  await sql`create temp table unit_missing (layout text, code text) on commit drop`.execute(trx);
  const missing = await sql`insert into unit_missing select u.layout, u.code ${scope}`.execute(trx);
  if (n(missing) === 0) return 0;
  const closed = await sql`
    update admin_unit u set valid_to = ${date}::date from unit_missing m
    where u.layout = m.layout and u.code = m.code and u.valid_from < ${date}::date and (u.valid_to is null or u.valid_to > ${date}::date)`.execute(trx);
  await sql`
    update admin_unit_parent p set valid_to = ${date}::date from unit_missing m
    where p.layout = m.layout and p.code = m.code and p.valid_from < ${date}::date and (p.valid_to is null or p.valid_to > ${date}::date)`.execute(trx);
  return n(closed);
}

/** First load of a layout: nothing to compare with, so the staged rows are inserted as they are. */
async function insertAll(trx: Transaction<DB>, batch: string): Promise<UnitApplyCounts> {
  const units = await sql`
    insert into admin_unit (layout, code, valid_from, valid_to, name, name_ascii, type, type_en, tier, area_type, province_code, source)
    select c.layout, c.code, c.valid_from, coalesce(c.valid_to, ${LAYOUT_END}), c.name, c.name_ascii, c.type, c.type_en, c.tier,
           c.area_type, c.province_code, c.source
    from admin_unit_stage c where c.batch = ${batch}`.execute(trx);
  const parents = await sql`
    insert into admin_unit_parent (layout, code, parent_code, valid_from, valid_to)
    select c.layout, c.code, c.parent_code, c.valid_from, coalesce(c.valid_to, ${LAYOUT_END})
    from admin_unit_stage c where c.batch = ${batch} and c.parent_code is not null`.execute(trx);
  return { inserted: n(units), updated: 0, closed: 0, unchanged: 0, parentLinksInserted: n(parents), parentLinksUpdated: 0, missingClosed: 0 };
}

export interface UnitApplyOptions {
  closeMissingAt?: string | null;
  /** Rows already checked by the caller (the bundled load checks parents in memory): skip the SQL parent check. */
  trusted?: boolean;
}

export async function applyUnitStage(trx: Transaction<DB>, batch: string, opts: UnitApplyOptions = {}): Promise<UnitApplyCounts> {
  const existing = await sql<{ any: boolean }>`
    select exists (select 1 from admin_unit u where u.layout in (select distinct layout from admin_unit_stage where batch = ${batch})) as any`.execute(trx);
  let counts: UnitApplyCounts;
  if (!existing.rows[0]!.any) counts = await insertAll(trx, batch);
  else {
    await buildComparison(trx, batch);
    const early = await checkValidTo(trx);
    if (early.length) throw new ImportRowErrors(early);
    counts = { ...(await applyVersions(trx)), ...(await applyParents(trx)), missingClosed: 0 };
  }
  if (opts.closeMissingAt) counts.missingClosed = await closeMissing(trx, opts.closeMissingAt, batch);
  // After closing: a parent the file leaves out (and so closes) is an error, not a dangling link.
  const late = opts.trusted ? [] : await checkParents(trx, batch);
  if (late.length) throw new ImportRowErrors(late.slice(0, 200));
  return counts;
}
