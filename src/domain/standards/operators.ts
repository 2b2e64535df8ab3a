/**
 * Evaluating and printing thresholds. Thresholds are data (`{value, operator}`); these helpers are the
 * only place that interprets an operator.
 */
import type { ComparisonOperator, Threshold } from './types.ts';

/** `x <op> t.value`. */
export function satisfies(x: number, t: Threshold): boolean {
  switch (t.operator) {
    case '<=':
      return x <= t.value;
    case '<':
      return x < t.value;
    case '>=':
      return x >= t.value;
    case '>':
      return x > t.value;
  }
}

const SYMBOL: Readonly<Record<ComparisonOperator, string>> = { '<=': '≤', '<': '<', '>=': '≥', '>': '>' };
const NEGATED: Readonly<Record<ComparisonOperator, string>> = { '<=': '>', '<': '≥', '>=': '<', '>': '≤' };

/** Printable symbol of the operator (≤, <, ≥, >). */
export function operatorSymbol(op: ComparisonOperator): string {
  return SYMBOL[op];
}

/** Printable symbol of the negated operator, used when a value fails the threshold. */
export function negatedOperatorSymbol(op: ComparisonOperator): string {
  return NEGATED[op];
}

const scratch = new Float64Array(1);
const scratchBits = new BigInt64Array(scratch.buffer);

/** Largest double strictly below `v` (so that `x < v` ⇔ `x <= nextDown(v)` for every double x). */
export function nextDown(v: number): number {
  if (Number.isNaN(v) || v === -Infinity) return v;
  if (v === 0) return -Number.MIN_VALUE;
  scratch[0] = v;
  scratchBits[0] += v > 0 ? -1n : 1n;
  return scratch[0];
}

/**
 * Rewrites an upper bound (`<=` or `<`) as an inclusive bound: returns `b` such that
 * `satisfies(x, t)` ⇔ `x <= b`. Used to precompile thresholds for fast paths.
 */
export function inclusiveUpperBound(t: Threshold): number {
  if (t.operator === '<=') return t.value;
  if (t.operator === '<') return nextDown(t.value);
  throw new RangeError(`Ngưỡng ${t.operator} ${t.value} không phải là ngưỡng trên`);
}

/** Smallest non-negative integer n with `satisfies(n * step, t)` for a lower-bound threshold (≥ or >). */
export function minimumCount(t: Threshold, step = 1, limit = 64): number {
  for (let n = 0; n <= limit; n++) if (satisfies(n * step, t)) return n;
  return limit + 1;
}
