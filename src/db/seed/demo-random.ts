/**
 * Deterministic randomness for the demo data: a small seeded generator (sfc32) with the draws the
 * generator needs. Every commune gets its own stream derived from the run seed and the commune code, so a
 * commune's households do not change when other communes are added to or left out of a run.
 */

/** 32-bit FNV-1a hash of a string (stream keys). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const WEIGHT_TABLES = new WeakMap<object, { keys: string[]; cumulative: number[]; total: number }>();

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare: number | null = null;

  constructor(seed: number, key = '') {
    this.a = seed >>> 0;
    this.b = hashString(key) ^ 0x9e3779b9;
    this.c = Math.imul(seed ^ 0x85ebca6b, 0xc2b2ae35) >>> 0;
    this.d = 1;
    // Warm up so that close seeds give unrelated streams.
    for (let i = 0; i < 16; i++) this.next();
  }

  /** A stream for a sub-key (e.g. one commune, one year). */
  fork(key: string): Random {
    return new Random(this.nextUint32(), key);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  uniform(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** Standard normal (Marsaglia polar method). */
  normal(mean = 0, sd = 1): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return mean + sd * s;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = this.next() * 2 - 1;
      v = this.next() * 2 - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    return mean + sd * u * f;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Index drawn with the given (not necessarily normalised) weights. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** Key drawn from a record of weights (the record's keys and cumulative weights are cached). */
  weighted<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K {
    let table = WEIGHT_TABLES.get(weights);
    if (table === undefined) {
      const keys = Object.keys(weights);
      const cumulative: number[] = [];
      let total = 0;
      for (const k of keys) {
        total += (weights as Record<string, number>)[k] ?? 0;
        cumulative.push(total);
      }
      table = { keys, cumulative, total };
      WEIGHT_TABLES.set(weights, table);
    }
    const r = this.next() * table.total;
    const c = table.cumulative;
    for (let i = 0; i < c.length; i++) if (r < c[i]!) return table.keys[i] as K;
    return table.keys[c.length - 1] as K;
  }

  /** Fisher–Yates shuffle in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i]!;
      items[i] = items[j]!;
      items[j] = t;
    }
    return items;
  }
}

/** Logistic function. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
