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
  /** Columnar form, income measure: [poorOnly, line, averageUpper] for rural then urban. */
  readonly incomeBounds: Float64Array;
  /** Columnar form, score measure: [poorOnly, line, −∞] for rural then urban. */
  readonly scoreBounds: Float64Array;
  /**
   * Class code by the four tests packed as (poorOnly << 3) | (≤ line << 2) | (≤ average << 1) | (deprivations
   * ≥ minimum): the branch-free decision table of the columnar fast path.
   */
  readonly codeTable: Uint8Array;
}

function codeTable(poorCode: ClassCode): Uint8Array {
  const table = new Uint8Array(16);
  for (let i = 0; i < 16; i++) {
    const poorOnly = (i & 8) !== 0;
    const belowLine = (i & 4) !== 0;
    const inAverage = (i & 2) !== 0;
    const deprived = (i & 1) !== 0;
    table[i] = poorOnly ? CLASS_CODE.POOR_INCOME
      : belowLine ? (deprived ? poorCode : CLASS_CODE.NEAR_POOR)
        : inAverage ? CLASS_CODE.AVERAGE : CLASS_CODE.NONE;
  }
  return table;
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
  const incomePoorOnly = perArea(twoLines ? p.incomeLine : null);
  const incomeLine = perArea(twoLines ? p.nearPoorIncomeLine : p.incomeLine);
  const averageUpper = perArea(p.averageLivingStandardUpper);
  const scorePoorOnly = perArea(twoLines ? p.scoreALine : null);
  const scoreLine = perArea(twoLines ? p.scoreANearPoorLine : p.scoreALine);
  const poorCode = twoLines ? CLASS_CODE.POOR_MULTIDIMENSIONAL : CLASS_CODE.POOR;
  return Object.freeze({
    incomePoorOnly,
    incomeLine,
    averageUpper,
    scorePoorOnly,
    scoreLine,
    hasScoreCalibration: p.scoreALine !== null,
    minDeprivations: minimumCount(p.deprivationThreshold, 1, n + 1),
    minDeprivationsByScoreB: minimumCount(p.scoreBThreshold, p.scoreBPointsPerIndicator, n + 1),
    poorCode,
    validMask: n >= 32 ? -1 : (1 << n) - 1,
    incomeBounds: new Float64Array([incomePoorOnly[0], incomeLine[0], averageUpper[0], incomePoorOnly[1], incomeLine[1], averageUpper[1]]),
    scoreBounds: new Float64Array([scorePoorOnly[0], scoreLine[0], -Infinity, scorePoorOnly[1], scoreLine[1], -Infinity]),
    codeTable: codeTable(poorCode),
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
