/**
 * Compact class codes used by the fast paths (one byte per household), and their decoding.
 */
import type { HouseholdClass, PoorSubtype } from './result.ts';

export const CLASS_CODE = Object.freeze({
  NONE: 0,
  AVERAGE: 1,
  NEAR_POOR: 2,
  /** Poor (standards without subtype). */
  POOR: 3,
  /** QĐ 59 poor, subtype income. */
  POOR_INCOME: 4,
  /** QĐ 59 poor, subtype multidimensional. */
  POOR_MULTIDIMENSIONAL: 5,
  /** Record rejected by a batch classifier. */
  INVALID: 255,
} as const);

export type ClassCode = (typeof CLASS_CODE)[keyof typeof CLASS_CODE];

const CLASS_BY_CODE: readonly (HouseholdClass | undefined)[] = ['none', 'average', 'near_poor', 'poor', 'poor', 'poor'];
const SUBTYPE_BY_CODE: readonly (PoorSubtype | undefined)[] = [undefined, undefined, undefined, undefined, 'income', 'multidimensional'];

/** Household class of a code; throws on INVALID or unknown codes. */
export function classOfCode(code: number): HouseholdClass {
  const c = CLASS_BY_CODE[code];
  if (c === undefined) throw new RangeError(`Mã phân loại không hợp lệ: ${code}`);
  return c;
}

/** QĐ 59 poor subtype of a code, or undefined. */
export function subtypeOfCode(code: number): PoorSubtype | undefined {
  return SUBTYPE_BY_CODE[code];
}

/** Area code used by the fast paths: 0 = rural, 1 = urban. */
export const AREA_CODE = Object.freeze({ rural: 0, urban: 1 } as const);
