/**
 * The one normalisation behind every `*_ascii` column and every registry search: NFC with single spaces
 * (cleanText), then NFD with combining marks removed, đ/Đ → d, lower case. "Nguyễn Văn A" and
 * "nguyen van a" fold to the same text, so `like` on the folded column ignores diacritics and case.
 */
import { cleanText, toAscii } from '../units/text.ts';

/** A person's or place's name as stored: NFC, trimmed, single spaces. */
export function cleanName(s: string): string {
  return cleanText(s);
}

/** The search fold by definition (the fast path below must give exactly this). */
function slowFold(s: string): string {
  return toAscii(s).toLowerCase();
}

/**
 * The fold of each UTF-16 code unit below U+1F00 that folds on its own to ASCII: ASCII letters lower-cased,
 * Latin letters with diacritics (all of Vietnamese) to their base letter, combining marks U+0300–U+036F
 * to ''. Undefined for everything else (other scripts, Æ, Ø…) and for what cleanText would change
 * (whitespace other than the plain space, the typographic apostrophes): such text takes the slow path.
 */
let FOLD: Array<string | undefined> | null = null;

function foldTable(): Array<string | undefined> {
  const table: Array<string | undefined> = [];
  for (let c = 0; c < 0x1f00; c++) {
    if (c >= 0x370 && c < 0x1e00) continue;
    const ch = String.fromCharCode(c);
    if (c === 32) table[c] = ' ';
    if (/\s|[\u2018\u2019\u02bc]/u.test(ch)) continue;
    const f = c >= 0x300 && c <= 0x36f ? '' : slowFold(ch);
    // eslint-disable-next-line no-control-regex
    if (/^[\u0000-\u007f]?$/u.test(f)) table[c] = f;
  }
  return table;
}

/**
 * The search fold stored in `*_ascii` columns and applied to queries. Text made only of ASCII and Latin
 * letters with diacritics, already trimmed and single-spaced (nearly every name), is folded one code unit
 * at a time; any other text takes the definition (cleanText, NFD, marks removed, NFC, lower case).
 */
export function searchFold(s: string): string {
  const fold = FOLD ?? (FOLD = foldTable());
  const n = s.length;
  let out = '';
  // A space at the start, after a space or at the end is cleaned by the definition.
  let prev = 32;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const f = fold[c];
    if (f === undefined || (c === 32 && prev === 32)) return slowFold(s);
    out += f;
    prev = c;
  }
  return prev === 32 && n > 0 ? slowFold(s) : out;
}

/** A `like` pattern matching the folded query anywhere, with `%`, `_` and `\` escaped. */
export function containsPattern(query: string): string {
  return `%${escapeLike(searchFold(query))}%`;
}

/** `text` with LIKE's wildcards and escape character escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A household code typed in a search box (letters, digits, `.`, `_`, `/`, `-`; no spaces), else null. */
export function codeQuery(text: string): string | null {
  const code = text.trim();
  return /^[\p{L}\d._/-]+$/u.test(code) && /\d/.test(code) ? code : null;
}

/** Today's date in Vietnam (UTC+7) as `YYYY-MM-DD`. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
