/** Public result types of the Alkire-Foster computation. All ratios are fractions in [0, 1]. */

export interface MpiIndicatorMeasures {
  /** Indicator weight w_j (as a number; the exact value is in `MpiResult.specification`). */
  readonly weight: number;
  /** Uncensored headcount ratio: share of the population deprived in the indicator. */
  readonly uncensored: number;
  /** Censored headcount ratio: share of the population that is poor and deprived in the indicator. */
  readonly censored: number;
  /** Absolute contribution w_j·censored_j; these sum to M0. */
  readonly contributionAbsolute: number;
  /** Share of M0 due to the indicator, w_j·censored_j / M0 (sums to 1; 0 when M0 = 0). mpitbR's "contribution". */
  readonly contribution: number;
  /** The same share in percent (sums to 100). */
  readonly contributionPercent: number;
}

export interface MpiMeasures {
  /** Incidence (headcount ratio): share of the population identified as poor. */
  readonly H: number;
  /** Intensity: average deprivation score among the poor (0 when nobody is poor). */
  readonly A: number;
  /** Adjusted headcount ratio M0 = H × A = mean censored deprivation score. */
  readonly M0: number;
  /** Number of input rows. */
  readonly rows: number;
  /** Number of rows identified as poor. */
  readonly poorRows: number;
  /** Sum of row weights (households, persons or weighted population). */
  readonly population: number;
  /** Sum of the weights of poor rows. */
  readonly poorPopulation: number;
  readonly indicators: Readonly<Record<string, MpiIndicatorMeasures>>;
}

export interface MpiSubgroupMeasures extends MpiMeasures {
  /** Population share of the subgroup in the whole sample. */
  readonly populationShare: number;
  /** Share of the total M0 due to this subgroup: populationShare·M0_g / M0 (sums to 1 over subgroups). */
  readonly contributionToM0: number;
}

export interface MpiSpecificationSummary {
  /** Cutoff k in percent, exact ("33", "100/3"). */
  readonly k: string;
  /** Exact weights by indicator ("1/6"), in indicator order. */
  readonly weights: Readonly<Record<string, string>>;
}

export interface MpiResult extends MpiMeasures {
  readonly specification: MpiSpecificationSummary;
  /** Per-subgroup results (empty when rows carry no group). */
  readonly subgroups: Readonly<Record<string, MpiSubgroupMeasures>>;
}
