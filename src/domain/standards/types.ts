/**
 * Core vocabulary of poverty standards (chuẩn nghèo đa chiều) expressed as data.
 *
 * A standard is a plain, frozen object: income lines with their comparison operators, the indicator
 * set, the parameters of every deprivation rule and the review-score calibration. Code interprets it;
 * no standard is a code branch. See docs/classification.md.
 */

/** Area type of the household's commune-level unit: nông thôn / thành thị (from 2027: đô thị). */
export type AreaType = 'rural' | 'urban';

export const AREA_TYPES: readonly AreaType[] = ['rural', 'urban'];

/** Comparison operator of a threshold, applied as `value <op> threshold.value`. */
export type ComparisonOperator = '<=' | '<' | '>=' | '>';

/** One line with its operator, e.g. `{ value: 1_500_000, operator: '<=' }` for "từ … trở xuống". */
export interface Threshold {
  readonly value: number;
  readonly operator: ComparisonOperator;
}

/** A threshold per area type. */
export interface AreaThresholds {
  readonly rural: Threshold;
  readonly urban: Threshold;
}

/** Verification status of a legal value (see /work/shared/domain/README.md). */
export type ValueStatus = 'C' | 'S' | 'UNCONFIRMED';

/** Stable indicator identifiers, used unchanged in API, exports and CLI. */
export type IndicatorId =
  | 'health_access'
  | 'health_insurance'
  | 'adult_education'
  | 'child_schooling'
  | 'housing_quality'
  | 'housing_area'
  | 'water_source'
  | 'latrine'
  | 'telecom'
  | 'information_assets'
  | 'employment'
  | 'dependents'
  | 'nutrition'
  | 'waste_treatment';

export const ALL_INDICATOR_IDS: readonly IndicatorId[] = [
  'health_access',
  'health_insurance',
  'adult_education',
  'child_schooling',
  'housing_quality',
  'housing_area',
  'water_source',
  'latrine',
  'telecom',
  'information_assets',
  'employment',
  'dependents',
  'nutrition',
  'waste_treatment',
];

/** Dimensions (dịch vụ xã hội cơ bản) grouping the indicators. */
export type DimensionId =
  | 'employment'
  | 'health'
  | 'education'
  | 'housing'
  | 'water_sanitation'
  | 'information';

/** National standards shipped with the system; local standards use their own ids. */
export type NationalStandardId = 'QD59_2015' | 'ND07_2021' | 'ND351_2025';

/** Any standard id: a national one or a registered local (provincial) one. */
export type StandardId = string;

/**
 * How the class follows from income (or score A) and the deprivation count.
 * - `two_lines_or_deprivations` (QĐ 59/2015): poor if I ≤ poverty line (subtype income) or
 *   poverty line < I ≤ near-poverty line and D ≥ k (subtype multidimensional); near-poor if between the
 *   lines and D < k.
 * - `line_and_deprivations` (NĐ 07/2021, NĐ 351/2025, local standards): poor if I ≤ L and D ≥ k;
 *   near-poor if I ≤ L and D < k. No income-only poor class.
 */
export type ClassificationRuleKind = 'two_lines_or_deprivations' | 'line_and_deprivations';

export interface DimensionDefinition {
  readonly id: DimensionId;
  /** Vietnamese name of the basic social service. */
  readonly label: string;
}

export interface IndicatorDefinition {
  readonly id: IndicatorId;
  readonly dimension: DimensionId;
  /** Full Vietnamese name as in the legal text. */
  readonly label: string;
  /** Short Vietnamese name used in explanations, e.g. "BHYT". */
  readonly shortLabel: string;
}

export interface LegalBasis {
  /** Document number, e.g. "07/2021/NĐ-CP". */
  readonly document: string;
  /** Vietnamese title / description. */
  readonly title: string;
  /** Date signed (ISO). */
  readonly signed?: string;
}

/** Calendar years (policy years) in which the standard governs the lists. */
export interface YearRange {
  readonly from: number;
  readonly to: number;
}

/** Scope of a standard: national, or a province's local standard used beside the national one. */
export type StandardScope =
  | { readonly kind: 'national' }
  | {
      readonly kind: 'local';
      /** Vietnamese province name, e.g. "Bắc Ninh". */
      readonly provinceName: string;
      /** Province code as stored by the deployment (optional). */
      readonly provinceCode?: string;
      /** National standard whose indicators and rules the local one reuses. */
      readonly baseStandard: StandardId;
    };
