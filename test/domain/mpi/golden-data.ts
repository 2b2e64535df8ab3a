/**
 * Locates the peer golden data (mpitbR on its synthetic data set) in ../shared relative to the
 * repository root. CI always has it; elsewhere the tests that need it skip with this reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const GOLDEN_DIR = path.resolve(REPO_ROOT, '../shared/peer/mpi-syn-cdta');
export const GOLDEN_CSV = path.join(GOLDEN_DIR, 'syn_cdta_t1.csv');
export const GOLDEN_EXPECTED = path.join(GOLDEN_DIR, 'expected.json');

export interface GoldenExpected {
  readonly indicators: Record<string, string>;
  readonly k_percent: number;
  readonly national: { H: number; A: number; M0: number };
  readonly indicators_result: Record<string, { uncensored: number; censored: number; contribution: number }>;
  readonly subgroups_by_region_M0_examples: Record<string, number>;
}

/** Undefined when present; otherwise the reason the golden tests are skipped. */
export function goldenMissingReason(): string | undefined {
  if (existsSync(GOLDEN_CSV) && existsSync(GOLDEN_EXPECTED)) return undefined;
  return `bỏ qua: không có dữ liệu đối chiếu ${GOLDEN_DIR} (golden data ../shared/peer/mpi-syn-cdta absent; CI always has it)`;
}

export function readExpected(): GoldenExpected {
  return JSON.parse(readFileSync(GOLDEN_EXPECTED, 'utf8')) as GoldenExpected;
}

/**
 * Tolerance of the golden comparison, as required by issue 6 (1e-9). The peer README suggests
 * 5e-10 (half a unit of the 9th printed decimal), but expected.json itself is not rounded that
 * closely: d_nutr.censored and d_sani.censored differ from the exact count ratios by 5.8e-10.
 */
export const GOLDEN_TOLERANCE = 1e-9;
/** The subgroup examples are printed with 7 decimals. */
export const SUBGROUP_TOLERANCE = 5e-8 + 1e-12;

/**
 * Figures of expected.json that disagree with the exact integer-count ratios of the data by more
 * than GOLDEN_TOLERANCE (checked independently by counting in golden.test.ts, and with Python
 * fractions): multiplied by the 7,434 rows, their printed values are not whole counts (345.000008,
 * 1282.000013), so no exact computation can print them. They are compared with the wider tolerance
 * PEER_DISCREPANCY_TOLERANCE, and the oracle test pins our figures to the exact ratios, so the
 * disagreement stays visible and a change on either side fails.
 */
export const PEER_DISCREPANCIES: Readonly<Record<string, string>> = {
  'd_cm.censored': 'exact 345/7434 = 0.0464083939 (prints 0.046408394); expected.json has 0.046408395',
  'd_cm.contribution': 'exact (1/6)(345/7434)/M0 = 0.0543107520 (prints 0.054310752); expected.json has 0.054310753',
  'd_hsg.censored': 'exact 1282/7434 = 0.1724509013 (prints 0.172450901); expected.json has 0.172450903',
};
/** The largest disagreement above is 1.74e-9 (d_hsg.censored). */
export const PEER_DISCREPANCY_TOLERANCE = 2e-9;
