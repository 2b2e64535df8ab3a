/**
 * Unit-list rows → staged unit versions. Columns (see docs/admin-units.md): code, name, and optionally
 * type, level, parent_code, province_code, urban_rural, layout, valid_from, valid_to, source. Both shared
 * reference lists (admin-units-2024/units.csv, admin-units-2025/units.csv) are accepted as they are.
 */
import type { AreaType, Layout, Tier } from '../../schema.ts';
import type { AdminUnitStageTable } from '../../schema.ts';
import { cleanText, toAscii } from '../text.ts';
import { canonicalName, CODE_LENGTH, isAreaType, layoutEnd, layoutStart, parentTier, REFORM_DATE, resolveType, tierOfLevel, typeFromName, typeNames } from '../vocabulary.ts';
import { ErrorList } from './errors.ts';
import { parseCode, parseDate, parseLayout, parseLevel } from './fields.ts';
import { Columns, type TableRecord } from './table.ts';

export type StagedUnit = Omit<AdminUnitStageTable, 'batch'>;

export const UNIT_LIST_COLUMNS = [
  'code', 'name', 'name_ascii', 'type', 'type_en', 'level', 'parent_code', 'province_code', 'district_code',
  'urban_rural', 'layout', 'valid_from', 'valid_to', 'source',
] as const;

export interface UnitListOptions {
  layout?: Layout;
  validFrom?: string;
  source: string;
}

export interface ParsedUnitList {
  rows: StagedUnit[];
  layouts: Layout[];
}

const TIER_VI: Record<Tier, string> = { province: 'tỉnh', district: 'huyện', commune: 'xã' };

/** Layout of a file without a layout column: three-tier when it has districts (3-digit codes, level 3 rows). */
function detectLayout(cols: Columns, records: TableRecord[]): Layout {
  if (cols.has('district_code')) return '2024';
  for (const r of records) {
    const level = cols.get(r, 'level');
    if (level === '3' || (level === '2' && /^\d{3}$/u.test(cols.get(r, 'code')))) return '2024';
  }
  return '2025';
}

export function parseUnitList(cols: Columns, records: TableRecord[], opts: UnitListOptions, errors: ErrorList): ParsedUnitList {
  const fileLayout = opts.layout ?? (cols.has('layout') ? null : detectLayout(cols, records));
  const rows: StagedUnit[] = [];
  const seen = new Map<string, number>();
  const layouts = new Set<Layout>();
  // District → province from the file itself, for 2024 communes without a province_code.
  const districtProvince = new Map<string, string>();
  for (const r of records) {
    const level = cols.get(r, 'level');
    const code = cols.get(r, 'code');
    const prov = cols.get(r, 'province_code') || cols.get(r, 'parent_code');
    if ((level === '2' || /^\d{3}$/u.test(code)) && prov) districtProvince.set(code.padStart(3, '0'), prov.padStart(2, '0'));
  }

  for (const r of records) {
    const n0 = errors.count;
    const layoutText = cols.get(r, 'layout');
    const layout = layoutText ? parseLayout(layoutText) : (fileLayout ?? detectLayout(cols, records));
    if (!layout) {
      errors.add(r.row, 'layout', `"${layoutText}" không hợp lệ; chỉ nhận 2024 (ba cấp) hoặc 2025 (hai cấp).`);
      continue;
    }
    const codeText = cols.get(r, 'code');
    const levelText = cols.get(r, 'level');
    let tier: Tier | null = null;
    if (levelText) {
      const level = parseLevel(levelText);
      tier = level === null ? null : tierOfLevel(layout, level);
      if (!tier) {
        errors.add(r.row, 'level', `"${levelText}" không hợp lệ cho bố cục ${layout} (${layout === '2024' ? '1 tỉnh, 2 huyện, 3 xã' : '1 tỉnh, 2 xã'}).`);
        continue;
      }
    } else {
      const len = codeText.length;
      tier = len <= 2 ? 'province' : len === 3 ? (layout === '2024' ? 'district' : null) : 'commune';
      if (!tier) {
        errors.add(r.row, 'code', `không suy ra được cấp từ mã "${codeText}"; hãy thêm cột level.`);
        continue;
      }
    }
    const code = parseCode(codeText, CODE_LENGTH[tier]);
    if (!codeText) errors.add(r.row, 'code', 'thiếu mã đơn vị.');
    else if (!code) errors.add(r.row, 'code', `mã "${codeText}" không hợp lệ: mã ${TIER_VI[tier]} gồm ${CODE_LENGTH[tier]} chữ số.`);
    const rawName = cleanText(cols.get(r, 'name'));
    if (!rawName) errors.add(r.row, 'name', 'thiếu tên đơn vị.');
    const typeText = cols.get(r, 'type');
    const type = typeText ? resolveType(layout, tier, typeText) : typeFromName(layout, tier, rawName);
    const name = type ? canonicalName(rawName, type) : rawName;
    if (!type && (typeText || rawName)) {
      const allowed = `các loại hợp lệ cho cấp ${TIER_VI[tier]} bố cục ${layout}: ${typeNames(layout, tier).join(', ')}.`;
      if (typeText) errors.add(r.row, 'type', `loại "${typeText}" không hợp lệ; ${allowed}`);
      else errors.add(r.row, 'name', `không nhận ra loại đơn vị từ tên "${rawName}" (cột type trống); ${allowed}`);
    }

    let areaType: AreaType | null = type?.areaType ?? null;
    const ur = cols.get(r, 'urban_rural');
    if (ur) {
      if (tier !== 'commune') errors.add(r.row, 'urban_rural', 'chỉ áp dụng cho đơn vị cấp xã; để trống cho tỉnh và huyện.');
      else if (!isAreaType(ur)) errors.add(r.row, 'urban_rural', `"${ur}" không hợp lệ; chỉ nhận urban, rural hoặc special_zone.`);
      else areaType = ur;
    }

    const pTier = parentTier(layout, tier);
    let parentCode: string | null = null;
    const parentText = cols.get(r, 'parent_code') || (pTier === 'district' ? cols.get(r, 'district_code') : '');
    if (pTier && parentText) {
      parentCode = parseCode(parentText, CODE_LENGTH[pTier]);
      if (!parentCode) errors.add(r.row, 'parent_code', `mã đơn vị cha "${parentText}" không hợp lệ: mã ${TIER_VI[pTier]} gồm ${CODE_LENGTH[pTier]} chữ số.`);
    } else if (!pTier && parentText) {
      errors.add(r.row, 'parent_code', 'tỉnh không có đơn vị cha; để trống.');
    }
    const provText = cols.get(r, 'province_code');
    let provinceCode: string | null = provText ? parseCode(provText, 2) : null;
    if (provText && !provinceCode) errors.add(r.row, 'province_code', `mã tỉnh "${provText}" không hợp lệ (2 chữ số).`);
    if (!provText) {
      if (tier === 'province') provinceCode = code;
      else if (pTier === 'province') provinceCode = parentCode;
      else if (parentCode) provinceCode = districtProvince.get(parentCode) ?? null;
    }
    if (pTier === 'province' && !parentCode) parentCode = provinceCode;
    if (tier === 'province' && provinceCode && code && provinceCode !== code) errors.add(r.row, 'province_code', `mã tỉnh của một tỉnh phải là chính mã đó (${code}).`);
    if (pTier === 'province' && parentCode && provinceCode && parentCode !== provinceCode) errors.add(r.row, 'parent_code', `đơn vị cha ${parentCode} khác mã tỉnh ${provinceCode}.`);
    if (pTier && !parentCode) errors.add(r.row, 'parent_code', `thiếu mã đơn vị cha (${TIER_VI[pTier]}).`);
    if (!provinceCode && pTier) errors.add(r.row, 'province_code', 'thiếu mã tỉnh.');

    const vfText = cols.get(r, 'valid_from');
    const validFrom = vfText ? parseDate(vfText) : (opts.validFrom ?? layoutStart(layout));
    if (!validFrom) errors.add(r.row, 'valid_from', `ngày "${vfText}" không hợp lệ (YYYY-MM-DD hoặc DD/MM/YYYY).`);
    const vtText = cols.get(r, 'valid_to');
    const validTo = vtText ? parseDate(vtText) : null;
    if (vtText && !validTo) errors.add(r.row, 'valid_to', `ngày "${vtText}" không hợp lệ (YYYY-MM-DD hoặc DD/MM/YYYY).`);
    if (validFrom && validTo && validTo <= validFrom) errors.add(r.row, 'valid_to', `phải sau valid_from (${validFrom}).`);
    const end = layoutEnd(layout);
    if (validFrom && layout === '2025' && validFrom < REFORM_DATE) errors.add(r.row, 'valid_from', `bố cục 2025 chỉ có hiệu lực từ ${REFORM_DATE}.`);
    if (validFrom && end && validFrom >= end) errors.add(r.row, 'valid_from', `bố cục ${layout} hết hiệu lực từ ${end}.`);
    if (validTo && end && validTo > end) errors.add(r.row, 'valid_to', `bố cục ${layout} hết hiệu lực từ ${end}.`);

    if (code) {
      // One row per unit and file: versions of one unit on several dates go in separate files, in date order.
      const k = `${layout}|${code}`;
      const first = seen.get(k);
      if (first !== undefined) errors.add(r.row, 'code', `mã ${code} trùng với dòng ${first}; mỗi đơn vị chỉ một dòng trong một tệp (các ngày hiệu lực khác nhau dùng tệp riêng).`);
      else seen.set(k, r.row);
    }
    if (errors.count > n0 || !code || !type || !validFrom || !provinceCode) continue;
    layouts.add(layout);
    rows.push({
      line: r.row,
      layout,
      code,
      name,
      name_ascii: toAscii(name),
      type: type.type,
      type_en: type.typeEn,
      tier,
      area_type: areaType,
      province_code: provinceCode,
      parent_code: pTier ? parentCode : null,
      valid_from: validFrom,
      valid_to: validTo,
      source: cols.get(r, 'source') || opts.source,
    });
  }
  return { rows, layouts: [...layouts] };
}
