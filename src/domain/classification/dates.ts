/**
 * Calendar dates as integers (no Date objects, no time zones): `ymd = year * 10000 + month * 100 + day`.
 */
import type { BirthYearConvention } from '../standards/fact-codes.ts';
import { ClassificationInputError } from './input-error.ts';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Parses `YYYY-MM-DD` into a ymd integer, or returns -1 when the text is not a valid calendar date. */
export function parseIsoDate(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  const c0 = s.charCodeAt(0) - 48;
  const c1 = s.charCodeAt(1) - 48;
  const c2 = s.charCodeAt(2) - 48;
  const c3 = s.charCodeAt(3) - 48;
  const c5 = s.charCodeAt(5) - 48;
  const c6 = s.charCodeAt(6) - 48;
  const c8 = s.charCodeAt(8) - 48;
  const c9 = s.charCodeAt(9) - 48;
  // Every digit in 0–9: unsigned comparison rejects negatives too.
  if ((c0 >>> 0) > 9 || (c1 >>> 0) > 9 || (c2 >>> 0) > 9 || (c3 >>> 0) > 9 || (c5 >>> 0) > 9 || (c6 >>> 0) > 9 || (c8 >>> 0) > 9 || (c9 >>> 0) > 9) return -1;
  const y = c0 * 1000 + c1 * 100 + c2 * 10 + c3;
  const m = c5 * 10 + c6;
  const d = c8 * 10 + c9;
  if (y < 1000 || m < 1 || m > 12 || d < 1) return -1;
  if (d > DAYS_IN_MONTH[m - 1] && !(m === 2 && d === 29 && isLeap(y))) return -1;
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
  return ((ymd / 10000) | 0) * 12 + (((ymd / 100) | 0) % 100) - 1;
}

/** Formats a ymd integer as DD/MM/YYYY. */
export function formatYmdVi(ymd: number): string {
  const y = Math.floor(ymd / 10000);
  const m = Math.floor(ymd / 100) % 100;
  const d = ymd % 100;
  return `${d < 10 ? '0' : ''}${d}/${m < 10 ? '0' : ''}${m}/${y}`;
}

/** Formats a ymd integer as YYYY-MM-DD. */
export function formatYmdIso(ymd: number): string {
  const y = Math.floor(ymd / 10000);
  const m = Math.floor(ymd / 100) % 100;
  const d = ymd % 100;
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}
