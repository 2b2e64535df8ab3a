import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addCalendarDays,
  calendarDaysBetween,
  createVietnamWorkingCalendar,
  DEFAULT_VIETNAM_HOLIDAY_RULES,
  HolidayDataMissingError,
  isoWeekday,
  VIETNAM_HOLIDAY_RULE_INFO,
  VIETNAM_LUNAR_HOLIDAY_DATES,
  vietnamHolidays,
  type IsoDate,
} from '../../../src/domain/calendar/index.ts';

const calendar = createVietnamWorkingCalendar();

function off(dates: IsoDate[]): void {
  for (const d of dates) assert.equal(calendar.isWorkingDay(d), false, `${d} should be a day off`);
}
function working(dates: IsoDate[]): void {
  for (const d of dates) assert.equal(calendar.isWorkingDay(d), true, `${d} should be a working day`);
}

test('lunar table: 2016–2030, Tết between 21 Jan and 20 Feb, 10/3 lunar 2 or 3 lunar months later', () => {
  for (let y = 2016; y <= 2030; y++) {
    const row = VIETNAM_LUNAR_HOLIDAY_DATES[y];
    assert.ok(row !== undefined, `${y} missing`);
    assert.ok(row.lunarNewYear >= `${y}-01-21` && row.lunarNewYear <= `${y}-02-20`, `${y} Tết ${row.lunarNewYear}`);
    const gap = calendarDaysBetween(row.lunarNewYear, row.hungKings);
    // Two lunar months (59 ± 1 days) + 9 days, or three with a leap month in between.
    assert.ok((gap >= 67 && gap <= 69) || (gap >= 96 && gap <= 99), `${y}: ${gap} days from Tết to 10/3`);
  }
  assert.equal(VIETNAM_LUNAR_HOLIDAY_DATES[2026].lunarNewYear, '2026-02-17', 'Tết Bính Ngọ');
  assert.equal(VIETNAM_LUNAR_HOLIDAY_DATES[2023].hungKings, '2023-04-29', 'leap 2nd month in 2023');
  assert.equal(VIETNAM_LUNAR_HOLIDAY_DATES[2030].lunarNewYear, '2030-02-02', 'Vietnam (UTC+7) differs from China (3 Feb) in 2030');
});

test('Tết 2026: civil servants off Mon 16 – Fri 20 Feb (29 tháng Chạp – mùng 4), 9 days with the weekends', () => {
  off(['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22']);
  working(['2026-02-13', '2026-02-23']);
  assert.equal(calendar.holidayOn('2026-02-17')?.nameVi, 'Tết Nguyên đán (mùng 1)');
  assert.equal(calendar.holidayOn('2026-02-16')?.kind, 'tet');
  assert.equal(calendar.holidayOn('2026-02-14'), undefined, 'a plain Saturday is not a holiday');
});

test('Tết days falling on a weekend are made up: 2024 (8–14 Feb) and 2023 (20–26 Jan)', () => {
  off(['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14']);
  working(['2024-02-07', '2024-02-15']);
  assert.equal(calendar.holidayOn('2024-02-13')?.kind, 'compensatory');
  off(['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26']);
  working(['2023-01-19', '2023-01-27']);
  off(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
  working(['2025-01-24', '2025-02-03']);
});

test('National Day: 2/9 plus an adjacent day from 2021, a single day before', () => {
  off(['2024-09-02', '2024-09-03']);
  working(['2024-08-30', '2024-09-04']);
  off(['2025-09-01', '2025-09-02']);
  working(['2025-09-03']);
  // 2023: 2/9 on a Saturday → extra day Friday 1/9 and make-up Monday 4/9.
  off(['2023-09-01', '2023-09-04']);
  assert.equal(calendar.holidayOn('2023-09-04')?.kind, 'compensatory');
  working(['2023-09-05']);
  // 2020 (Labour Code 2012): one day only.
  off(['2020-09-02']);
  working(['2020-09-01', '2020-09-03']);
});

test('other fixed holidays and their make-up days', () => {
  off(['2026-01-01', '2026-04-30', '2026-05-01']);
  // 2026: 10/3 lunar on Sunday 26 April → made up on Monday 27 April.
  assert.equal(isoWeekday('2026-04-26'), 7);
  off(['2026-04-27']);
  working(['2026-04-28', '2026-04-29', '2026-05-04']);
  // 2022: 30/4 Saturday and 1/5 Sunday → Monday 2 and Tuesday 3 May.
  off(['2022-05-02', '2022-05-03']);
  working(['2022-05-04']);
});

test('every statutory day is present each year, with Vietnamese names', () => {
  for (let y = 2016; y <= 2030; y++) {
    const hs = vietnamHolidays(y, DEFAULT_VIETNAM_HOLIDAY_RULES);
    const kinds = hs.map((h) => h.kind);
    assert.equal(kinds.filter((k) => k === 'tet').length, 5, `${y}: five Tết days`);
    assert.equal(kinds.filter((k) => k === 'national_day').length, y >= 2021 ? 2 : 1);
    for (const k of ['new_year', 'hung_kings', 'reunification', 'labour_day'] as const) assert.ok(kinds.includes(k), `${y} ${k}`);
    for (const h of hs) assert.ok(h.nameVi.length > 0);
    const tetDays = hs.filter((h) => h.kind === 'tet').map((h) => h.date);
    assert.ok(tetDays.includes(VIETNAM_LUNAR_HOLIDAY_DATES[y].lunarNewYear));
  }
});

test('the rules are overridable: swaps, extra days, lunar dates for later years', () => {
  const custom = createVietnamWorkingCalendar({
    extraDaysOff: [{ date: '2025-05-02', nameVi: 'Nghỉ hoán đổi' }],
    extraWorkingDays: ['2025-04-26'],
    lunarDates: { ...VIETNAM_LUNAR_HOLIDAY_DATES, 2031: { lunarNewYear: '2031-01-23', hungKings: '2031-04-02' } },
    tetDayOffsetsByYear: { 2026: [-2, -1, 0, 1, 2] },
    nationalDayExtraSideByYear: { 2026: 'after' },
  });
  assert.equal(custom.isWorkingDay('2025-05-02'), false);
  assert.equal(custom.holidayOn('2025-05-02')?.nameVi, 'Nghỉ hoán đổi');
  assert.equal(custom.isWorkingDay('2025-04-26'), true, 'a Saturday worked in exchange');
  assert.equal(custom.isWorkingDay('2031-01-23'), false);
  // Per-year offsets −2…+2: 15–19 Feb, Sunday 15 Feb made up on Friday 20 Feb.
  assert.equal(custom.holidayOn('2026-02-15')?.kind, 'tet');
  assert.equal(custom.holidayOn('2026-02-20')?.kind, 'compensatory');
  assert.equal(custom.isWorkingDay('2026-02-23'), true);
  assert.equal(custom.isWorkingDay('2026-09-03'), false);
  assert.equal(custom.isWorkingDay('2026-09-01'), true);
});

test('a year without lunar data is refused with a Vietnamese message, not silently wrong', () => {
  assert.throws(() => calendar.isWorkingDay('2031-03-03'), HolidayDataMissingError);
  assert.throws(() => calendar.isWorkingDay('2015-06-01'), /Chưa có ngày Tết Nguyên đán/);
});

test('every rule carries a verification tag', () => {
  for (const key of Object.keys(DEFAULT_VIETNAM_HOLIDAY_RULES)) {
    assert.ok(key in VIETNAM_HOLIDAY_RULE_INFO, key);
  }
  assert.equal(addCalendarDays('2026-02-16', 1), VIETNAM_LUNAR_HOLIDAY_DATES[2026].lunarNewYear);
});
