/**
 * Deprivation sets by mask: the ordered indicator ids and the joined short labels of every mask seen,
 * built once and shared (frozen) by all households with the same deprivations.
 */
import type { IndicatorId } from '../standards/types.ts';

export interface DeprivationSet {
  readonly mask: number;
  readonly count: number;
  /** Deprived indicator ids in the standard's order. */
  readonly ids: readonly IndicatorId[];
  /** Short Vietnamese labels joined with ", ". */
  readonly labels: string;
}

/** Masks of standards with up to this many indicators are cached in a dense array. */
const DENSE_BITS = 16;

export class DeprivationSets {
  readonly #ids: readonly IndicatorId[];
  readonly #labels: readonly string[];
  readonly #dense: (DeprivationSet | undefined)[] | null;
  readonly #sparse = new Map<number, DeprivationSet>();

  constructor(ids: readonly IndicatorId[], shortLabels: readonly string[]) {
    this.#ids = ids;
    this.#labels = shortLabels;
    this.#dense = ids.length <= DENSE_BITS ? Array.from({ length: 1 << ids.length }) : null;
  }

  #build(mask: number): DeprivationSet {
    const ids: IndicatorId[] = [];
    let labels = '';
    for (let i = 0; i < this.#ids.length; i++) {
      if ((mask & (1 << i)) === 0) continue;
      ids.push(this.#ids[i]);
      labels += (labels === '' ? '' : ', ') + this.#labels[i];
    }
    return Object.freeze({ mask, count: ids.length, ids: Object.freeze(ids), labels });
  }

  get(mask: number): DeprivationSet {
    const dense = this.#dense;
    if (dense !== null) {
      let set = dense[mask];
      if (set === undefined) {
        set = this.#build(mask);
        dense[mask] = set;
      }
      return set;
    }
    let set = this.#sparse.get(mask);
    if (set === undefined) {
      set = this.#build(mask);
      this.#sparse.set(mask, set);
    }
    return set;
  }
}
