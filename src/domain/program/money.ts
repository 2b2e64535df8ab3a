/**
 * Money in đồng (VND) as bigint: amounts travel as strings of digits (JSON has no 64-bit integers)
 * and are never floating-point. Percentages are computed in integers and only then divided.
 */

/** A non-negative whole number of đồng written as digits ("1500000"), or null. */
export function parseVnd(s: unknown): bigint | null {
  if (typeof s === 'bigint') return s >= 0n ? s : null;
  if (typeof s === 'number') return Number.isSafeInteger(s) && s >= 0 ? BigInt(s) : null;
  if (typeof s !== 'string' || !/^\d{1,18}$/.test(s.trim())) return null;
  return BigInt(s.trim());
}

export function sumVnd(xs: Iterable<bigint>): bigint {
  let t = 0n;
  for (const x of xs) t += x;
  return t;
}

/** "1.500.000" (Vietnamese grouping with dots). */
export function formatVnd(x: bigint): string {
  const neg = x < 0n;
  const digits = (neg ? -x : x).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return neg ? `-${digits}` : digits;
}

/** Millions of đồng with one decimal, as reports show them ("1.234,5"). */
export function formatMillions(x: bigint): string {
  const tenths = (x * 10n + (x >= 0n ? 500_000n : -500_000n)) / 1_000_000n;
  const whole = tenths / 10n;
  const frac = (tenths < 0n ? -tenths : tenths) % 10n;
  return `${formatVnd(whole)},${frac}`;
}

/** part / whole in percent with two decimals (0 when whole is 0). */
export function percentOf(part: bigint, whole: bigint): number {
  if (whole === 0n) return 0;
  return Number((part * 10000n) / whole) / 100;
}
