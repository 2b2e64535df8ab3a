/**
 * Statutory retirement age of workers in normal conditions (Labour Code 2019 Art. 169, Decree
 * 135/2020/NĐ-CP) [C for the schedule]. Before 2021 the Labour Code 2012 ages apply (60 / 55).
 * Working age in the poverty indicators = from `workingAgeMin` to this age (whether the poverty
 * circular uses exactly this definition is UNCONFIRMED, see parameter `retirementAgeRule`).
 */
import type { Sex } from './fact-codes.ts';
import type { RetirementAgeRule } from './parameters.ts';

/** Retirement age in months for a worker reaching it in `year`. One row per year; the last row holds for later years. */
export interface RetirementAgeRow {
  readonly year: number;
  readonly maleMonths: number;
  readonly femaleMonths: number;
}

const y = (years: number, months = 0): number => years * 12 + months;

/** Decree 135/2020 Annex: men +3 months a year from 60y3m (2021) to 62y (2028); women +4 months a year from 55y4m (2021) to 60y (2035). */
export const RETIREMENT_AGE_SCHEDULE: readonly RetirementAgeRow[] = Object.freeze([
  { year: 2020, maleMonths: y(60), femaleMonths: y(55) },
  { year: 2021, maleMonths: y(60, 3), femaleMonths: y(55, 4) },
  { year: 2022, maleMonths: y(60, 6), femaleMonths: y(55, 8) },
  { year: 2023, maleMonths: y(60, 9), femaleMonths: y(56) },
  { year: 2024, maleMonths: y(61), femaleMonths: y(56, 4) },
  { year: 2025, maleMonths: y(61, 3), femaleMonths: y(56, 8) },
  { year: 2026, maleMonths: y(61, 6), femaleMonths: y(57) },
  { year: 2027, maleMonths: y(61, 9), femaleMonths: y(57, 4) },
  { year: 2028, maleMonths: y(62), femaleMonths: y(57, 8) },
  { year: 2029, maleMonths: y(62), femaleMonths: y(58) },
  { year: 2030, maleMonths: y(62), femaleMonths: y(58, 4) },
  { year: 2031, maleMonths: y(62), femaleMonths: y(58, 8) },
  { year: 2032, maleMonths: y(62), femaleMonths: y(59) },
  { year: 2033, maleMonths: y(62), femaleMonths: y(59, 4) },
  { year: 2034, maleMonths: y(62), femaleMonths: y(59, 8) },
  { year: 2035, maleMonths: y(62), femaleMonths: y(60) },
]);

/** Labour Code 2012 fixed ages, also the values of the schedule before 2021. */
export const LABOUR_CODE_2012_RETIREMENT_MONTHS: Readonly<Record<Sex, number>> = { male: y(60), female: y(55) };

/** Retirement age (months) of a worker of `sex` who reaches retirement in `year`. */
export function retirementAgeMonths(sex: Sex, year: number, rule: RetirementAgeRule = 'decree_135_2020'): number {
  if (rule === 'labour_code_2012') return LABOUR_CODE_2012_RETIREMENT_MONTHS[sex];
  const first = RETIREMENT_AGE_SCHEDULE[0];
  const last = RETIREMENT_AGE_SCHEDULE[RETIREMENT_AGE_SCHEDULE.length - 1];
  const row = year <= first.year ? first : year >= last.year ? last : RETIREMENT_AGE_SCHEDULE[year - first.year];
  return sex === 'male' ? row.maleMonths : row.femaleMonths;
}

/**
 * Month index (year × 12 + month − 1) in which a person born in month index `birthMonthIndex` reaches
 * retirement age: the first year Y in which birth + retirementAge(Y) falls (Decree 135/2020 Annex I logic).
 */
export function retirementMonthIndex(sex: Sex, birthMonthIndex: number, rule: RetirementAgeRule = 'decree_135_2020'): number {
  const birthYear = Math.floor(birthMonthIndex / 12);
  for (let year = birthYear + 50; ; year++) {
    const reached = birthMonthIndex + retirementAgeMonths(sex, year, rule);
    if (Math.floor(reached / 12) <= year) return reached;
  }
}
