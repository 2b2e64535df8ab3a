/**
 * Rules that generate Vietnam's public holidays (ngày nghỉ lễ, tết) for the civil service, as data.
 *
 * Legal frame (not in the domain docs, so every value here is UNCONFIRMED and overridable): Labour Code
 * 2019 Art. 112 — 1/1 (1 day), Tết Nguyên đán (5 days, the Prime Minister fixes which), Hùng Kings'
 * day 10/3 lunar (1 day), 30/4 (1 day), 1/5 (1 day), Quốc khánh 2/9 (2 days: 2/9 and one adjacent day,
 * from 2021; 1 day under the Labour Code 2012); a holiday that falls on the weekly rest day is made up
 * on the next working day. Each year the Prime Minister / Ministry of Home Affairs also publish the
 * civil-service schedule, sometimes swapping a working day with a Saturday (hoán đổi ngày làm việc):
 * put such swaps in `extraDaysOff` / `extraWorkingDays`.
 */
import type { IsoDate, IsoWeekday } from './iso-date.ts';
import { VIETNAM_LUNAR_HOLIDAY_DATES, type LunarHolidayDates } from './lunar-holiday-dates.ts';
import type { ValueStatus } from '../standards/types.ts';

export type NationalDayExtraSide = 'before' | 'after';

/** A day off or a working day added by hand (a published swap, a provincial day off, …). */
export interface ExtraDayOff {
  readonly date: IsoDate;
  readonly nameVi: string;
}

export interface VietnamHolidayRules {
  /** Weekly rest days of the civil service: Saturday and Sunday (ISO 6, 7). */
  readonly weekendDays: readonly IsoWeekday[];
  /** Solar dates of mùng 1 Tết and of 10/3 lunar, per year. */
  readonly lunarDates: Readonly<Record<number, LunarHolidayDates>>;
  /**
   * Offsets (in days, from mùng 1 Tết) of the five Tết days, by the weekday of mùng 1. The default
   * reproduces the civil-service schedules published for 2016–2026: when mùng 1 is a Monday or Tuesday
   * the five days run from the last day of the old year to mùng 4 (−1…+3), otherwise from two days
   * before to mùng 3 (−2…+2). The 2026 schedule (16–20 Feb) is confirmed by the press; the others are
   * from recollection of the published notices.
   */
  readonly tetDayOffsetsByWeekday: Readonly<Record<IsoWeekday, readonly number[]>>;
  /** Per-year exception to `tetDayOffsetsByWeekday`. */
  readonly tetDayOffsetsByYear: Readonly<Record<number, readonly number[]>>;
  /** First year with two National Day holidays (Labour Code 2019, in force 1 Jan 2021). */
  readonly nationalDayTwoDaysFromYear: number;
  /** Side of the extra National Day holiday, by the weekday of 2/9 (observed 2021–2025; Wednesday guessed). */
  readonly nationalDayExtraSideByWeekday: Readonly<Record<IsoWeekday, NationalDayExtraSide>>;
  /** Per-year exception to `nationalDayExtraSideByWeekday`. */
  readonly nationalDayExtraSideByYear: Readonly<Record<number, NationalDayExtraSide>>;
  /** Whether a holiday that falls on a rest day (or on another holiday) is made up on the next working day. */
  readonly compensateHolidaysOnRestDays: boolean;
  /** Additional days off (published swaps, local days off). */
  readonly extraDaysOff: readonly ExtraDayOff[];
  /** Rest days that are working days (the Saturday worked in exchange for a swapped day). */
  readonly extraWorkingDays: readonly IsoDate[];
}

const TET_LAST_DAY_TO_MUNG_4 = Object.freeze([-1, 0, 1, 2, 3]);
const TET_TWO_DAYS_BEFORE_TO_MUNG_3 = Object.freeze([-2, -1, 0, 1, 2]);

export const DEFAULT_VIETNAM_HOLIDAY_RULES: VietnamHolidayRules = Object.freeze({
  weekendDays: Object.freeze([6, 7] as IsoWeekday[]),
  lunarDates: VIETNAM_LUNAR_HOLIDAY_DATES,
  tetDayOffsetsByWeekday: Object.freeze({
    1: TET_LAST_DAY_TO_MUNG_4,
    2: TET_LAST_DAY_TO_MUNG_4,
    3: TET_TWO_DAYS_BEFORE_TO_MUNG_3,
    4: TET_TWO_DAYS_BEFORE_TO_MUNG_3,
    5: TET_TWO_DAYS_BEFORE_TO_MUNG_3,
    6: TET_TWO_DAYS_BEFORE_TO_MUNG_3,
    7: TET_TWO_DAYS_BEFORE_TO_MUNG_3,
  }),
  tetDayOffsetsByYear: Object.freeze({}),
  nationalDayTwoDaysFromYear: 2021,
  nationalDayExtraSideByWeekday: Object.freeze({
    1: 'after',
    2: 'before',
    3: 'before',
    4: 'after',
    5: 'before',
    6: 'before',
    7: 'after',
  }),
  nationalDayExtraSideByYear: Object.freeze({}),
  compensateHolidaysOnRestDays: true,
  extraDaysOff: Object.freeze([]),
  extraWorkingDays: Object.freeze([]),
} satisfies VietnamHolidayRules);

export interface HolidayRuleInfo {
  readonly status: ValueStatus;
  readonly sourceVi: string;
}

/** Verification status and source of every holiday rule (for the settings screen and the docs). */
export const VIETNAM_HOLIDAY_RULE_INFO: Readonly<Record<keyof VietnamHolidayRules, HolidayRuleInfo>> = Object.freeze({
  weekendDays: { status: 'UNCONFIRMED', sourceVi: 'Cơ quan hành chính làm việc từ thứ Hai đến thứ Sáu' },
  lunarDates: { status: 'UNCONFIRMED', sourceVi: 'Tính theo sóc thiên văn giờ UTC+7, đối chiếu thư viện ngày lễ độc lập' },
  tetDayOffsetsByWeekday: { status: 'UNCONFIRMED', sourceVi: 'Bộ luật Lao động 2019 Điều 112 (5 ngày Tết); lịch nghỉ công bố 2016–2026' },
  tetDayOffsetsByYear: { status: 'UNCONFIRMED', sourceVi: 'Thông báo lịch nghỉ Tết hằng năm' },
  nationalDayTwoDaysFromYear: { status: 'UNCONFIRMED', sourceVi: 'Bộ luật Lao động 2019 Điều 112, hiệu lực 01/01/2021' },
  nationalDayExtraSideByWeekday: { status: 'UNCONFIRMED', sourceVi: 'Lịch nghỉ Quốc khánh công bố 2021–2025' },
  nationalDayExtraSideByYear: { status: 'UNCONFIRMED', sourceVi: 'Thông báo lịch nghỉ Quốc khánh hằng năm' },
  compensateHolidaysOnRestDays: { status: 'UNCONFIRMED', sourceVi: 'Bộ luật Lao động 2019 Điều 112 khoản 3 (nghỉ bù)' },
  extraDaysOff: { status: 'UNCONFIRMED', sourceVi: 'Hoán đổi ngày làm việc do Thủ tướng / Bộ Nội vụ công bố' },
  extraWorkingDays: { status: 'UNCONFIRMED', sourceVi: 'Ngày làm bù do Thủ tướng / Bộ Nội vụ công bố' },
});

/** The default rules with some values replaced. */
export function vietnamHolidayRules(overrides: Partial<VietnamHolidayRules> = {}): VietnamHolidayRules {
  return Object.freeze({ ...DEFAULT_VIETNAM_HOLIDAY_RULES, ...overrides });
}
