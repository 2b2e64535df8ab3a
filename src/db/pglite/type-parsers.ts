/**
 * Result-type parsing shared by both database kinds so application code sees the same JS types:
 * int8 → number (counts, ids: always < 2^53 here), date → 'YYYY-MM-DD' string (never a local-time Date),
 * numeric → string (exact decimals stay exact), timestamptz → Date.
 */
export const OID_INT8 = 20;
export const OID_DATE = 1082;

export function parseInt8(value: string): number {
  return Number(value);
}

export function parseDate(value: string): string {
  return value;
}
