/**
 * Classification thresholds of a standard precompiled for speed: every upper bound is rewritten as an
 * inclusive `x <= bound` (exact for all doubles), per area code (0 rural, 1 urban), and the deprivation
 * rule as a minimum count. The decision functions below are the single implementation of the
 * classification rule used by every path (raw households, summary records, columnar batches).
 */
import { inclusiveUpperBound, minimumCount } from '../standards/operators.ts';
import type { PovertyStandard } from '../standards/poverty-standard.ts';
import type { AreaThresholds } from '../standards/types.ts';
import { CLASS_CODE, type ClassCode } from './class-codes.ts';

export interface CompiledRules {
  /** Income ≤ this ⇒ poor regardless of deprivations (QĐ 59 income-poor); −∞ when the standard has no such class. */
  readonly incomePoorOnly: Float64Array;
  /** Income ≤ this ⇒ poor or near-poor depending on deprivations. */
  readonly incomeLine: Float64Array;
  /** Income ≤ this (and above incomeLine) ⇒ average living standard; −∞ when undefined. */
  readonly averageUpper: Float64Array;
  readonly scorePoorOnly: Float64Array;
  readonly scoreLine: Float64Array;
  readonly hasScoreCalibration: boolean;
  /** Minimum deprivation count for the poor class (income path). */
  readonly minDeprivations: number;
  /** Minimum deprivation count for the poor class derived from the score B rule (score path). */
  readonly minDeprivationsByScoreB: number;
  /** Code for "poor because deprived": POOR, or POOR_MULTIDIMENSIONAL under QĐ 59. */
  readonly poorCode: ClassCode;
  /** Bits of the standard's indicators in a deprivation mask. */
  readonly validMask: number;
}

function perArea(lines: AreaThresholds | null): Float64Array {
  const out = new Float64Array(2).fill(-Infinity);
  if (lines !== null) {
    out[0] = inclusiveUpperBound(lines.rural);
    out[1] = inclusiveUpperBound(lines.urban);
  }
  return out;
}

export function compileRules(standard: PovertyStandard): CompiledRules {
  const p = standard.parameters;
  const twoLines = standard.rule === 'two_lines_or_deprivations';
  const n = standard.indicators.length;
  return Object.freeze({
    incomePoorOnly: perArea(twoLines ? p.incomeLine : null),
    incomeLine: perArea(twoLines ? p.nearPoorIncomeLine : p.incomeLine),
    averageUpper: perArea(p.averageLivingStandardUpper),
    scorePoorOnly: perArea(twoLines ? p.scoreALine : null),
    scoreLine: perArea(twoLines ? p.scoreANearPoorLine : p.scoreALine),
    hasScoreCalibration: p.scoreALine !== null,
    minDeprivations: minimumCount(p.deprivationThreshold, 1, n + 1),
    minDeprivationsByScoreB: minimumCount(p.scoreBThreshold, p.scoreBPointsPerIndicator, n + 1),
    poorCode: twoLines ? CLASS_CODE.POOR_MULTIDIMENSIONAL : CLASS_CODE.POOR,
    validMask: n >= 32 ? -1 : (1 << n) - 1,
  });
}

/** Class from measured per-capita income (VND) and deprivation count. */
export function decideByIncome(r: CompiledRules, area: number, income: number, deprivations: number): ClassCode {
  if (income <= r.incomePoorOnly[area]) return CLASS_CODE.POOR_INCOME;
  if (income <= r.incomeLine[area]) return deprivations >= r.minDeprivations ? r.poorCode : CLASS_CODE.NEAR_POOR;
  if (income <= r.averageUpper[area]) return CLASS_CODE.AVERAGE;
  return CLASS_CODE.NONE;
}

/**
 * Class from score A and deprivation count (score B = points × count). Above the score line the
 * household is neither poor nor near-poor; the average band then needs measured income (NaN = unknown).
 */
export function decideByScore(r: CompiledRules, area: number, score: number, deprivations: number, income: number): ClassCode {
  if (score <= r.scorePoorOnly[area]) return CLASS_CODE.POOR_INCOME;
  if (score <= r.scoreLine[area]) return deprivations >= r.minDeprivationsByScoreB ? r.poorCode : CLASS_CODE.NEAR_POOR;
  if (income > r.incomeLine[area] && income <= r.averageUpper[area]) return CLASS_CODE.AVERAGE;
  return CLASS_CODE.NONE;
}
