/**
 * Exact non-floating rationals for weights and poverty cutoffs. Values are always normalised:
 * denominator > 0 and gcd(numerator, denominator) = 1.
 */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/** Anything that can be turned into an exact rational: "1/6", "0.25", "33", 0.25, 3n or a Rational. */
export type RationalInput = Rational | string | number | bigint;

const MAX_EXPONENT = 400;
const DECIMAL = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?$/;

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

export function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function lcm(a: bigint, b: bigint): bigint {
  if (a === 0n || b === 0n) return 0n;
  return abs(a / gcd(a, b) * b);
}

export function rational(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new RangeError('Mẫu số bằng 0 / zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

function parseDecimal(text: string): Rational | undefined {
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const [, sign, body, expText] = m;
  const [intPart, fracPart = ''] = body.split('.');
  const exp = (expText === undefined ? 0 : Number(expText)) - fracPart.length;
  if (Math.abs(exp) > MAX_EXPONENT) return undefined;
  let num = BigInt((intPart || '0') + fracPart);
  if (sign === '-') num = -num;
  return exp >= 0 ? rational(num * 10n ** BigInt(exp)) : rational(num, 10n ** BigInt(-exp));
}

/**
 * Parses "1/6", "0.25", "33", "1e-2", "0.5/3" exactly. Returns undefined when the text is not a
 * number or a fraction of two numbers (or the denominator is zero).
 */
export function parseRational(text: string): Rational | undefined {
  const parts = text.trim().split('/');
  if (parts.length > 2) return undefined;
  const num = parseDecimal(parts[0].trim());
  if (!num) return undefined;
  if (parts.length === 1) return num;
  const den = parseDecimal(parts[1].trim());
  if (!den || den.num === 0n) return undefined;
  return divide(num, den);
}

/** Converts any accepted input to a Rational; numbers go through their shortest decimal form. */
export function toRational(value: RationalInput): Rational | undefined {
  if (typeof value === 'bigint') return rational(value);
  if (typeof value === 'number') return Number.isFinite(value) ? parseRational(String(value)) : undefined;
  if (typeof value === 'string') return parseRational(value);
  return value.den === 0n ? undefined : rational(value.num, value.den);
}

export function add(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function multiply(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

export function divide(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den, a.den * b.num);
}

/** -1, 0 or 1 as a <, =, > b — exact. */
export function compare(a: Rational, b: Rational): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export function equals(a: Rational, b: Rational): boolean {
  return a.num === b.num && a.den === b.den;
}

/** "1/6", "3" or "-2/5". */
export function formatRational(r: Rational): string {
  return r.den === 1n ? String(r.num) : `${r.num}/${r.den}`;
}

function bitLength(x: bigint): number {
  return abs(x).toString(2).length;
}

/** Nearest double (up to one final rounding) of an exact rational, also for huge numerators/denominators. */
export function toNumber(r: Rational): number {
  const safe = BigInt(Number.MAX_SAFE_INTEGER);
  if (abs(r.num) <= safe && r.den <= safe) return Number(r.num) / Number(r.den);
  const shift = bitLength(r.den) - bitLength(r.num) + 64;
  if (shift <= 0) return Number(r.num / r.den);
  return Number((r.num << BigInt(shift)) / r.den) * 2 ** -shift;
}

/** Smallest integer ≥ r. */
export function ceil(r: Rational): bigint {
  const q = r.num / r.den;
  return r.num > 0n && q * r.den !== r.num ? q + 1n : q;
}
