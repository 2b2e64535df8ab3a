/**
 * The per-cell checks of a sheet as SQL, generated from the column specification: for each column one
 * CASE expression giving the finding's code (or null) for the staging row `s`. One INSERT … SELECT per
 * sheet evaluates them all in a single scan (validate.ts). CASE keeps the order of the tests, so a cast
 * only runs on text its pattern has accepted.
 */
import type { ImportColumn, ImportSheet } from '../../domain/import/column-types.ts';
import { codesOf } from './code-lists.ts';

const lit = (s: string) => `'${s.replace(/'/gu, "''")}'`;

/** A real date `yyyy-mm-dd` between 1800 and 2199, as SQL over the text column `c`. */
export function isRealDateSql(c: string): string {
  return `(${c} ~ '^(1[89]|2[01])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
    and substr(${c}, 9, 2)::int <= extract(day from make_date(substr(${c}, 1, 4)::int, substr(${c}, 6, 2)::int, 1) + interval '1 month' - interval '1 day')::int)`;
}

function typeCase(col: ImportColumn, c: string): string | null {
  const t = col.type;
  switch (t.kind) {
    case 'text':
      return `when length(${c}) > ${t.maxLength} then 'too_long'`;
    case 'household_code':
      return `when ${c} !~ '^[0-9A-Za-z._/-]{1,30}$' then 'household_code_format'`;
    case 'commune_code':
      return `when ${c} !~ '^[0-9]{5}$' then 'commune_unknown'`;
    case 'village_code':
      return `when length(${c}) > 20 then 'village_unknown'`;
    case 'phone':
      return `when ${c} !~ '^[+]?[0-9 .()-]{8,24}$' or length(regexp_replace(${c}, '[^0-9]', '', 'g')) not between 8 and 15 then 'phone_format'`;
    case 'date':
      return `when not ${isRealDateSql(c)} then 'date' when ${c}::date > current_date then 'future_date'`;
    case 'integer':
      return `when ${c} !~ '^-?[0-9]{1,12}$' then 'integer' when ${c}::numeric not between ${t.min} and ${t.max} then 'range'`;
    case 'number':
      return `when ${c} !~ '^-?[0-9]{1,12}([.][0-9]{1,6})?$' then 'number' when ${c}::numeric not between ${t.min} and ${t.max} then 'range'`;
    case 'boolean':
      return `when ${c} not in ('t', 'f') then 'boolean'`;
    case 'code':
      return `when ${c} not in (${codesOf(t.list).map(lit).join(', ')}) then 'code'`;
    case 'codes':
      return `when not (string_to_array(${c}, ';') <@ array[${codesOf(t.list).map(lit).join(', ')}]::text[]) then 'code'`;
    case 'citizen_id':
      return `when ${c} !~ '^[0-9]{12}$' then 'citizen_id_format'`;
  }
}

/** `(code, column key, value)` rows of the VALUES list for one sheet. */
export function cellCheckValues(sheet: ImportSheet, alias = 's'): string {
  return sheet.columns
    .map((col) => {
      const c = `${alias}.${col.key}`;
      const parts = [col.required ? `when ${c} is null then 'required'` : `when ${c} is null then null`, typeCase(col, c)].filter(Boolean);
      return `(case ${parts.join(' ')} end, ${lit(col.key)}, ${c})`;
    })
    .join(',\n      ');
}
