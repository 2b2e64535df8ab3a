/**
 * SQL building the stored facts objects from staging rows, generated from the column spec: the
 * `fact` path of each column (`housing.floorArea`, `healthInsurance`, …) becomes a key of
 * `household.facts` / `member.facts`, exactly as the registry stores them (booleans true/false, codes
 * as text, multi-codes as arrays, numbers as numbers); empty cells leave the key out.
 */
import type { ImportColumn, ImportSheet } from '../../domain/import/column-types.ts';

function valueSql(col: ImportColumn, alias: string): string {
  const c = `${alias}.${col.key}`;
  switch (col.type.kind) {
    case 'boolean':
      return `(${c} = 't')`;
    case 'codes':
      return `to_jsonb(string_to_array(${c}, ';'))`;
    case 'number':
    case 'integer':
      return `${c}::numeric`;
    default:
      return c;
  }
}

/** `jsonb_strip_nulls(jsonb_build_object(…))` of the sheet's fact columns (one level of nesting, e.g. housing). */
export function factsSql(sheet: ImportSheet, alias: string): string {
  const top: string[] = [];
  const groups = new Map<string, ImportColumn[]>();
  for (const col of sheet.columns) {
    if (!col.fact) continue;
    const [key, sub] = col.fact.split('.');
    if (sub) groups.set(key!, [...(groups.get(key!) ?? []), col]);
    else top.push(`'${key}', ${valueSql(col, alias)}`);
  }
  for (const [key, cols] of groups) {
    // A group (housing) is present when its first column is; validation guarantees the rest then.
    const inner = cols.map((col) => `'${col.fact!.split('.')[1]}', ${valueSql(col, alias)}`).join(', ');
    top.unshift(`'${key}', case when ${alias}.${cols[0]!.key} is not null then jsonb_build_object(${inner}) end`);
  }
  return `jsonb_strip_nulls(jsonb_build_object(${top.join(', ')}))`;
}
