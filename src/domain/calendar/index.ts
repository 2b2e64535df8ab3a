/** Working-day calendar for Vietnam: ISO dates, public holidays as data, working-day arithmetic. */
export * from './iso-date.ts';
export * from './lunar-holiday-dates.ts';
export * from './holiday-rules.ts';
export * from './vietnam-holidays.ts';
export * from './working-calendar.ts';
export * from './working-days.ts';
