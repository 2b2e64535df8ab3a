/** Nested equal weights of a standard's official indicator set. */
import { nestedEqualWeights } from './nested-weights.ts';
import { OFFICIAL_INDICATOR_SETS, type MpiStandardId } from './official-indicator-sets.ts';
import type { MpiIndicatorWeight } from './spec.ts';

export function officialNestedWeights(standard: MpiStandardId): MpiIndicatorWeight[] {
  return nestedEqualWeights(OFFICIAL_INDICATOR_SETS[standard]);
}
