/** How units are named and dated on screen. */
import type { Layout, Unit } from '../api/types.ts';
import type { Locale } from '../i18n/catalogs.ts';
import { todayIso } from '../format/format.ts';

/** Last day of the three-tier layout (the reorganisation took effect on 2025-07-01). */
export const LAST_DAY_OF_2024_LAYOUT = '2025-06-30';
export const FIRST_DAY_OF_2025_LAYOUT = '2025-07-01';
export const LAYOUTS: readonly Layout[] = ['2025', '2024'];

/** "Tỉnh Lai Châu" even when the source stores the bare name "Lai Châu". */
export function unitDisplayName(unit: Pick<Unit, 'name' | 'type'>): string {
  if (!unit.type || unit.name.toLocaleLowerCase('vi').startsWith(unit.type.toLocaleLowerCase('vi'))) return unit.name;
  return `${unit.type} ${unit.name}`;
}

export function unitTypeLabel(unit: Pick<Unit, 'type' | 'typeEn'>, locale: Locale): string {
  if (locale === 'en' && unit.typeEn) return unit.typeEn.charAt(0).toUpperCase() + unit.typeEn.slice(1);
  return unit.type;
}

/** A date on which the layout is in force: today for 2025, the last day before the reform for 2024. */
export function defaultAsOf(layout: Layout): string {
  if (layout === '2024') return LAST_DAY_OF_2024_LAYOUT;
  const today = todayIso();
  return today < FIRST_DAY_OF_2025_LAYOUT ? FIRST_DAY_OF_2025_LAYOUT : today;
}

/** Codes of the ancestors to expand to show this unit in the tree, top first. */
export function ancestorCodes(unit: Pick<Unit, 'tier' | 'provinceCode' | 'parentCode'>): string[] {
  if (unit.tier === 'province') return [];
  if (unit.parentCode && unit.parentCode !== unit.provinceCode) return [unit.provinceCode, unit.parentCode];
  return [unit.provinceCode];
}

/** Whether a unit can be opened in a tree: the server's hasChildren, else everything above commune. */
export function unitHasChildren(unit: Pick<Unit, 'hasChildren' | 'tier'>): boolean {
  return unit.hasChildren ?? unit.tier !== 'commune';
}
