/** Rates as the dashboard shows them: percent with one decimal (vi: 18,9 %; en: 18.9 %). */
export function formatPercent(fraction: number | null | undefined, locale: 'vi' | 'en'): string {
  if (fraction == null || Number.isNaN(fraction)) return '—';
  return `${new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(fraction * 100)} %`;
}

/** A fraction as a percent number rounded to 0.01 for chart series (null stays a gap). */
export function percentValue(fraction: number | null | undefined): number | null {
  return fraction == null ? null : Math.round(fraction * 10000) / 100;
}
