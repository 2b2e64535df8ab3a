/**
 * Vietnamese number formatting: "." groups thousands, "," separates decimals (1.400.000; 6,25).
 */

/** ".000" … ".999" and "0" … "999". */
const GROUP: readonly string[] = Array.from({ length: 1000 }, (_, i) => `.${String(i).padStart(3, '0')}`);
const LEAD: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i));

/** Non-negative integer with "." thousands separators. */
function groupThousands(n: number): string {
  if (n < 1000) return LEAD[n];
  if (n < 1e6) return LEAD[Math.floor(n / 1000)] + GROUP[n % 1000];
  if (n < 1e9) return LEAD[Math.floor(n / 1e6)] + GROUP[Math.floor(n / 1000) % 1000] + GROUP[n % 1000];
  if (n < 1e15) {
    let text = GROUP[n % 1000];
    let rest = Math.floor(n / 1000);
    while (rest >= 1000) {
      text = GROUP[rest % 1000] + text;
      rest = Math.floor(rest / 1000);
    }
    return LEAD[rest] + text;
  }
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Formats a number with up to `maxDecimals` decimals, trailing zeros removed. */
export function formatNumberVi(x: number, maxDecimals = 2): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && x >= 0) return groupThousands(x);
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
  return negative && text !== '0' ? '-' + text : text;
}

/** "1.400.000 đ". */
export function formatVnd(x: number): string {
  if (x >= 0 && x < 1e9 && Math.floor(x) === x) {
    if (x < 1000) return LEAD[x] + ' đ';
    if (x < 1e6) return LEAD[Math.floor(x / 1000)] + GROUP[x % 1000] + ' đ';
    return LEAD[Math.floor(x / 1e6)] + GROUP[Math.floor(x / 1000) % 1000] + GROUP[x % 1000] + ' đ';
  }
  return formatNumberVi(x) + ' đ';
}

/** "75%" from a ratio 0.75. */
export function formatPercentVi(ratio: number): string {
  return formatNumberVi(ratio * 100) + '%';
}
