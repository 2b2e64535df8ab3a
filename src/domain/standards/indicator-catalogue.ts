/**
 * Indicator listings for user interfaces, exports and the MPI: id, Vietnamese labels, dimension and weight.
 */
import type { PovertyStandard } from './poverty-standard.ts';
import type { DimensionId, IndicatorId } from './types.ts';

export interface IndicatorListing {
  readonly id: IndicatorId;
  /** Bit position in a deprivation mask. */
  readonly index: number;
  readonly label: string;
  readonly shortLabel: string;
  readonly dimension: DimensionId;
  readonly dimensionLabel: string;
  readonly weight: number;
}

/** The indicators of a standard in official order with Vietnamese labels and MPI weights. */
export function listIndicators(standard: PovertyStandard): IndicatorListing[] {
  const dimLabel = new Map(standard.dimensions.map((d) => [d.id, d.label]));
  return standard.indicators.map((ind, index) => ({
    id: ind.id,
    index,
    label: ind.label,
    shortLabel: ind.shortLabel,
    dimension: ind.dimension,
    dimensionLabel: dimLabel.get(ind.dimension) ?? ind.dimension,
    weight: standard.parameters.indicatorWeights[ind.id] ?? 0,
  }));
}

/** Index of an indicator in the standard (bit position), or -1 when it does not belong to it. */
export function indicatorIndex(standard: PovertyStandard, id: string): number {
  return standard.indicators.findIndex((ind) => ind.id === id);
}

export interface ParameterListing {
  readonly key: string;
  readonly status: 'C' | 'S' | 'UNCONFIRMED';
  readonly description: string;
  readonly overridden: boolean;
  readonly value: unknown;
}

/** All parameters of a standard with status, description and current value (for documentation and administration). */
export function describeParameters(standard: PovertyStandard): ParameterListing[] {
  const overridden = new Set<string>(standard.overriddenParameters);
  return Object.entries(standard.parameterInfo).map(([key, info]) => ({
    key,
    status: info.status,
    description: info.description,
    overridden: overridden.has(key),
    value: (standard.parameters as unknown as Record<string, unknown>)[key],
  }));
}
