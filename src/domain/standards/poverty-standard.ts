/**
 * The PovertyStandard record and its validation. A standard is immutable once defined.
 */
import type { ParameterInfoTable, ParameterKey, StandardParameters } from './parameters.ts';
import type {
  AreaThresholds,
  AreaType,
  ClassificationRuleKind,
  DimensionDefinition,
  IndicatorDefinition,
  IndicatorId,
  LegalBasis,
  StandardId,
  StandardScope,
  Threshold,
  YearRange,
} from './types.ts';

export interface PovertyStandard {
  readonly id: StandardId;
  /** Vietnamese name, e.g. "Chuẩn nghèo đa chiều giai đoạn 2022–2025 (Nghị định 07/2021/NĐ-CP)". */
  readonly name: string;
  readonly scope: StandardScope;
  readonly legalBasis: readonly LegalBasis[];
  /** Policy years governed by the standard. */
  readonly years: YearRange;
  /** Vietnamese area names used by this standard's text (2027+: "đô thị"). */
  readonly areaLabels: Readonly<Record<AreaType, string>>;
  readonly rule: ClassificationRuleKind;
  readonly dimensions: readonly DimensionDefinition[];
  /** Indicators in the official column order; index i is bit i of a deprivation mask. */
  readonly indicators: readonly IndicatorDefinition[];
  readonly parameters: StandardParameters;
  readonly parameterInfo: ParameterInfoTable;
  /** Parameters changed from the published defaults by a deployment. */
  readonly overriddenParameters: readonly ParameterKey[];
}

/** Largest number of indicators a standard may define (deprivations travel as a 32-bit mask). */
export const MAX_INDICATORS = 32;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value as object)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

function isUpperBound(t: Threshold): boolean {
  return (t.operator === '<=' || t.operator === '<') && Number.isFinite(t.value) && t.value >= 0;
}

function checkUpper(name: string, lines: AreaThresholds | null, problems: string[]): void {
  if (lines === null) return;
  for (const area of ['rural', 'urban'] as const) {
    if (!isUpperBound(lines[area])) problems.push(`${name}.${area} phải là ngưỡng trên (≤ hoặc <) không âm`);
  }
}

/** Checks the internal consistency of a standard; returns Vietnamese problem descriptions (empty = valid). */
export function findStandardProblems(s: PovertyStandard): string[] {
  const problems: string[] = [];
  const p = s.parameters;
  if (!/^[A-Z0-9_]+$/.test(s.id)) problems.push(`mã chuẩn "${s.id}" chỉ được gồm chữ in hoa, chữ số và dấu _`);
  if (s.years.from > s.years.to) problems.push('năm bắt đầu áp dụng sau năm kết thúc');
  if (s.indicators.length === 0 || s.indicators.length > MAX_INDICATORS) problems.push(`số chỉ số phải từ 1 đến ${MAX_INDICATORS}`);
  const seen = new Set<IndicatorId>();
  const dims = new Set(s.dimensions.map((d) => d.id));
  for (const ind of s.indicators) {
    if (seen.has(ind.id)) problems.push(`chỉ số ${ind.id} bị lặp`);
    seen.add(ind.id);
    if (!dims.has(ind.dimension)) problems.push(`chỉ số ${ind.id} thuộc chiều ${ind.dimension} không có trong chuẩn`);
  }
  checkUpper('incomeLine', p.incomeLine, problems);
  checkUpper('nearPoorIncomeLine', p.nearPoorIncomeLine, problems);
  checkUpper('averageLivingStandardUpper', p.averageLivingStandardUpper, problems);
  checkUpper('scoreALine', p.scoreALine, problems);
  checkUpper('scoreANearPoorLine', p.scoreANearPoorLine, problems);
  checkUpper('lowIncomeWorkerIncomeLine', p.lowIncomeWorkerIncomeLine, problems);
  if (s.rule === 'two_lines_or_deprivations' && p.nearPoorIncomeLine === null) {
    problems.push('quy tắc hai chuẩn (QĐ 59) cần chuẩn cận nghèo (nearPoorIncomeLine)');
  }
  if (s.rule === 'line_and_deprivations' && (p.nearPoorIncomeLine !== null || p.scoreANearPoorLine !== null)) {
    problems.push('quy tắc một chuẩn không dùng chuẩn cận nghèo riêng');
  }
  if (s.rule === 'two_lines_or_deprivations' && p.scoreALine !== null && p.scoreANearPoorLine === null) {
    problems.push('quy tắc hai chuẩn cần cả ngưỡng điểm A tương ứng chuẩn cận nghèo (scoreANearPoorLine)');
  }
  const top = p.nearPoorIncomeLine ?? p.incomeLine;
  for (const area of ['rural', 'urban'] as const) {
    if (p.nearPoorIncomeLine && p.nearPoorIncomeLine[area].value < p.incomeLine[area].value) {
      problems.push(`chuẩn cận nghèo (${area}) thấp hơn chuẩn nghèo`);
    }
    if (p.averageLivingStandardUpper && p.averageLivingStandardUpper[area].value < top[area].value) {
      problems.push(`cận trên mức sống trung bình (${area}) thấp hơn chuẩn`);
    }
    if (p.scoreANearPoorLine && p.scoreALine && p.scoreANearPoorLine[area].value < p.scoreALine[area].value) {
      problems.push(`ngưỡng điểm A cận nghèo (${area}) thấp hơn ngưỡng điểm A nghèo`);
    }
  }
  const dt = p.deprivationThreshold;
  if (dt.operator !== '>=' && dt.operator !== '>') problems.push('ngưỡng số chỉ số thiếu hụt phải là ≥ hoặc >');
  const bt = p.scoreBThreshold;
  if (bt.operator !== '>=' && bt.operator !== '>') problems.push('ngưỡng điểm B phải là ≥ hoặc >');
  if (!(p.scoreBPointsPerIndicator > 0)) problems.push('điểm B mỗi chỉ số phải dương');
  if (!isUpperBound(p.housingAreaPerCapita)) problems.push('ngưỡng diện tích nhà ở phải là ≤ hoặc <');
  const dr = p.dependents.ratio.operator;
  if (dr !== '>' && dr !== '>=') problems.push('ngưỡng tỷ lệ người phụ thuộc phải là > hoặc ≥');
  return problems;
}

/** Validates and deep-freezes a standard definition. Throws with a Vietnamese message when invalid. */
export function defineStandard(s: PovertyStandard): PovertyStandard {
  const problems = findStandardProblems(s);
  if (problems.length > 0) throw new Error(`Chuẩn ${s.id} không hợp lệ: ${problems.join('; ')}`);
  return deepFreeze(s);
}
