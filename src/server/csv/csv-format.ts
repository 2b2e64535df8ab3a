/**
 * CSV text for one row (RFC 4180): fields separated by commas, rows ended by CRLF, a field quoted when it
 * holds a comma, a quote, a line break or surrounding spaces, quotes doubled inside. Text that Excel
 * would run as a formula (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe,
 * the OWASP "CSV injection" guard — unless it holds nothing but digits, spaces and . , ( ) + - (a phone
 * number such as "+84 912 345 678" or a negative amount: no function or reference can run from it, and
 * it must read back unchanged). Numbers are written as numbers and never guarded.
 */
import type { Cell } from '../documents/table-layout.ts';

/** The UTF-8 byte order mark: Excel on Windows reads a CSV as UTF-8 (Vietnamese letters intact) only with it. */
export const UTF8_BOM = '\uFEFF';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;
const INERT = /^[\d\s.,()+-]*$/;

export function csvField(value: Cell | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = value.normalize('NFC');
  if (FORMULA_START.test(s) && !INERT.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly (Cell | undefined)[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i++) line += (i === 0 ? '' : ',') + csvField(cells[i]);
  return `${line}\r\n`;
}
