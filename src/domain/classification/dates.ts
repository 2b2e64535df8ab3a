/**
 * Calendar dates as integers (no Date objects, no time zones): `ymd = year * 10000 + month * 100 + day`.
 */
import type { BirthYearConvention } from '../standards/fact-codes.ts';
import { ClassificationInputError } from './input-error.ts';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000000;
}

/** Parses `YYYY-MM-DD` into a ymd integer, or returns -1 when the text is not a valid calendar date. */
export function parseIsoDate(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (y < 1000 || m < 1 || m > 12 || d < 1) return -1;
  const max = m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1];
  if (d > max) return -1;
  return y * 10000 + m * 100 + d;
}

/** Like parseIsoDate but throws a Vietnamese input error naming the field. */
export function requireIsoDate(s: unknown, field: string): number {
  const ymd = typeof s === 'string' ? parseIsoDate(s) : -1;
  if (ymd < 0) throw new ClassificationInputError(`${field} phải là ngày hợp lệ dạng YYYY-MM-DD (nhận được: ${JSON.stringify(s)})`);
  return ymd;
}

/** ymd assumed for a member known only by birth year. */
export function birthYearToYmd(year: number, convention: BirthYearConvention): number {
  switch (convention) {
    case 'january_first':
      return year * 10000 + 101;
    case 'july_first':
      return year * 10000 + 701;
    case 'december_31':
      return year * 10000 + 1231;
  }
}

/** Completed years of age at `refYmd` for a person born on `birthYmd`. */
export function ageInYears(birthYmd: number, refYmd: number): number {
  return Math.floor((refYmd - birthYmd) / 10000);
}

/** Month index (year × 12 + month − 1) of a ymd date. */
export function monthIndex(ymd: number): number {
  return Math.floor(ymd / 10000) * 12 + (Math.floor(ymd / 100) % 100) - 1;
}

/** Formats a ymd integer as DD/MM/YYYY. */
export function formatYmdVi(ymd: number): string {
  const y = Math.floor(ymd / 10000);
  const m = Math.floor(ymd / 100) % 100;
  const d = ymd % 100;
  return `${d < 10 ? '0' : ''}${d}/${m < 10 ? '0' : ''}${m}/${y}`;
}
