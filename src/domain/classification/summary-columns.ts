/**
 * Columnar fast path: classifies millions of summary records held in typed arrays (e.g. a whole
 * country re-classified after a rule change) without allocating anything per record. Thresholds are
 * read once from the compiled standard; each record costs a popcount and at most four comparisons.
 */
import type { PovertyStandard } from '../standards/poverty-standard.ts';
import { CLASS_CODE } from './class-codes.ts';
import { compileStandard } from './compiled-standard.ts';

export interface SummaryColumns {
  readonly length: number;
  /** 0 = rural, 1 = urban (AREA_CODE). */
  readonly area: Uint8Array;
  /** Income in VND per person per month, or score A points (see `measure`). */
  readonly value: Float64Array;
  /** Bit i set = indicator i of the standard deprived. */
  readonly deprivationMask: Uint32Array;
}

export type SummaryMeasure = 'income' | 'scoreA';

const INVALID = CLASS_CODE.INVALID;

/**
 * Writes one class code per record into `out` (CLASS_CODE; INVALID for an unknown area, a negative or
 * non-finite value, or a mask bit outside the standard). Returns the number of invalid records.
 * With measure "scoreA" the average band is not determined (no measured income).
 */
export function classifySummaryColumns(
  standard: PovertyStandard,
  columns: SummaryColumns,
  measure: SummaryMeasure,
  out: Uint8Array,
): number {
  const c = compileStandard(standard);
  const r = c.rules;
  const n = columns.length;
  if (out.length < n || columns.area.length < n || columns.value.length < n || columns.deprivationMask.length < n) {
    throw new RangeError('Các cột và mảng kết quả phải có ít nhất `length` phần tử');
  }
  if (measure === 'scoreA' && !r.hasScoreCalibration) {
    throw new RangeError(`Chuẩn ${standard.id} chưa có thang điểm A (tham số scoreALine)`);
  }
  const score = measure === 'scoreA';
  // [poorOnly, line, averageUpper] per area (index = area code × 3), inclusive bounds; −∞ disables a test.
  const bounds = score ? r.scoreBounds : r.incomeBounds;
  const minDep = score ? r.minDeprivationsByScoreB : r.minDeprivations;
  const table = r.codeTable;
  const invalidBits = ~r.validMask;
  const area = columns.area;
  const value = columns.value;
  const masks = columns.deprivationMask;
  let invalid = 0;
  for (let i = 0; i < n; i++) {
    const a = area[i];
    const x = value[i];
    let m = masks[i];
    if (a > 1 || !(x >= 0 && x < Infinity) || (m & invalidBits) !== 0) {
      out[i] = INVALID;
      invalid++;
      continue;
    }
    // Deprivation count = popcount of the mask.
    m = m - ((m >>> 1) & 0x55555555);
    m = (m & 0x33333333) + ((m >>> 2) & 0x33333333);
    const d = Math.imul((m + (m >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
    // Branch-free form of decideByIncome / decideByScore: the four tests index the decision table
    // (random data would mispredict branches).
    const k = a * 3;
    out[i] = table[(+(x <= bounds[k]) << 3) | (+(x <= bounds[k + 1]) << 2) | (+(x <= bounds[k + 2]) << 1) | +(d >= minDep)];
  }
  return invalid;
}
