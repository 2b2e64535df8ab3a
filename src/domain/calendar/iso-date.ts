/**
 * Calendar dates as ISO `YYYY-MM-DD` strings — the same shape the database layer returns for `date`
 * columns — and day numbers (days since 1970-01-01) for arithmetic. No local-time `Date` objects, no
 * time zones: a date is a civil date in Vietnam.
 */

/** A civil date written `YYYY-MM-DD`. */
export type IsoDate = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const MS_PER_DAY = 86_400_000;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Years outside this range are rejected: they are data-entry mistakes in this domain. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

export interface IsoDateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The parts of a valid ISO date, or undefined. */
export function isoDateParts(text: string): IsoDateParts | undefined {
  const m = ISO_DATE_PATTERN.exec(text);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isIsoDate(x: unknown): x is IsoDate {
  return typeof x === 'string' && isoDateParts(x) !== undefined;
}

/** Parts of a date; throws a Vietnamese RangeError when the text is not a valid date. */
export function requireIsoDateParts(date: IsoDate): IsoDateParts {
  const parts = isoDateParts(date);
  if (parts === undefined) throw new RangeError(`Ngày không hợp lệ (cần dạng YYYY-MM-DD): ${JSON.stringify(date)}`);
  return parts;
}

/** Builds an ISO date from year, month (1–12) and day; throws when the date does not exist. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  requireIsoDateParts(text);
  return text;
}

/** Days since 1970-01-01 (negative before). */
export function isoDateToDayNumber(date: IsoDate): number {
  const { year, month, day } = requireIsoDateParts(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function dayNumberToIsoDate(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`Số ngày phải là số nguyên: ${dayNumber}`);
  const d = new Date(dayNumber * MS_PER_DAY);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The date `days` calendar days after (or, when negative, before) `date`. */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return dayNumberToIsoDate(isoDateToDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return isoDateToDayNumber(to) - isoDateToDayNumber(from);
}

/**
 * The date `months` months after `date`. A day that does not exist in the target month is clamped to
 * the month's last day (31 Jan + 1 month = 28/29 Feb).
 */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`Số tháng phải là số nguyên: ${months}`);
  const { year, month, day } = requireIsoDateParts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return isoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** ISO weekday of a date (1 = Monday … 7 = Sunday). */
export function isoWeekday(date: IsoDate): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  const n = isoDateToDayNumber(date);
  return ((((n + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. Valid ISO dates sort as text. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  requireIsoDateParts(a);
  requireIsoDateParts(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** DD/MM/YYYY, the way dates are written in Vietnamese documents. */
export function formatIsoDateVi(date: IsoDate): string {
  const { year, month, day } = requireIsoDateParts(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

const WEEKDAY_NAMES_VI: Readonly<Record<IsoWeekday, string>> = {
  1: 'thứ Hai',
  2: 'thứ Ba',
  3: 'thứ Tư',
  4: 'thứ Năm',
  5: 'thứ Sáu',
  6: 'thứ Bảy',
  7: 'Chủ nhật',
};

/** Vietnamese weekday name ("thứ Hai" … "Chủ nhật"). */
export function weekdayNameVi(date: IsoDate): string {
  return WEEKDAY_NAMES_VI[isoWeekday(date)];
}
