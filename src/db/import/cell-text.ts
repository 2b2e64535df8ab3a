/**
 * One cell → the normalised text stored in a staging column (null for an empty cell). Only unambiguous
 * rewrites happen here (trim, labels to codes, Excel dates and dd/mm/yyyy to ISO, Có/Không to t/f,
 * Vietnamese decimal commas, thousands separators); anything else is kept as typed so the SQL
 * validation reports it with the value the user wrote.
 */
import type { ImportColumn } from '../../domain/import/column-types.ts';
import { cleanText } from '../units/text.ts';
import { codeOf } from './code-lists.ts';

const TRUE = new Set(['co', 'x', '1', 'true', 'yes', 'c', 'dung']);
const FALSE = new Set(['khong', '0', 'false', 'no', 'k', 'sai']);
/** Cell texts of a multi-code column that mean an empty list. */
const NONE = new Set(['khong', 'khong co', '-']);
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const GROUPED = /^-?\d{1,3}(?:[.,\s]\d{3})+$/;

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase();
}

const pad = (s: string) => s.padStart(2, '0');

/**
 * cleanText(s), answering the common case (no combining mark, no whitespace but single inner spaces, no
 * typographic apostrophe: cleanText would return s itself) with one scan instead of two regexes.
 */
export function tidyText(s: string): string {
  const n = s.length;
  // A space at the start, after a space or at the end is cleaned.
  let prev = 32;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if ((c === 32 && prev === 32) || (c >= 9 && c <= 13)) return cleanText(s);
    } else if (c < 0x2000 ? c === 0xa0 || c === 0x2bc || c === 0x1680 || (c >= 0x300 && c <= 0x36f) : c <= 0x200a || c === 0x2018 || c === 0x2019 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) {
      return cleanText(s);
    }
    prev = c;
  }
  return prev === 32 && n > 0 ? cleanText(s) : s;
}

/** The visible text of an exceljs cell value (rich text, formula results, hyperlinks); dates stay Date. */
export function cellValue(v: unknown): string | Date | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellValue(o.result);
    if (o.text !== undefined) return cellValue(o.text);
    if (o.error !== undefined) return null;
  }
  return String(v);
}

function dateText(v: string | Date | number): string {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'ngày không hợp lệ' : v.toISOString().slice(0, 10);
  const s = String(v);
  const dmy = DMY.exec(s);
  const ymd = dmy ? null : YMD.exec(s);
  const iso = dmy ? `${dmy[3]}-${pad(dmy[2]!)}-${pad(dmy[1]!)}` : ymd ? `${ymd[1]}-${pad(ymd[2]!)}-${pad(ymd[3]!)}` : null;
  // An impossible day (31/02/2026) stays as typed, so the finding quotes what the user wrote.
  return iso !== null && isCalendarDate(iso) ? iso : s;
}

function isCalendarDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

function numberText(s: string, integer: boolean): string {
  const t = s.replace(/\s+/gu, '');
  // Words ("một triệu") stay as typed: only digits with separators are rewritten.
  if (!/^[-+]?[\d.,]+$/u.test(t)) return s;
  if (integer && GROUPED.test(s)) return s.replace(/[.,\s]/gu, '');
  // "12,5" (Vietnamese decimal comma) → "12.5"; "1.234,5" → "1234.5".
  if (t.includes(',')) return t.includes('.') ? t.replace(/\./gu, '').replace(',', '.') : t.replace(',', '.');
  return t;
}

/** The staging text of a cell of `column`, or null when empty. */
export function cellText(column: ImportColumn, raw: unknown): string | null {
  const v = cellValue(raw);
  if (v === null) return null;
  const type = column.type;
  if (type.kind === 'date') {
    const d = typeof v === 'string' ? v.trim() : typeof v === 'boolean' ? String(v) : v;
    return d === '' ? null : dateText(d);
  }
  if (typeof v === 'number') {
    if (type.kind === 'boolean') return v === 1 ? 't' : v === 0 ? 'f' : String(v);
    return type.kind === 'commune_code' ? String(v).padStart(5, '0') : String(v);
  }
  if (typeof v === 'boolean') return type.kind === 'boolean' ? (v ? 't' : 'f') : String(v);
  const s = tidyText(v instanceof Date ? dateText(v) : v);
  if (s === '') return null;
  switch (type.kind) {
    case 'boolean': {
      const f = fold(s);
      return TRUE.has(f) ? 't' : FALSE.has(f) ? 'f' : s;
    }
    case 'code':
      return codeOf(type.list, s) ?? s;
    case 'codes':
      // "Không có" / "-": an explicit empty list (an empty cell means "not recorded").
      if (NONE.has(fold(s))) return '';
      // Labels hold commas ("gạch, đá"): a part is a label first, else a comma list of labels.
      return s
        .split(';')
        .map((p) => p.trim())
        .filter((p) => p !== '')
        .flatMap((p) => {
          const whole = codeOf(type.list, p);
          if (whole) return [whole];
          const parts = p.split(',').map((x) => x.trim()).filter((x) => x !== '');
          const codes = parts.map((x) => codeOf(type.list, x));
          return codes.every((c) => c !== null) ? (codes as string[]) : [p];
        })
        .join(';');
    case 'citizen_id':
      // After tidyText the only whitespace left is the plain space.
      return s.includes(' ') || s.includes('.') ? s.replace(/[\s.]/gu, '') : s;
    case 'integer':
    case 'number':
      return numberText(s, type.kind === 'integer');
    case 'commune_code':
      // Excel drops leading zeros of codes typed as numbers.
      return /^\d{1,4}$/u.test(s) ? s.padStart(5, '0') : s;
    default:
      return s;
  }
}
