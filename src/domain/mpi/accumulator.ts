/**
 * Streaming Alkire-Foster accumulator: `add(row)` one unit of analysis at a time (household or
 * person), then `result()`. Memory is proportional to the number of indicators × subgroups, not to
 * the number of rows, so arbitrarily large inputs can be processed.
 */
import { MpiInputError } from './errors.ts';
import { GroupSums } from './group-sums.ts';
import { measuresOf } from './measures.ts';
import { formatRational, rational, toNumber } from './rational.ts';
import { createMpiSpec, type MpiSpec, type MpiSpecInput } from './spec.ts';
import type { MpiResult, MpiSubgroupMeasures } from './types.ts';

/** A deprivation flag: 1/true = deprived, 0/false = not deprived. Anything else is rejected. */
export type MpiDeprivationValue = 0 | 1 | boolean;

export interface MpiRow {
  /** Flags in indicator order, or a record keyed by indicator name. */
  readonly deprivations: ReadonlyArray<MpiDeprivationValue> | Readonly<Record<string, MpiDeprivationValue>>;
  /**
   * Row weight, default 1: a sampling weight, a household size (person-weighted measures from
   * household rows) or their product. Must be finite and ≥ 0.
   */
  readonly weight?: number;
  /** Subgroup value for decomposition (e.g. a province code). Rows without a group count in the total only. */
  readonly group?: string;
}

function isSpec(value: MpiSpec | MpiSpecInput): value is MpiSpec {
  return 'integerWeights' in value;
}

function flag(value: unknown, name: string, rowNumber: number): boolean {
  if (value === 1 || value === true) return true;
  if (value === 0 || value === false) return false;
  throw new MpiInputError(
    'invalid-deprivation',
    `Bản ghi thứ ${rowNumber}, chỉ số "${name}": giá trị ${JSON.stringify(value) ?? 'undefined'} không hợp lệ — ` +
      'chỉ số thiếu hụt phải là 0 hoặc 1 (deprivation must be 0 or 1).',
  );
}

export class MpiAccumulator {
  readonly spec: MpiSpec;
  private readonly total: GroupSums;
  private readonly groups = new Map<string, GroupSums>();
  private readonly numberWeights: readonly number[];
  private readonly numberThreshold: number;
  private readonly scoreUnit: number;
  private readonly flags: boolean[];

  constructor(spec: MpiSpec | MpiSpecInput) {
    this.spec = isSpec(spec) ? spec : createMpiSpec(spec);
    const m = this.spec.names.length;
    this.total = new GroupSums(m);
    this.flags = Array.from({ length: m }, () => false);
    this.numberWeights = this.spec.integerWeights.map(Number);
    this.numberThreshold = Number(this.spec.threshold);
    this.scoreUnit = this.spec.safeIntegers ? Number(this.spec.denominator) : 1;
  }

  /** Number of rows added so far. */
  get rows(): number {
    return this.total.rows;
  }

  private readFlags(row: MpiRow, rowNumber: number): boolean[] {
    const names = this.spec.names;
    const d = row.deprivations;
    if (Array.isArray(d)) {
      if (d.length !== names.length) {
        throw new MpiInputError(
          'wrong-length',
          `Bản ghi thứ ${rowNumber}: có ${d.length} giá trị thiếu hụt, cần ${names.length} (wrong number of deprivations).`,
        );
      }
      for (let j = 0; j < names.length; j++) this.flags[j] = flag(d[j], names[j], rowNumber);
    } else {
      const record = d as Readonly<Record<string, unknown>>;
      for (let j = 0; j < names.length; j++) {
        const value = Object.hasOwn(record, names[j]) ? record[names[j]] : undefined;
        this.flags[j] = flag(value, names[j], rowNumber);
      }
    }
    return this.flags;
  }

  private readWeight(row: MpiRow, rowNumber: number): number {
    const w = row.weight ?? 1;
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      throw new MpiInputError(
        'invalid-weight-value',
        `Bản ghi thứ ${rowNumber}: trọng số ${String(w)} không hợp lệ — phải là số hữu hạn, không âm (invalid row weight).`,
      );
    }
    return w;
  }

  /** Adds one row and returns whether it is identified as poor (c ≥ k, decided exactly). */
  add(row: MpiRow): boolean {
    const rowNumber = this.total.rows + 1;
    const deprived = this.readFlags(row, rowNumber);
    const weight = this.readWeight(row, rowNumber);
    let poor: boolean;
    let weightedScore: number;
    if (this.spec.safeIntegers) {
      let c = 0;
      for (let j = 0; j < deprived.length; j++) if (deprived[j]) c += this.numberWeights[j];
      poor = c >= this.numberThreshold;
      weightedScore = weight * c;
    } else {
      let c = 0n;
      for (let j = 0; j < deprived.length; j++) if (deprived[j]) c += this.spec.integerWeights[j];
      poor = c >= this.spec.threshold;
      weightedScore = weight * toNumber(rational(c, this.spec.denominator));
    }
    this.total.add(weight, poor, weightedScore, deprived);
    if (row.group !== undefined) {
      let sums = this.groups.get(row.group);
      if (!sums) {
        sums = new GroupSums(deprived.length);
        this.groups.set(row.group, sums);
      }
      sums.add(weight, poor, weightedScore, deprived);
    }
    return poor;
  }

  addAll(rows: Iterable<MpiRow>): this {
    for (const row of rows) this.add(row);
    return this;
  }

  result(): MpiResult {
    const overall = measuresOf(this.total, this.spec, this.scoreUnit);
    const keys = [...this.groups.keys()].toSorted((a, b) => a.localeCompare(b, 'vi', { numeric: true }));
    const subgroups = keys.map((key): [string, MpiSubgroupMeasures] => {
      const measures = measuresOf(this.groups.get(key) as GroupSums, this.spec, this.scoreUnit);
      const populationShare = overall.population > 0 ? measures.population / overall.population : 0;
      const contributionToM0 = overall.M0 > 0 ? (populationShare * measures.M0) / overall.M0 : 0;
      return [key, { ...measures, populationShare, contributionToM0 }];
    });
    return {
      ...overall,
      specification: {
        k: formatRational(this.spec.k),
        weights: Object.fromEntries(this.spec.names.map((n, j) => [n, formatRational(this.spec.weights[j])])),
      },
      subgroups: Object.fromEntries(subgroups),
    };
  }
}

/** Computes the measures over an in-memory or lazily generated collection of rows. */
export function computeMpi(rows: Iterable<MpiRow>, spec: MpiSpec | MpiSpecInput): MpiResult {
  return new MpiAccumulator(spec).addAll(rows).result();
}

/** Same as computeMpi for async sources (streams of parsed records). */
export async function computeMpiAsync(
  rows: AsyncIterable<MpiRow> | Iterable<MpiRow>,
  spec: MpiSpec | MpiSpecInput,
): Promise<MpiResult> {
  const acc = new MpiAccumulator(spec);
  for await (const row of rows) acc.add(row);
  return acc.result();
}
