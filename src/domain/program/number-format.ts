/**
 * Numbers as the program's screens, charts, PDFs and Excel labels write them, whatever the language
 * of the screen or the locale data of the runtime: thousands grouped with "." and a decimal comma
 * ("40.000", "17,83"). Written out rather than left to Intl, whose 'vi-VN' data a small-ICU runtime
 * lacks (it would silently fall back to "40,000").
 */

/** x rounded to at most `fractionDigits` decimals, trailing zeros dropped: 40000 → "40.000", 17.834 → "17,83", -0.5 → "-0,5". */
export function formatNumberVi(x: number, fractionDigits = 2): string {
  if (!Number.isFinite(x)) return '—';
  const scale = 10 ** fractionDigits;
  const scaled = Math.round(Math.abs(x) * scale);
  const whole = Math.floor(scaled / scale);
  const frac = fractionDigits > 0 ? String(scaled % scale).padStart(fractionDigits, '0').replace(/0+$/, '') : '';
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = x < 0 && scaled > 0 ? '-' : '';
  return `${sign}${grouped}${frac ? `,${frac}` : ''}`;
}

/** An ECharts label or tooltip value (a number, [x, y] or { value }) formatted as above; '' when not a number. */
export function formatChartValue(v: unknown): string {
  const x = typeof v === 'object' && v !== null && 'value' in v ? (v as { value: unknown }).value : v;
  const y = Array.isArray(x) ? x[x.length - 1] : x;
  return typeof y === 'number' ? formatNumberVi(y) : '';
}
