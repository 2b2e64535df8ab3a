/**
 * Summary records: a household already reduced to area, income or score A, and its deprived indicators
 * — the form in which registers and imports usually hold review results.
 */
import type { AreaType } from '../standards/types.ts';

export interface SummaryRecord {
  readonly id?: string | number | null;
  readonly area: AreaType;
  /** Measured monthly per-capita income in VND. */
  readonly income?: number;
  /** Score A (B1 points). When present it decides poor / near-poor; income then only serves the average band. */
  readonly scoreA?: number;
  /** Deprived indicator ids of the standard (no duplicates). */
  readonly deprivations: readonly string[];
}
