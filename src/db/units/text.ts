/**
 * Text helpers for unit names: NFC, single spaces and ASCII apostrophes for stored names, an ASCII fold for
 * diacritic-insensitive search (Mường Tè → Muong Te, Đ/đ → D/d).
 */

const COMBINING = /[\u0300-\u036f]/u;
const UNTIDY = /\s\s|^\s|\s$|[^\S ]|[\u2018\u2019\u02bc]/u;

/**
 * NFC, trimmed, inner whitespace collapsed to one space, typographic apostrophes (’ ‘ ʼ) as ASCII ' —
 * sources spell "M’Drắk" and "M'Drắk" both ways, and value_before comparisons must not depend on it.
 */
export function cleanText(s: string): string {
  // Fast path (the bundled load cleans ~100k strings): only decomposed text needs NFC, only untidy text the replacements.
  const t = COMBINING.test(s) ? s.normalize('NFC') : s;
  return UNTIDY.test(t) ? t.replace(/\s+/gu, ' ').replace(/[\u2018\u2019\u02bc]/gu, "'").trim() : t;
}

/** Removes Vietnamese diacritics: decomposes, drops combining marks, maps đ/Đ to d/D. */
export function toAscii(s: string): string {
  return cleanText(s)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/đ/gu, 'd')
    .replace(/Đ/gu, 'D')
    .normalize('NFC');
}

/** Search words of a query: ASCII-folded, lower case, letters and digits only. */
export function searchWords(query: string): string[] {
  return toAscii(query)
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter((w) => w.length > 0);
}
