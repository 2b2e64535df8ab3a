/**
 * The facts object of a staged row as JSON text, built in JS while staging (the commit casts it once):
 * the `fact` path of each column (`housing.floorArea`, `healthInsurance`, …) becomes a key exactly as the
 * registry stores it — booleans true/false, codes as strings, multi-codes as arrays, numbers as numbers;
 * empty cells leave the key out, and a group (housing) is present when its first column is.
 */
import type { ImportColumn, ImportSheet } from '../../domain/import/column-types.ts';

/** Staged texts of the row's columns (in sheet order) → the facts JSON text. */
export type FactsJson = (texts: ReadonlyArray<string | null>) => string;

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/u;
/** JSON.stringify writes `t` as is between its quotes: no quote, backslash, control character (or surrogate: left to it). */
function isJsonPlain(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x20 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/** A JSON string literal (JSON.stringify), or as written in a field of COPY's text format. */
export type JsonString = (t: string) => string;

/**
 * JSON.stringify(t) as a field of COPY's text format, its backslashes doubled (JSON text has no raw tab or
 * line break), without the escaping pass for the usual plain text.
 */
export const copyJsonString: JsonString = (t) => (isJsonPlain(t) ? `"${t}"` : JSON.stringify(t).replaceAll('\\', '\\\\'));

type Value = (text: string) => string | null;

function valueOf(col: ImportColumn, str: JsonString): Value {
  switch (col.type.kind) {
    case 'boolean':
      return (t) => (t === 't' ? 'true' : 'false');
    case 'codes':
      return (t) => (t === '' ? '[]' : `[${t.split(';').map(str).join(',')}]`);
    case 'number':
    case 'integer':
      // A clean row's number cell is a plain decimal; anything else (a row with a finding, never
      // committed) still gives valid JSON.
      return (t) => {
        if (JSON_NUMBER.test(t)) return t;
        const n = Number(t);
        return Number.isFinite(n) ? String(n) : null;
      };
    default:
      return str;
  }
}

interface Field {
  index: number;
  key: string;
  value: Value;
}

/**
 * The facts object of a row of `sheet` (households, members) as JSON text; with `str` = copyJsonString,
 * the same text as a field of COPY's text format.
 */
export function factsJson(sheet: ImportSheet, str: JsonString = JSON.stringify): FactsJson {
  const top: Array<Field | { group: string; fields: Field[] }> = [];
  const groups = new Map<string, Field[]>();
  sheet.columns.forEach((col, index) => {
    if (!col.fact) return;
    const [key, sub] = col.fact.split('.') as [string, string | undefined];
    const field = { index, key: str(sub ?? key), value: valueOf(col, str) };
    if (sub === undefined) {
      top.push(field);
      return;
    }
    let g = groups.get(key);
    if (!g) {
      g = [];
      groups.set(key, g);
      top.unshift({ group: str(key), fields: g });
    }
    g.push(field);
  });
  const members = (fields: Field[], texts: ReadonlyArray<string | null>): string => {
    let out = '';
    for (const f of fields) {
      const t = texts[f.index];
      if (t === null || t === undefined) continue;
      const v = f.value(t);
      if (v === null) continue;
      out += `${out ? ',' : ''}${f.key}:${v}`;
    }
    return out;
  };
  return (texts) => {
    let out = '';
    for (const item of top) {
      let part: string;
      if ('group' in item) {
        if (texts[item.fields[0]!.index] == null) continue;
        part = `${item.group}:{${members(item.fields, texts)}}`;
      } else {
        part = members([item], texts);
        if (!part) continue;
      }
      out += `${out ? ',' : ''}${part}`;
    }
    return `{${out}}`;
  };
}
