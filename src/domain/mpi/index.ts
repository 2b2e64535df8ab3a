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
  createMpiSpec, deprivationScore, parseCutoff,
  type IndicatorWeight, type MpiSpec, type MpiSpecInput, type WeightsInput,
} from './spec.ts';
export { nestedEqualWeights, type Dimension, type DimensionStructure } from './nested-weights.ts';
export {
  isMpiStandardId, MPI_STANDARD_IDS, OFFICIAL_INDICATOR_SETS, type MpiStandardId,
} from './official-indicator-sets.ts';
export { officialNestedWeights } from './official-weights.ts';
export {
  computeMpi, computeMpiAsync, MpiAccumulator, type DeprivationValue, type MpiRow,
} from './accumulator.ts';
export type {
  IndicatorMeasures, MpiMeasures, MpiResult, MpiSpecificationSummary, MpiSubgroupMeasures,
} from './types.ts';
export {
  change, compareMpi, type Change, type ChangeOptions, type IndicatorChange, type MeasuresChange, type MpiChange,
} from './change.ts';
export { CsvParser, parseCsv, parseCsvChunks, type CsvOptions, type CsvRecord } from './csv.ts';
export { createCsvRowReader, type CsvColumns, type CsvRowReader } from './csv-rows.ts';
