/** Communes of a province on a date, from the unit catalogue (2025 layout), as SQL for set-based use. */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from '../schema.ts';

/** `select code from admin_unit …` — communes of `provinceCode` in force on `asOf`. */
export function communesOfProvince(provinceCode: string, asOf: string): RawBuilder<{ code: string; province_code: string; name: string }> {
  return sql`
    select u.code, u.province_code, u.name from admin_unit u
    where u.layout = '2025' and u.tier = 'commune' and u.province_code = ${provinceCode}
      and u.valid_from <= ${asOf}::date and (u.valid_to is null or u.valid_to > ${asOf}::date)`;
}

export async function communeCodesOfProvince(db: Kysely<DB> | Transaction<DB>, provinceCode: string, asOf: string): Promise<string[]> {
  const r = await sql<{ code: string }>`select code from (${communesOfProvince(provinceCode, asOf)}) c order by code`.execute(db);
  return r.rows.map((x) => x.code);
}

/** Name of a unit in force on `asOf` (latest version otherwise), as a correlated SQL expression. */
export function unitNameExpr(codeColumn: string, asOf: string): RawBuilder<string | null> {
  return sql<string | null>`(select n.name from admin_unit n where n.layout = '2025' and n.code = ${sql.ref(codeColumn)}
    order by (n.valid_from <= ${asOf}::date and (n.valid_to is null or n.valid_to > ${asOf}::date)) desc, n.valid_from desc limit 1)`;
}
