/**
 * Nested equal weights: each dimension gets 1/(number of dimensions), split equally among its
 * indicators. Exact rationals, so they always sum to exactly 1.
 */
import { MpiInputError } from './errors.ts';
import { rational } from './rational.ts';
import type { MpiIndicatorWeight } from './spec.ts';

export interface MpiDimension {
  readonly id: string;
  readonly indicators: readonly string[];
}

export type MpiDimensionStructure = readonly MpiDimension[];

export function nestedEqualWeights(structure: MpiDimensionStructure): MpiIndicatorWeight[] {
  if (structure.length === 0) throw new MpiInputError('no-dimensions', 'Cần ít nhất một chiều (no dimensions).');
  const dimensions = BigInt(structure.length);
  const weights: MpiIndicatorWeight[] = [];
  for (const dimension of structure) {
    if (dimension.indicators.length === 0) {
      throw new MpiInputError('empty-dimension', `Chiều "${dimension.id}" không có chỉ số nào (empty dimension).`);
    }
    const w = rational(1n, dimensions * BigInt(dimension.indicators.length));
    for (const name of dimension.indicators) weights.push({ name, weight: w });
  }
  return weights;
}
