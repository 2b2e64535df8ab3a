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

/** The search fold stored in `*_ascii` columns and applied to queries. */
export function searchFold(s: string): string {
  return toAscii(s).toLowerCase();
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
