/**
 * Working-day arithmetic over any WorkingCalendar.
 *
 * Conventions (they make `workingDaysBetween(a, addWorkingDays(a, n)) === n` for every n ≥ 0, and for
 * n < 0 when `a` is a working day; `workingDaysBetween` is additive over any three dates):
 * - `addWorkingDays(date, n)` for n ≥ 1 is the n-th working day strictly after `date`; for n ≤ −1 the
 *   |n|-th working day strictly before; n = 0 returns `date` unchanged.
 * - `workingDaysBetween(from, to)` counts working days d with from < d ≤ to; when to < from it is
 *   −workingDaysBetween(to, from).
 * - `countWorkingDaysInclusive(first, last)` counts working days with first ≤ d ≤ last — the length of a
 *   posting period that starts on `first` and ends on `last`.
 */
import { addCalendarDays, dayNumberToIsoDate, isoDateToDayNumber, type IsoDate } from './iso-date.ts';
import type { WorkingCalendar } from './working-calendar.ts';

/** Calendar days scanned per working day asked for (plus a year), so a calendar without working days cannot loop forever. */
const MAX_SCAN_DAYS_PER_WORKING_DAY = 7;

export function addWorkingDays(calendar: WorkingCalendar, date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Số ngày làm việc phải là số nguyên: ${n}`);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let day = isoDateToDayNumber(date);
  let scanned = 0;
  const maxScan = remaining * MAX_SCAN_DAYS_PER_WORKING_DAY + 366;
  while (remaining > 0) {
    day += step;
    if (++scanned > maxScan) throw new RangeError('Lịch không có đủ ngày làm việc trong khoảng tính');
    if (calendar.isWorkingDay(dayNumberToIsoDate(day))) remaining--;
  }
  return dayNumberToIsoDate(day);
}

export function workingDaysBetween(calendar: WorkingCalendar, from: IsoDate, to: IsoDate): number {
  const a = isoDateToDayNumber(from);
  const b = isoDateToDayNumber(to);
  if (b < a) {
    const forward = workingDaysBetween(calendar, to, from);
    return forward === 0 ? 0 : -forward;
  }
  let count = 0;
  for (let d = a + 1; d <= b; d++) if (calendar.isWorkingDay(dayNumberToIsoDate(d))) count++;
  return count;
}

export function countWorkingDaysInclusive(calendar: WorkingCalendar, first: IsoDate, last: IsoDate): number {
  if (isoDateToDayNumber(last) < isoDateToDayNumber(first)) return 0;
  return workingDaysBetween(calendar, addCalendarDays(first, -1), last);
}

/** `date` itself when it is a working day, otherwise the next working day. */
export function nextWorkingDayOnOrAfter(calendar: WorkingCalendar, date: IsoDate): IsoDate {
  return calendar.isWorkingDay(date) ? date : addWorkingDays(calendar, date, 1);
}
