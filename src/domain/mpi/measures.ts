/** Turns running sums into H, A, M0 and per-indicator ratios. Internal to the MPI module. */
import type { GroupSums } from './group-sums.ts';
import type { MpiSpec } from './spec.ts';
import type { MpiIndicatorMeasures, MpiMeasures } from './types.ts';

function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : 0;
}

/**
 * `scoreUnit` is the value of one unit of the summed scores: D when scores were summed as integers
 * C, 1 when they were summed as fractions c.
 */
export function measuresOf(sums: GroupSums, spec: MpiSpec, scoreUnit: number): MpiMeasures {
  const population = sums.population;
  const poorPopulation = sums.poorPopulation;
  const poorScore = sums.poorScore / scoreUnit;
  const M0 = ratio(poorScore, population);
  const entries: Array<[string, MpiIndicatorMeasures]> = spec.names.map((name, j) => {
    const weight = spec.weightNumbers[j];
    const censored = ratio(sums.poorDeprivedPopulation(j), population);
    const contributionAbsolute = weight * censored;
    const contribution = ratio(contributionAbsolute, M0);
    return [name, {
      weight,
      uncensored: ratio(sums.deprivedPopulation(j), population),
      censored,
      contributionAbsolute,
      contribution,
      contributionPercent: contribution * 100,
    }];
  });
  return {
    H: ratio(poorPopulation, population),
    A: ratio(poorScore, poorPopulation),
    M0,
    rows: sums.rows,
    poorRows: sums.poorRows,
    population,
    poorPopulation,
    indicators: Object.fromEntries(entries),
  };
}
