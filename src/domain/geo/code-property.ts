/**
 * Matching boundary features to administrative units by a code property. Files name the code column
 * differently (ma_xa, ma_tinh, code, …) and some store codes as numbers, losing the leading zero, so
 * codes are normalised to the unit code length and the property is chosen by how many features it
 * matches when the administrator does not name it.
 */
import type { GeoFeature } from './geometry.ts';

export type BoundaryLevel = 'province' | 'commune';
export const BOUNDARY_LEVELS: readonly BoundaryLevel[] = ['province', 'commune'];

/** Digits of an official code: 2 for a province, 5 for a commune-level unit. */
export const CODE_LENGTH: Record<BoundaryLevel, number> = { province: 2, commune: 5 };

/** Properties tried first, in order of preference (compared case-insensitively). */
export const CODE_PROPERTY_CANDIDATES: Record<BoundaryLevel, readonly string[]> = {
  commune: ['ma_xa', 'maxa', 'ma_phuong_xa', 'commune_code', 'ward_code', 'code', 'ma', 'ma_dvhc', 'madvhc', 'ma_don_vi', 'id'],
  province: ['ma_tinh', 'matinh', 'province_code', 'code', 'ma', 'ma_dvhc', 'madvhc', 'ma_don_vi', 'id'],
};

const NAME_PROPERTIES = ['name', 'ten', 'ten_xa', 'ten_tinh', 'ten_dvhc', 'tenxa', 'tentinh'];

/** The code a property value stands for: digits padded with leading zeros to the level's length. */
export function normalizeCode(value: unknown, level: BoundaryLevel): string | null {
  let s: string;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) s = String(value);
  else if (typeof value === 'string') s = value.trim();
  else return null;
  if (s === '') return null;
  return /^\d+$/.test(s) && s.length < CODE_LENGTH[level] ? s.padStart(CODE_LENGTH[level], '0') : s;
}

/** A property read case-insensitively. */
export function propertyValue(props: Record<string, unknown>, name: string): unknown {
  if (name in props) return props[name];
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(props)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

export function featureName(props: Record<string, unknown>): string | null {
  for (const n of NAME_PROPERTIES) {
    const v = propertyValue(props, n);
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return null;
}

export interface PropertyScore {
  property: string;
  matches: number;
}

/** Every property of the features with the number of features whose value is a known unit code, best first. */
export function scoreCodeProperties(features: readonly GeoFeature[], unitCodes: ReadonlySet<string>, level: BoundaryLevel): PropertyScore[] {
  const counts = new Map<string, number>();
  for (const f of features) {
    for (const [k, v] of Object.entries(f.properties)) {
      const code = normalizeCode(v, level);
      counts.set(k, (counts.get(k) ?? 0) + (code !== null && unitCodes.has(code) ? 1 : 0));
    }
  }
  const rank = (p: string) => {
    const i = CODE_PROPERTY_CANDIDATES[level].indexOf(p.toLowerCase());
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...counts]
    .map(([property, matches]) => ({ property, matches }))
    .toSorted((a, b) => b.matches - a.matches || rank(a.property) - rank(b.property) || a.property.localeCompare(b.property));
}

/** The property that matches the most features (candidates win ties); null when none matches any. */
export function detectCodeProperty(features: readonly GeoFeature[], unitCodes: ReadonlySet<string>, level: BoundaryLevel): string | null {
  const best = scoreCodeProperties(features, unitCodes, level)[0];
  return best && best.matches > 0 ? best.property : null;
}

export interface UnmatchedFeature {
  /** 1-based feature number in the file. */
  feature: number;
  value: string | null;
  name: string | null;
  reason: 'no_code' | 'unknown_code' | 'no_geometry' | 'outside_selection';
}

export interface FeatureMatch {
  /** Features of each matched unit code (several when a unit's parts are separate features). */
  byCode: Map<string, GeoFeature[]>;
  unmatched: UnmatchedFeature[];
  /** Codes matched by more than one feature (their parts are merged). */
  repeated: string[];
}

/**
 * Features assigned to units by `property`. `accept` narrows the units stored (e.g. one province of a
 * national file); a known code outside it is reported as outside the selection.
 */
export function matchFeatures(
  features: readonly GeoFeature[],
  property: string,
  unitCodes: ReadonlySet<string>,
  level: BoundaryLevel,
  accept: (code: string) => boolean = () => true,
): FeatureMatch {
  const byCode = new Map<string, GeoFeature[]>();
  const unmatched: UnmatchedFeature[] = [];
  for (const f of features) {
    const code = normalizeCode(propertyValue(f.properties, property), level);
    const base = { feature: f.index + 1, value: code, name: featureName(f.properties) };
    if (code === null) unmatched.push({ ...base, reason: 'no_code' });
    else if (!unitCodes.has(code)) unmatched.push({ ...base, reason: 'unknown_code' });
    else if (!accept(code)) unmatched.push({ ...base, reason: 'outside_selection' });
    else if (!f.geometry) unmatched.push({ ...base, reason: 'no_geometry' });
    else {
      const list = byCode.get(code);
      if (list) list.push(f);
      else byCode.set(code, [f]);
    }
  }
  const repeated = [...byCode].filter(([, fs]) => fs.length > 1).map(([c]) => c);
  return { byCode, unmatched, repeated };
}
