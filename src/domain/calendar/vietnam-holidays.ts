/**
 * Generates one year's public holidays (with compensatory days) from the holiday rules.
 */
import { addCalendarDays, isoDate, isoWeekday, type IsoDate } from './iso-date.ts';
import type { VietnamHolidayRules } from './holiday-rules.ts';

export type HolidayKind =
  | 'new_year'
  | 'tet'
  | 'hung_kings'
  | 'reunification'
  | 'labour_day'
  | 'national_day'
  | 'compensatory'
  | 'extra';

export interface HolidayEntry {
  readonly date: IsoDate;
  readonly kind: HolidayKind;
  /** Vietnamese name shown to users, e.g. "Tết Nguyên đán (mùng 1)". */
  readonly nameVi: string;
}

/** Thrown when a year's lunar holidays are not in the table. */
export class HolidayDataMissingError extends RangeError {
  constructor(year: number) {
    super(
      `Chưa có ngày Tết Nguyên đán và Giỗ Tổ Hùng Vương năm ${year} trong lịch ngày nghỉ; ` +
        'hãy bổ sung vào bảng ngày âm lịch (lunarDates) trước khi tính ngày làm việc',
    );
    this.name = 'HolidayDataMissingError';
  }
}

function tetDayName(offset: number): string {
  if (offset < 0) return `Tết Nguyên đán (${offset === -1 ? 'ngày cuối năm âm lịch' : `${-offset} ngày trước mùng 1`})`;
  return `Tết Nguyên đán (mùng ${offset + 1})`;
}

/** The statutory holidays of a year, before compensatory days. */
function statutoryHolidays(year: number, rules: VietnamHolidayRules): HolidayEntry[] {
  const lunar = rules.lunarDates[year];
  if (lunar === undefined) throw new HolidayDataMissingError(year);
  const out: HolidayEntry[] = [{ date: isoDate(year, 1, 1), kind: 'new_year', nameVi: 'Tết Dương lịch' }];
  const tetOffsets = rules.tetDayOffsetsByYear[year] ?? rules.tetDayOffsetsByWeekday[isoWeekday(lunar.lunarNewYear)];
  for (const offset of tetOffsets) {
    out.push({ date: addCalendarDays(lunar.lunarNewYear, offset), kind: 'tet', nameVi: tetDayName(offset) });
  }
  out.push({ date: lunar.hungKings, kind: 'hung_kings', nameVi: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' });
  out.push({ date: isoDate(year, 4, 30), kind: 'reunification', nameVi: 'Ngày Chiến thắng (30/4)' });
  out.push({ date: isoDate(year, 5, 1), kind: 'labour_day', nameVi: 'Ngày Quốc tế Lao động (1/5)' });
  const nationalDay = isoDate(year, 9, 2);
  out.push({ date: nationalDay, kind: 'national_day', nameVi: 'Quốc khánh (2/9)' });
  if (year >= rules.nationalDayTwoDaysFromYear) {
    const side = rules.nationalDayExtraSideByYear[year] ?? rules.nationalDayExtraSideByWeekday[isoWeekday(nationalDay)];
    out.push({
      date: addCalendarDays(nationalDay, side === 'before' ? -1 : 1),
      kind: 'national_day',
      nameVi: 'Quốc khánh (ngày nghỉ liền kề 2/9)',
    });
  }
  for (const extra of rules.extraDaysOff) {
    if (extra.date.startsWith(`${year}-`)) out.push({ date: extra.date, kind: 'extra', nameVi: extra.nameVi });
  }
  return out.toSorted((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * All days off of a year other than the weekly rest days: statutory holidays, extra days off and the
 * compensatory days (nghỉ bù) of holidays that fall on a rest day or on another holiday. Sorted by date;
 * a compensatory day may fall early in the next year.
 */
export function vietnamHolidays(year: number, rules: VietnamHolidayRules): HolidayEntry[] {
  const statutory = statutoryHolidays(year, rules);
  if (!rules.compensateHolidaysOnRestDays) return statutory;
  const weekend = new Set<number>(rules.weekendDays);
  const workingOverride = new Set(rules.extraWorkingDays);
  const taken = new Set<IsoDate>();
  const result: HolidayEntry[] = [];
  const needsMakeUp: HolidayEntry[] = [];
  for (const h of statutory) {
    const restDay = weekend.has(isoWeekday(h.date)) && !workingOverride.has(h.date);
    if (restDay || taken.has(h.date)) {
      if (h.kind !== 'extra') needsMakeUp.push(h);
    }
    taken.add(h.date);
    result.push(h);
  }
  for (const h of needsMakeUp) {
    let d = addCalendarDays(h.date, 1);
    while ((weekend.has(isoWeekday(d)) && !workingOverride.has(d)) || taken.has(d)) d = addCalendarDays(d, 1);
    taken.add(d);
    result.push({ date: d, kind: 'compensatory', nameVi: `Nghỉ bù ${h.nameVi}` });
  }
  return result.toSorted((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
