/**
 * Alkire-Foster multidimensional poverty measures (H, A, M0, headcount ratios, contributions,
 * subgroup decomposition, changes over time) with exact identification. Pure TypeScript: runs in
 * Node and in the browser.
 */
export { MpiInputError } from './errors.ts';
export {
  compare as compareRationals, formatRational, parseRational, rational, toNumber as rationalToNumber, toRational,
  type Rational, type RationalInput,
} from './rational.ts';
export {
  createMpiSpec, mpiDeprivationScore, parseMpiCutoff,
  type MpiIndicatorWeight, type MpiSpec, type MpiSpecInput, type MpiWeightsInput,
} from './spec.ts';
export { nestedEqualWeights, type MpiDimension, type MpiDimensionStructure } from './nested-weights.ts';
export {
  isMpiStandardId, MPI_STANDARD_IDS, OFFICIAL_INDICATOR_SETS, type MpiStandardId,
} from './official-indicator-sets.ts';
export { officialNestedWeights } from './official-weights.ts';
export {
  computeMpi, computeMpiAsync, MpiAccumulator, type MpiDeprivationValue, type MpiRow,
} from './accumulator.ts';
export type {
  MpiIndicatorMeasures, MpiMeasures, MpiResult, MpiSpecificationSummary, MpiSubgroupMeasures,
} from './types.ts';
export {
  mpiValueChange, compareMpi, type MpiValueChange, type MpiChangeOptions, type MpiIndicatorChange, type MpiMeasuresChange, type MpiChange,
} from './change.ts';
export { MpiCsvParser, parseMpiCsv, parseMpiCsvChunks, type MpiCsvOptions, type MpiCsvRecord } from './csv.ts';
export { createMpiCsvRowReader, type MpiCsvColumns, type MpiCsvRowReader } from './csv-rows.ts';
