/**
 * The checks inside one row that involve several of its cells, run while staging beside the cell
 * checks: housing (floor area and the three materials go together), birth (date or year, both agreeing)
 * and the citizen ID's sex/century digit and encoded birth year. Checks across rows stay in SQL
 * (validate.ts). Each finding names its column; the reported value is that column's staged text.
 */
import type { SheetId } from '../../domain/import/import-kinds.ts';
import { isRealDate } from './cell-checks.ts';

export type RowFinding = readonly [column: string, code: string];
/** The staged text of a column of the row (null when empty or absent from the file). */
export type RowCell = (key: string) => string | null;

const HOUSING = ['floor_area', 'frame', 'walls', 'roof'] as const;

/** `s` is `min` to `max` ASCII digits (these helpers run for every member row: no regex). */
function isDigits(s: string | null, min: number, max: number): s is string {
  if (s === null || s.length < min || s.length > max) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The STT of a member row when it is a 1-3 digit number (staged as `line_int`; else the file order counts). */
export function lineNumberOf(lineNo: string | null): number | null {
  return isDigits(lineNo, 1, 3) ? Number(lineNo) : null;
}

function housing(cell: RowCell, out: RowFinding[]): void {
  const values = HOUSING.map(cell);
  if (values.every((v) => v === null)) return;
  HOUSING.forEach((key, i) => {
    if (values[i] === null) out.push([key, 'housing_incomplete']);
  });
}

/** The member's birth year: from a valid date of birth, else a 4-digit birth year (staged as `born`). */
export function birthYearOf(dob: string | null, year: string | null): number | null {
  if (isRealDate(dob)) return Number(dob!.slice(0, 4));
  return isDigits(year, 4, 4) ? Number(year) : null;
}

function member(cell: RowCell, out: RowFinding[]): void {
  const dob = cell('date_of_birth');
  const year = cell('birth_year');
  if (dob === null && year === null) out.push(['date_of_birth', 'birth_required']);
  else if (isRealDate(dob) && isDigits(year, 4, 4) && dob!.slice(0, 4) !== year) out.push(['birth_year', 'birth_year_mismatch']);
  const cid = cell('citizen_id');
  const sex = cell('sex');
  if (!isDigits(cid, 12, 12) || (sex !== 'male' && sex !== 'female')) return;
  const centuryDigit = Number(cid[3]);
  const born = birthYearOf(dob, year);
  if ((centuryDigit % 2 === 1) !== (sex === 'female')) out.push(['citizen_id', 'citizen_id_sex']);
  else if (born !== null && 1900 + Math.floor(centuryDigit / 2) * 100 + Number(cid.slice(4, 6)) !== born) out.push(['citizen_id', 'citizen_id_birth_year']);
}

/** The row-level findings of a staged row of `sheet`, appended to `out`. */
export function rowFindings(sheet: SheetId, cell: RowCell, out: RowFinding[]): void {
  if (sheet === 'households') housing(cell, out);
  else if (sheet === 'members') member(cell, out);
}
