/**
 * A working-day calendar: which dates the commune and provincial offices work. Review deadlines and
 * posting durations are counted with it.
 */
import { isoWeekday, requireIsoDateParts, type IsoDate, type IsoWeekday } from './iso-date.ts';
import { vietnamHolidayRules, type VietnamHolidayRules } from './holiday-rules.ts';
import { vietnamHolidays, type HolidayEntry } from './vietnam-holidays.ts';

export interface WorkingCalendar {
  /** True when offices work on `date`. Throws when the calendar has no data for that year. */
  isWorkingDay(date: IsoDate): boolean;
  /** The holiday (or compensatory / extra day off) on `date`, if any. */
  holidayOn(date: IsoDate): HolidayEntry | undefined;
}

/** Vietnam's civil-service calendar: Monday–Friday minus public holidays, from the given rules. */
export function createVietnamWorkingCalendar(overrides: Partial<VietnamHolidayRules> = {}): WorkingCalendar {
  const rules = vietnamHolidayRules(overrides);
  const weekend = new Set<number>(rules.weekendDays);
  const workingOverride = new Set(rules.extraWorkingDays);
  const byYear = new Map<number, Map<IsoDate, HolidayEntry>>();

  function holidaysIndexedFor(year: number): Map<IsoDate, HolidayEntry> {
    let index = byYear.get(year);
    if (index === undefined) {
      index = new Map();
      for (const h of vietnamHolidays(year, rules)) if (!index.has(h.date)) index.set(h.date, h);
      byYear.set(year, index);
    }
    return index;
  }

  function holidayOn(date: IsoDate): HolidayEntry | undefined {
    const { year, month } = requireIsoDateParts(date);
    const own = holidaysIndexedFor(year).get(date);
    if (own !== undefined) return own;
    // A compensatory day of late-December holidays could spill into January.
    if (month === 1 && rules.lunarDates[year - 1] !== undefined) return holidaysIndexedFor(year - 1).get(date);
    return undefined;
  }

  return Object.freeze({
    isWorkingDay(date: IsoDate): boolean {
      if (workingOverride.has(date)) return true;
      if (holidayOn(date) !== undefined) return false;
      return !weekend.has(isoWeekday(date));
    },
    holidayOn,
  });
}

export interface FixedWorkingCalendarSpec {
  readonly weekendDays?: readonly IsoWeekday[];
  readonly daysOff?: readonly HolidayEntry[];
  readonly workingDays?: readonly IsoDate[];
}

/** A calendar from an explicit list of days off (for tests, or a deployment that keeps its own list). */
export function createFixedWorkingCalendar(spec: FixedWorkingCalendarSpec = {}): WorkingCalendar {
  const weekend = new Set<number>(spec.weekendDays ?? [6, 7]);
  const off = new Map<IsoDate, HolidayEntry>();
  for (const h of spec.daysOff ?? []) {
    requireIsoDateParts(h.date);
    off.set(h.date, h);
  }
  const working = new Set(spec.workingDays ?? []);
  return Object.freeze({
    isWorkingDay(date: IsoDate): boolean {
      requireIsoDateParts(date);
      if (working.has(date)) return true;
      if (off.has(date)) return false;
      return !weekend.has(isoWeekday(date));
    },
    holidayOn(date: IsoDate): HolidayEntry | undefined {
      return off.get(date);
    },
  });
}
