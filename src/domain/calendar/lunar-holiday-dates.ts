/**
 * Solar dates of the two lunar-calendar public holidays, per year: the first day of Tết Nguyên đán
 * (mùng 1 tháng Giêng) and Hùng Kings' Commemoration Day (Giỗ Tổ Hùng Vương, mùng 10 tháng 3 âm lịch).
 *
 * The Vietnamese lunar calendar is computed for UTC+7, so it occasionally differs from the Chinese
 * calendar (UTC+8): in 2030 the new moon falls at about 23:07 on 2 February Vietnam time, so Tết Canh
 * Tuất is 2 Feb 2030 in Vietnam but 3 Feb in China. 2023 has a leap second month, so 10/3 falls on
 * 29 April.
 *
 * How the table was checked: the dates were computed from the astronomical new moons (Meeus, ch. 49,
 * main periodic terms) in UTC+7, and compared with the Vietnamese holiday data of an independent
 * public-holiday library; both agree for every year below. The 2026 date is also the one given in the
 * brief (17 Feb 2026, Tết Bính Ngọ). Override or extend it through `VietnamHolidayRules.lunarDates`.
 */
import type { IsoDate } from './iso-date.ts';

export interface LunarHolidayDates {
  /** Mùng 1 Tết (lunar New Year's Day). */
  readonly lunarNewYear: IsoDate;
  /** Mùng 10 tháng 3 âm lịch. */
  readonly hungKings: IsoDate;
}

export const VIETNAM_LUNAR_HOLIDAY_DATES: Readonly<Record<number, LunarHolidayDates>> = Object.freeze({
  2016: { lunarNewYear: '2016-02-08', hungKings: '2016-04-16' },
  2017: { lunarNewYear: '2017-01-28', hungKings: '2017-04-06' },
  2018: { lunarNewYear: '2018-02-16', hungKings: '2018-04-25' },
  2019: { lunarNewYear: '2019-02-05', hungKings: '2019-04-14' },
  2020: { lunarNewYear: '2020-01-25', hungKings: '2020-04-02' },
  2021: { lunarNewYear: '2021-02-12', hungKings: '2021-04-21' },
  2022: { lunarNewYear: '2022-02-01', hungKings: '2022-04-10' },
  2023: { lunarNewYear: '2023-01-22', hungKings: '2023-04-29' },
  2024: { lunarNewYear: '2024-02-10', hungKings: '2024-04-18' },
  2025: { lunarNewYear: '2025-01-29', hungKings: '2025-04-07' },
  2026: { lunarNewYear: '2026-02-17', hungKings: '2026-04-26' },
  2027: { lunarNewYear: '2027-02-06', hungKings: '2027-04-16' },
  2028: { lunarNewYear: '2028-01-26', hungKings: '2028-04-04' },
  2029: { lunarNewYear: '2029-02-13', hungKings: '2029-04-23' },
  2030: { lunarNewYear: '2030-02-02', hungKings: '2030-04-12' },
});

export const FIRST_LUNAR_TABLE_YEAR = 2016;
export const LAST_LUNAR_TABLE_YEAR = 2030;
