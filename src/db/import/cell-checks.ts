/**
 * The per-cell checks of a sheet, generated from the column specification: the finding code of a
 * staged cell text (or null). They run while staging (stage-rows.ts): a row's findings are stored with
 * the row, and the SQL validation only expands the rows that have any (validate.ts) instead of testing
 * every cell of every row again.
 */
import type { ImportColumn } from '../../domain/import/column-types.ts';
import { codesOf } from './code-lists.ts';

/** The value of the ASCII digit at `i` of `s`, or -1. */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * A real date `yyyy-mm-dd` between 1800 and 2199 (the pattern
 * `^(1[89]|2[01])[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$` and a day the month has), read digit by
 * digit: it runs for every member row.
 */
export function isRealDate(s: string | null): boolean {
  if (s === null || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y1 = digit(s, 0);
  const y2 = digit(s, 1);
  const y3 = digit(s, 2);
  const y4 = digit(s, 3);
  const m1 = digit(s, 5);
  const m2 = digit(s, 6);
  const d1 = digit(s, 8);
  const d2 = digit(s, 9);
  if (y1 < 0 || y2 < 0 || y3 < 0 || y4 < 0 || m1 < 0 || m2 < 0 || d1 < 0 || d2 < 0) return false;
  const y = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (y < 1800 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}

/** Length in characters (code points), as SQL length() counts. */
function chars(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const HOUSEHOLD_CODE = /^[0-9A-Za-z._/-]{1,30}$/;
const COMMUNE_CODE = /^[0-9]{5}$/;
const PHONE = /^[+]?[0-9 .()-]{8,24}$/;
const INTEGER = /^-?[0-9]{1,12}$/;
const NUMBER = /^-?[0-9]{1,12}([.][0-9]{1,6})?$/;
const CITIZEN_ID = /^[0-9]{12}$/;

export type CellCheck = (v: string | null) => string | null;

function typeCheck(col: ImportColumn, today: string): CellCheck {
  const t = col.type;
  switch (t.kind) {
    case 'text':
      return (v) => (v!.length > t.maxLength && chars(v!) > t.maxLength ? 'too_long' : null);
    case 'household_code':
      return (v) => (HOUSEHOLD_CODE.test(v!) ? null : 'household_code_format');
    case 'commune_code':
      return (v) => (COMMUNE_CODE.test(v!) ? null : 'commune_unknown');
    case 'village_code':
      return (v) => (v!.length > 20 && chars(v!) > 20 ? 'village_unknown' : null);
    case 'phone':
      return (v) => {
        const digits = v!.replace(/[^0-9]/gu, '').length;
        return PHONE.test(v!) && digits >= 8 && digits <= 15 ? null : 'phone_format';
      };
    case 'date':
      return (v) => (!isRealDate(v) ? 'date' : v! > today ? 'future_date' : null);
    case 'integer':
    case 'number': {
      const pattern = t.kind === 'integer' ? INTEGER : NUMBER;
      return (v) => (!pattern.test(v!) ? t.kind : Number(v) < t.min || Number(v) > t.max ? 'range' : null);
    }
    case 'boolean':
      return (v) => (v === 't' || v === 'f' ? null : 'boolean');
    case 'code': {
      const codes = new Set(codesOf(t.list));
      return (v) => (codes.has(v!) ? null : 'code');
    }
    case 'codes': {
      const codes = new Set(codesOf(t.list));
      // An empty text is an explicit empty list.
      return (v) => (v === '' || v!.split(';').every((x) => codes.has(x)) ? null : 'code');
    }
    case 'citizen_id':
      return (v) => (CITIZEN_ID.test(v!) ? null : 'citizen_id_format');
  }
}

/** The check of one column's staged text; `today` (yyyy-mm-dd) bounds dates. */
export function cellCheck(col: ImportColumn, today: string): CellCheck {
  const check = typeCheck(col, today);
  const missing = col.required ? 'required' : null;
  return (v) => (v === null ? missing : check(v));
}
