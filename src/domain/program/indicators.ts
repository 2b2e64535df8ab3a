/**
 * Target indicators (national-target-program.md §2.1, §4): the built-in ones, and user-defined ones a
 * province adds. Each says what it measures, which way is better, whether its actual value comes from
 * the registry's recognised lists or from entered reports, and whether it is a level (a rate at a time)
 * or a flow (a count accumulated over the year).
 */

export type IndicatorUnit = 'percent' | 'points' | 'count';
export type IndicatorDirection = 'decrease' | 'increase';
export type IndicatorSource = 'registry' | 'report';
export type IndicatorKind = 'level' | 'flow';

export interface IndicatorDef {
  code: string;
  nameVi: string;
  nameEn: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  source: IndicatorSource;
  kind: IndicatorKind;
}

export const BUILTIN_INDICATORS: readonly IndicatorDef[] = [
  { code: 'poverty_rate', nameVi: 'Tỷ lệ hộ nghèo', nameEn: 'Poor-household rate', unit: 'percent', direction: 'decrease', source: 'registry', kind: 'level' },
  { code: 'poverty_reduction', nameVi: 'Mức giảm tỷ lệ hộ nghèo trong năm', nameEn: 'Reduction of the poor-household rate in the year', unit: 'points', direction: 'increase', source: 'registry', kind: 'level' },
  { code: 'near_poor_rate', nameVi: 'Tỷ lệ hộ cận nghèo', nameEn: 'Near-poor household rate', unit: 'percent', direction: 'decrease', source: 'registry', kind: 'level' },
  { code: 'em_poverty_rate', nameVi: 'Tỷ lệ hộ nghèo dân tộc thiểu số', nameEn: 'Ethnic-minority poor-household rate', unit: 'percent', direction: 'decrease', source: 'registry', kind: 'level' },
  { code: 'communes_leaving_difficulty', nameVi: 'Số xã thoát khỏi tình trạng đặc biệt khó khăn', nameEn: 'Communes leaving extreme difficulty', unit: 'count', direction: 'increase', source: 'report', kind: 'flow' },
  { code: 'jobs_created', nameVi: 'Số lao động được tạo việc làm', nameEn: 'Jobs created', unit: 'count', direction: 'increase', source: 'report', kind: 'flow' },
  { code: 'people_trained', nameVi: 'Số người được đào tạo nghề', nameEn: 'People trained', unit: 'count', direction: 'increase', source: 'report', kind: 'flow' },
  { code: 'houses_supported', nameVi: 'Số nhà ở được hỗ trợ', nameEn: 'Houses supported', unit: 'count', direction: 'increase', source: 'report', kind: 'flow' },
];

export const REGISTRY_INDICATORS = BUILTIN_INDICATORS.filter((i) => i.source === 'registry').map((i) => i.code);

export function builtinIndicator(code: string): IndicatorDef | undefined {
  return BUILTIN_INDICATORS.find((i) => i.code === code);
}

/** A user-defined indicator code: lower-case letters, digits and underscores, prefixed 'x_' so it never shadows a built-in one. */
export function isCustomIndicatorCode(code: string): boolean {
  return /^x_[a-z0-9_]{1,40}$/.test(code);
}

export const UNIT_SUFFIX_VI: Readonly<Record<IndicatorUnit, string>> = Object.freeze({ percent: '%', points: 'điểm %', count: '' });
