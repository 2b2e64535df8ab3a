/** Parsing of single cells: dates, unit codes, layouts. Each returns null when the text is not valid. */
import type { Layout } from '../../schema.ts';

/** 'YYYY-MM-DD' or 'DD/MM/YYYY' (also with '-' or '.') → 'YYYY-MM-DD', checked to be a real day. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(t);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(t);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A unit code as text of digits. Spreadsheets drop leading zeros ("01" → 1), so a shorter code is
 * left-padded to `length` when given, and otherwise a 1-digit code to 2 and a 4-digit code to 5.
 */
export function parseCode(text: string, length?: number): string | null {
  const t = text.trim();
  if (!/^\d{1,5}$/u.test(t)) return null;
  if (length !== undefined) return t.length <= length ? t.padStart(length, '0') : null;
  if (t.length === 1) return t.padStart(2, '0');
  if (t.length === 4) return t.padStart(5, '0');
  return t;
}

export function parseLayout(text: string): Layout | null {
  const t = text.trim();
  return t === '2024' || t === '2025' ? t : null;
}

export function parseLevel(text: string): number | null {
  const t = text.trim();
  return /^[1-3]$/u.test(t) ? Number(t) : null;
}
