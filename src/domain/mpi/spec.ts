/**
 * Compiles indicator weights and the poverty cutoff k into an exact integer identification rule:
 * with D the common denominator of the weights, indicator j scores the integer W_j = w_j·D, a row's
 * deprivation score is the integer C = Σ W_j·g_j (so c = C/D), and the row is poor iff
 * C ≥ ceil(k·D/100) — which is exactly c ≥ k/100, with no floating point involved.
 */
import { MpiInputError } from './errors.ts';
import {
  add, ceil, compare, formatRational, lcm, multiply, rational, toNumber, toRational,
  type Rational, type RationalInput,
} from './rational.ts';

export interface MpiIndicatorWeight {
  readonly name: string;
  readonly weight: RationalInput;
}

/** Weights in indicator order, or a record name → weight (insertion order is the indicator order). */
export type MpiWeightsInput = ReadonlyArray<MpiIndicatorWeight> | Readonly<Record<string, RationalInput>>;

export interface MpiSpecInput {
  readonly indicators: MpiWeightsInput;
  /** Poverty cutoff in percent of the total weight (0 < k ≤ 100): "33", 33, "100/3". */
  readonly k: RationalInput;
}

export interface MpiSpec {
  readonly names: readonly string[];
  readonly weights: readonly Rational[];
  readonly weightNumbers: readonly number[];
  /** Cutoff in percent. */
  readonly k: Rational;
  /** Common denominator D of the weights. */
  readonly denominator: bigint;
  /** W_j = w_j·D (they sum to D). */
  readonly integerWeights: readonly bigint[];
  /** A row is poor iff its integer score C ≥ threshold. */
  readonly threshold: bigint;
  /** True when D is a safe integer, so scores can be summed exactly as JS numbers. */
  readonly safeIntegers: boolean;
}

const ONE = rational(1n);

function entriesOf(input: MpiWeightsInput): Array<[string, RationalInput]> {
  if (Array.isArray(input)) return (input as ReadonlyArray<MpiIndicatorWeight>).map((w) => [w.name, w.weight]);
  return Object.entries(input as Readonly<Record<string, RationalInput>>);
}

function describe(value: RationalInput): string {
  if (typeof value === 'object') return formatRational(value);
  return String(value);
}

export function parseMpiCutoff(k: RationalInput): Rational {
  const r = toRational(k);
  if (!r || r.num <= 0n || compare(r, rational(100n)) > 0) {
    throw new MpiInputError(
      'invalid-k',
      `Ngưỡng nghèo k phải là số phần trăm lớn hơn 0 và không quá 100, nhận được "${describe(k)}" ` +
        '(invalid cutoff k: expected a percentage in (0, 100]).',
    );
  }
  return r;
}

export function createMpiSpec(input: MpiSpecInput): MpiSpec {
  const entries = entriesOf(input.indicators);
  if (entries.length === 0) throw new MpiInputError('no-indicators', 'Cần khai báo ít nhất một chỉ số (no indicators).');
  const names: string[] = [];
  const weights: Rational[] = [];
  const seen = new Set<string>();
  let sum = rational(0n);
  let denominator = 1n;
  for (const [name, raw] of entries) {
    if (name.trim() === '') throw new MpiInputError('empty-name', 'Tên chỉ số không được để trống (empty indicator name).');
    if (seen.has(name)) throw new MpiInputError('duplicate-indicator', `Chỉ số "${name}" được khai báo hai lần (duplicate indicator).`);
    seen.add(name);
    const w = toRational(raw);
    if (!w) {
      throw new MpiInputError(
        'invalid-weight',
        `Trọng số của chỉ số "${name}" không hợp lệ: "${describe(raw)}" — dùng số thập phân (0.25) hoặc phân số (1/6).`,
      );
    }
    if (w.num <= 0n) throw new MpiInputError('invalid-weight', `Trọng số của chỉ số "${name}" phải lớn hơn 0, nhận được ${formatRational(w)}.`);
    names.push(name);
    weights.push(w);
    sum = add(sum, w);
    denominator = lcm(denominator, w.den);
  }
  if (compare(sum, ONE) !== 0) {
    throw new MpiInputError(
      'weights-sum',
      `Tổng trọng số các chỉ số phải bằng đúng 1, hiện là ${formatRational(sum)} (≈ ${toNumber(sum)}); ` +
        'hãy dùng phân số như 1/6 thay cho 0.1667 (weights must sum to exactly 1).',
    );
  }
  const k = parseMpiCutoff(input.k);
  const integerWeights = weights.map((w) => (w.num * denominator) / w.den);
  const threshold = ceil(multiply(k, rational(denominator, 100n)));
  return {
    names,
    weights,
    weightNumbers: weights.map(toNumber),
    k,
    denominator,
    integerWeights,
    threshold,
    safeIntegers: denominator <= BigInt(Number.MAX_SAFE_INTEGER),
  };
}

/** Exact deprivation score c = C/D of one row given its deprived indicator flags (indicator order). */
export function mpiDeprivationScore(spec: MpiSpec, deprived: ReadonlyArray<boolean>): Rational {
  let c = 0n;
  for (let j = 0; j < spec.integerWeights.length; j++) if (deprived[j]) c += spec.integerWeights[j];
  return rational(c, spec.denominator);
}
