/**
 * Which national standard governs the lists of a policy year (poverty-standards.md §1) [C].
 */
import type { NationalStandardId } from './types.ts';

export interface StandardPeriod {
  readonly from: number;
  readonly to: number;
  readonly standardId: NationalStandardId;
  /** Vietnamese note on the legal basis of the period. */
  readonly basis: string;
}

export const NATIONAL_STANDARD_PERIODS: readonly StandardPeriod[] = Object.freeze([
  { from: 2016, to: 2020, standardId: 'QD59_2015', basis: 'Quyết định 59/2015/QĐ-TTg' },
  { from: 2021, to: 2021, standardId: 'QD59_2015', basis: 'Nghị định 07/2021/NĐ-CP Điều 2: tiếp tục áp dụng QĐ 59/2015' },
  { from: 2022, to: 2025, standardId: 'ND07_2021', basis: 'Nghị định 07/2021/NĐ-CP Điều 3' },
  { from: 2026, to: 2026, standardId: 'ND07_2021', basis: 'Nghị định 351/2025/NĐ-CP: tiếp tục áp dụng chuẩn 2022–2025' },
  { from: 2027, to: 2030, standardId: 'ND351_2025', basis: 'Nghị định 351/2025/NĐ-CP' },
]);

export const FIRST_STANDARD_YEAR = 2016;
export const LAST_STANDARD_YEAR = 2030;

/** The national standard governing policy year `year`, or undefined outside 2016–2030. */
export function nationalStandardIdForYear(year: number): NationalStandardId | undefined {
  if (!Number.isInteger(year)) return undefined;
  for (const p of NATIONAL_STANDARD_PERIODS) if (year >= p.from && year <= p.to) return p.standardId;
  return undefined;
}

/** The period row for a year (with its legal basis), or undefined. */
export function standardPeriodForYear(year: number): StandardPeriod | undefined {
  for (const p of NATIONAL_STANDARD_PERIODS) if (year >= p.from && year <= p.to) return p;
  return undefined;
}
