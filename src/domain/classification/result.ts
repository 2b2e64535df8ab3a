/**
 * Classification results.
 */
import type { IndicatorId, StandardId } from '../standards/types.ts';

/** poor = hộ nghèo, near_poor = hộ cận nghèo, average = hộ có mức sống trung bình, none = none of them. */
export type HouseholdClass = 'poor' | 'near_poor' | 'average' | 'none';

/** QĐ 59/2015 poor subtype: income-poor or multidimensionally poor. */
export type PoorSubtype = 'income' | 'multidimensional';

export const HOUSEHOLD_CLASS_LABELS: Readonly<Record<HouseholdClass, string>> = {
  poor: 'hộ nghèo',
  near_poor: 'hộ cận nghèo',
  average: 'hộ có mức sống trung bình',
  none: 'không thuộc hộ nghèo, hộ cận nghèo, hộ có mức sống trung bình',
};

export const POOR_SUBTYPE_LABELS: Readonly<Record<PoorSubtype, string>> = {
  income: 'nghèo về thu nhập',
  multidimensional: 'nghèo do thiếu hụt dịch vụ xã hội cơ bản',
};

/** One indicator for one household: deprived flag and a Vietnamese reason sentence. */
export interface IndicatorEvaluation {
  readonly id: IndicatorId;
  readonly deprived: boolean;
  readonly reason: string;
}

/** A member recognised as a low-income worker (Decree 30/2025). */
export interface LowIncomeWorker {
  /** 0-based position in `members`. */
  readonly memberIndex: number;
  readonly memberId?: string;
  readonly name?: string;
}

export interface HouseholdClassification {
  readonly id: string | number | null;
  readonly standard: StandardId;
  readonly class: HouseholdClass;
  /** Present only for poor households under QĐ 59/2015. */
  readonly subtype?: PoorSubtype;
  readonly deprivationCount: number;
  /** Deprived indicator ids (raw households: standard order; summary records: input order). */
  readonly deprivations: readonly IndicatorId[];
  /** Human-readable Vietnamese explanation. */
  readonly explanation: string;
  /** Raw households only: every indicator of the standard with its reason. */
  readonly indicators?: readonly IndicatorEvaluation[];
  /** Raw households only, when the standard has the Decree 30/2025 rule and it applies. */
  readonly lowIncomeWorkers?: readonly LowIncomeWorker[];
  /** Raw households only: average-living-standard household in farm, forestry, fishery or salt production. */
  readonly farmAverageLivingStandard?: boolean;
}
