/**
 * Applies a staged succession list set-based, inside the caller's transaction. The file is authoritative
 * for every new unit it names: that unit's predecessor links become exactly the file's (links not in the
 * file are removed, changed relation or date updated, new ones added). Both ends must exist in the
 * registry; a missing relation is derived (partial when the old unit has several new ones in the file).
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../schema.ts';
import { ImportRowErrors, rowError } from './import/errors.ts';

export interface SuccessionApplyCounts {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
}

const n = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0n);

export interface SuccessionApplyOptions {
  /** Both ends already checked by the caller (bundled load into an empty registry): skip the SQL check. */
  trusted?: boolean;
}

export async function applySuccessionStage(trx: Transaction<DB>, batch: string, opts: SuccessionApplyOptions = {}): Promise<SuccessionApplyCounts> {
  if (!opts.trusted) {
    const bad = await sql<{ line: number; old_layout: string; old_code: string; new_layout: string; new_code: string; old_ok: boolean }>`
      select s.line, s.old_layout, s.old_code, s.new_layout, s.new_code,
             exists (select 1 from admin_unit u where u.layout = s.old_layout and u.code = s.old_code) as old_ok
      from admin_unit_succession_stage s
      where s.batch = ${batch} and (
        not exists (select 1 from admin_unit u where u.layout = s.old_layout and u.code = s.old_code)
        or not exists (select 1 from admin_unit u where u.layout = s.new_layout and u.code = s.new_code))
      order by s.line limit 200`.execute(trx);
    if (bad.rows.length) {
      throw new ImportRowErrors(
        bad.rows.map((x) =>
          x.old_ok
            ? rowError(x.line, 'new_code', `không có đơn vị mã ${x.new_code} trong bố cục ${x.new_layout}.`)
            : rowError(x.line, 'old_code', `không có đơn vị mã ${x.old_code} trong bố cục ${x.old_layout}.`),
        ),
      );
    }
  }
  await sql`
    update admin_unit_succession_stage s set relation = case when c.n > 1 then 'partial' else 'full' end
    from (select old_layout, old_code, count(*) as n from admin_unit_succession_stage where batch = ${batch} group by 1, 2) c
    where s.batch = ${batch} and s.relation is null and c.old_layout = s.old_layout and c.old_code = s.old_code`.execute(trx);
  const same = sql`s.old_layout = x.old_layout and s.old_code = x.old_code and s.new_layout = x.new_layout and s.new_code = x.new_code`;
  const removed = await sql`
    delete from admin_unit_succession x
    where (x.new_layout, x.new_code) in (select new_layout, new_code from admin_unit_succession_stage where batch = ${batch})
      and not exists (select 1 from admin_unit_succession_stage s where s.batch = ${batch} and ${same})`.execute(trx);
  const updated = await sql`
    update admin_unit_succession x set relation = s.relation, effective_date = s.effective_date, source = s.source
    from admin_unit_succession_stage s
    where s.batch = ${batch} and ${same} and (x.relation <> s.relation or x.effective_date <> s.effective_date)`.execute(trx);
  const added = await sql`
    insert into admin_unit_succession (old_layout, old_code, new_layout, new_code, relation, effective_date, source)
    select s.old_layout, s.old_code, s.new_layout, s.new_code, s.relation, s.effective_date, s.source
    from admin_unit_succession_stage s
    where s.batch = ${batch}
      and not exists (select 1 from admin_unit_succession x where ${same})`.execute(trx);
  const total = await sql<{ n: number }>`select count(*)::int as n from admin_unit_succession_stage where batch = ${batch}`.execute(trx);
  return { added: n(added), updated: n(updated), removed: n(removed), unchanged: total.rows[0]!.n - n(added) - n(updated) };
}
