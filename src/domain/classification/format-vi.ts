/**
 * Vietnamese number formatting: "." groups thousands, "," separates decimals (1.400.000; 6,25).
 */

function groupThousands(n: number): string {
  const s = String(n);
  if (n < 1000) return s;
  let out = '';
  const first = s.length % 3 || 3;
  out = s.slice(0, first);
  for (let i = first; i < s.length; i += 3) out += '.' + s.slice(i, i + 3);
  return out;
}

/** Formats a number with up to `maxDecimals` decimals, trailing zeros removed. */
export function formatNumberVi(x: number, maxDecimals = 2): string {
  if (!Number.isFinite(x)) return String(x);
  const negative = x < 0;
  const factor = 10 ** maxDecimals;
  const scaled = Math.round(Math.abs(x) * factor);
  const int = Math.floor(scaled / factor);
  let frac = scaled - int * factor;
  let text = groupThousands(int);
  if (frac > 0) {
    let digits = maxDecimals;
    while (frac % 10 === 0) {
      frac /= 10;
      digits--;
    }
    text += ',' + String(frac).padStart(digits, '0');
  }
  return negative ? '-' + text : text;
}

/** "1.400.000 đ". */
export function formatVnd(x: number): string {
  return formatNumberVi(x) + ' đ';
}

/** "75%" from a ratio 0.75. */
export function formatPercentVi(ratio: number): string {
  return formatNumberVi(ratio * 100) + '%';
}
