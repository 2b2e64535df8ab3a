/**
 * Applies a staged change list set-based, inside the caller's transaction, one effective date at a time
 * (ascending, so a later change sees an earlier one). The file's changes of one unit on one date are
 * grouped into a single new version: the version in force on that date is closed there and a copy with
 * the changed fields opened from it (or corrected in place when it starts that very day). Each
 * value_before must equal the current value; each applied row is journalled in admin_unit_change,
 * whose key makes a re-import a no-op.
 */
import { sql, type Transaction } from 'kysely';
import type { DB, Layout, Tier } from '../schema.ts';
import type { Actor } from '../audit.ts';
import { ImportRowErrors, rowError, type ImportRowError } from './import/errors.ts';
import { tierOfLevel } from './vocabulary.ts';

export interface ChangeApplyCounts {
  /** Change rows applied now (0 on a re-import). */
  applied: number;
  /** Change rows already in the journal with the same value_after. */
  alreadyApplied: number;
  /** Distinct (unit, date) pairs that got a new or corrected version. */
  unitsChanged: number;
  versionsCreated: number;
  versionsCorrected: number;
}

const n = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0n);
const FIELD_VI: Record<string, string> = { name: 'tên', type: 'loại', urban_rural: 'khu vực thành thị/nông thôn' };
const TIER_VI: Record<Tier, string> = { province: 'tỉnh', district: 'huyện', commune: 'xã' };

function pending(batch: string) {
  return sql`s.batch = ${batch} and not exists (
    select 1 from admin_unit_change j
    where j.layout = s.layout and j.code = s.code and j.effective_date = s.effective_date and j.field = s.field)`;
}

async function checkJournal(trx: Transaction<DB>, batch: string): Promise<{ already: number; errors: ImportRowError[] }> {
  const r = await sql<{ line: number; code: string; field: string; effective_date: string; applied_after: string; same: boolean }>`
    select s.line, s.code, s.field, s.effective_date, j.value_after as applied_after, j.value_after = s.value_after as same
    from admin_unit_change_stage s
    join admin_unit_change j on j.layout = s.layout and j.code = s.code and j.effective_date = s.effective_date and j.field = s.field
    where s.batch = ${batch} order by s.line`.execute(trx);
  const errors = r.rows
    .filter((x) => !x.same)
    .map((x) =>
      rowError(x.line, 'value_after', `thay đổi ${FIELD_VI[x.field] ?? x.field} của mã ${x.code} ngày ${x.effective_date} đã được áp dụng trước đây với giá trị "${x.applied_after}"; không thể áp dụng giá trị khác.`),
    );
  return { already: r.rows.length - errors.length, errors };
}

async function checkDate(trx: Transaction<DB>, batch: string, date: string): Promise<ImportRowError[]> {
  const r = await sql<{
    line: number; layout: Layout; code: string; level: number; field: string; value_before: string;
    tier: Tier | null; name: string | null; type: string | null; area_type: string | null;
  }>`
    select s.line, s.layout, s.code, s.level, s.field, s.value_before, e.tier, e.name, e.type, e.area_type
    from admin_unit_change_stage s
    left join admin_unit e on e.layout = s.layout and e.code = s.code
      and e.valid_from <= s.effective_date and (e.valid_to is null or e.valid_to > s.effective_date)
    where ${pending(batch)} and s.effective_date = ${date}::date
    order by s.line`.execute(trx);
  const errors: ImportRowError[] = [];
  for (const x of r.rows) {
    if (x.tier === null) {
      errors.push(rowError(x.line, 'code', `không có đơn vị mã ${x.code} (bố cục ${x.layout}) hiệu lực ngày ${date}.`));
      continue;
    }
    const want = tierOfLevel(x.layout, x.level);
    if (want !== x.tier) {
      errors.push(rowError(x.line, 'level', `mã ${x.code} là đơn vị cấp ${TIER_VI[x.tier]}, không khớp level ${x.level}.`));
      continue;
    }
    if (x.field === 'urban_rural' && x.tier !== 'commune') {
      errors.push(rowError(x.line, 'field', `urban_rural chỉ áp dụng cho đơn vị cấp xã; mã ${x.code} là cấp ${TIER_VI[x.tier]}.`));
      continue;
    }
    const current = x.field === 'name' ? x.name : x.field === 'type' ? x.type : x.area_type;
    if (current !== x.value_before) {
      errors.push(
        rowError(
          x.line,
          'value_before',
          `giá trị trước "${x.value_before}" không khớp ${FIELD_VI[x.field] ?? x.field} hiện tại "${current ?? ''}" của mã ${x.code} ngày ${date} (trường ${x.field}).`,
        ),
      );
    }
  }
  return errors;
}

async function applyDate(trx: Transaction<DB>, batch: string, date: string, actor: Actor): Promise<Omit<ChangeApplyCounts, 'alreadyApplied'>> {
  const d = sql`${date}::date`;
  const groups = sql`g as (
    select s.layout, s.code,
           max(s.value_after) filter (where s.field = 'name') as name,
           max(s.name_ascii) filter (where s.field = 'name') as name_ascii,
           max(s.value_after) filter (where s.field = 'type') as type,
           max(s.type_en) filter (where s.field = 'type') as type_en,
           max(s.value_after) filter (where s.field = 'urban_rural') as area_type,
           coalesce(max(s.legal_basis), max(s.source)) as source
    from admin_unit_change_stage s
    where ${pending(batch)} and s.effective_date = ${d}
    group by s.layout, s.code)`;
  // Correct versions that start on the date first, so the versions opened below are not touched again.
  const corrected = await sql`
    with ${groups}
    update admin_unit e set name = coalesce(g.name, e.name), name_ascii = coalesce(g.name_ascii, e.name_ascii),
      type = coalesce(g.type, e.type), type_en = coalesce(g.type_en, e.type_en), area_type = coalesce(g.area_type, e.area_type),
      source = coalesce(g.source, e.source)
    from g where e.layout = g.layout and e.code = g.code and e.valid_from = ${d}`.execute(trx);
  const created = await sql`
    with ${groups}
    insert into admin_unit (layout, code, valid_from, valid_to, name, name_ascii, type, type_en, tier, area_type, province_code, source)
    select e.layout, e.code, ${d}, e.valid_to, coalesce(g.name, e.name), coalesce(g.name_ascii, e.name_ascii),
           coalesce(g.type, e.type), coalesce(g.type_en, e.type_en), e.tier, coalesce(g.area_type, e.area_type),
           e.province_code, coalesce(g.source, e.source)
    from g join admin_unit e on e.layout = g.layout and e.code = g.code
      and e.valid_from < ${d} and (e.valid_to is null or e.valid_to > ${d})`.execute(trx);
  await sql`
    with ${groups}
    update admin_unit e set valid_to = ${d} from g
    where e.layout = g.layout and e.code = g.code and e.valid_from < ${d} and (e.valid_to is null or e.valid_to > ${d})`.execute(trx);
  const journal = await sql`
    insert into admin_unit_change (layout, code, effective_date, field, value_before, value_after, legal_basis, source, applied_by)
    select s.layout, s.code, s.effective_date, s.field, s.value_before, s.value_after, s.legal_basis, s.source, ${actor.id}
    from admin_unit_change_stage s where ${pending(batch)} and s.effective_date = ${d}`.execute(trx);
  return { applied: n(journal), unitsChanged: n(created) + n(corrected), versionsCreated: n(created), versionsCorrected: n(corrected) };
}

export async function applyChangeStage(trx: Transaction<DB>, batch: string, actor: Actor): Promise<ChangeApplyCounts> {
  const journal = await checkJournal(trx, batch);
  if (journal.errors.length) throw new ImportRowErrors(journal.errors);
  const dates = await sql<{ d: string }>`
    select distinct s.effective_date as d from admin_unit_change_stage s where ${pending(batch)} order by 1`.execute(trx);
  const total: ChangeApplyCounts = { applied: 0, alreadyApplied: journal.already, unitsChanged: 0, versionsCreated: 0, versionsCorrected: 0 };
  for (const { d } of dates.rows) {
    const errors = await checkDate(trx, batch, d);
    if (errors.length) throw new ImportRowErrors(errors);
    const c = await applyDate(trx, batch, d, actor);
    total.applied += c.applied;
    total.unitsChanged += c.unitsChanged;
    total.versionsCreated += c.versionsCreated;
    total.versionsCorrected += c.versionsCorrected;
  }
  return total;
}
