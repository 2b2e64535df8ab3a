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

type Value = (text: string) => string | null;

function valueOf(col: ImportColumn): Value {
  switch (col.type.kind) {
    case 'boolean':
      return (t) => (t === 't' ? 'true' : 'false');
    case 'codes':
      return (t) => (t === '' ? '[]' : JSON.stringify(t.split(';')));
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
      return (t) => JSON.stringify(t);
  }
}

interface Field {
  index: number;
  key: string;
  value: Value;
}

/** The facts object of a row of `sheet` (households, members) as JSON text. */
export function factsJson(sheet: ImportSheet): FactsJson {
  const top: Array<Field | { group: string; fields: Field[] }> = [];
  const groups = new Map<string, Field[]>();
  sheet.columns.forEach((col, index) => {
    if (!col.fact) return;
    const [key, sub] = col.fact.split('.') as [string, string | undefined];
    const field = { index, key: JSON.stringify(sub ?? key), value: valueOf(col) };
    if (sub === undefined) {
      top.push(field);
      return;
    }
    let g = groups.get(key);
    if (!g) {
      g = [];
      groups.set(key, g);
      top.unshift({ group: JSON.stringify(key), fields: g });
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

const str = (t: string | null): string => (t === null ? 'null' : JSON.stringify(t));

/**
 * A member row as the audit lists it, without its lineNo (added by the commit, which resolves missing
 * STT): the keys of the commit's MEMBER_JSON, `birthYear` being the staged birth year (`born`).
 */
export function memberRecordJson(sheet: ImportSheet): (texts: ReadonlyArray<string | null>, born: number | null) => string {
  const facts = factsJson(sheet);
  const at = (key: string) => sheet.columns.findIndex((c) => c.key === key);
  const [name, dob, sex, ethnicity, citizen, relation] = ['full_name', 'date_of_birth', 'sex', 'ethnicity', 'citizen_id', 'relation'].map(at) as [number, number, number, number, number, number];
  return (texts, born) =>
    `{"fullName":${str(texts[name]!)},"dateOfBirth":${str(texts[dob]!)},"birthYear":${born ?? 'null'},"sex":${str(texts[sex]!)},` +
    `"ethnicity":${str(texts[ethnicity]!)},"citizenId":${str(texts[citizen]!)},"relation":${str(texts[relation]!)},"facts":${facts(texts)}}`;
}
