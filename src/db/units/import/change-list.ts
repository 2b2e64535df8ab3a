/**
 * Change-list rows → staged changes. Columns: effective_date, code, level, field (name | type |
 * urban_rural), value_before, value_after, legal_basis, source, and optionally layout (default: 2025 for
 * changes on or after 2025-07-01, else 2024) — those of admin-units-2025/changes-after-2025-07-01.csv.
 */
import type { AdminUnitChangeStageTable, Layout, Tier } from '../../schema.ts';
import { cleanText, toAscii } from '../text.ts';
import { CODE_LENGTH, isAreaType, levelOfTier, REFORM_DATE, resolveType, tierOfLevel, typeNames } from '../vocabulary.ts';
import { ErrorList } from './errors.ts';
import { parseCode, parseDate, parseLayout, parseLevel } from './fields.ts';
import { Columns, type TableRecord } from './table.ts';

export type StagedChange = Omit<AdminUnitChangeStageTable, 'batch'>;

export const CHANGE_FIELDS = ['name', 'type', 'urban_rural'] as const;
export const CHANGE_LIST_COLUMNS = ['effective_date', 'code', 'level', 'field', 'value_before', 'value_after', 'legal_basis', 'source', 'layout'] as const;
export const CHANGE_LIST_REQUIRED = ['effective_date', 'code', 'field', 'value_before', 'value_after'] as const;

function tierOfCode(layout: Layout, code: string): Tier | null {
  if (code.length <= 2) return 'province';
  if (code.length === 3) return layout === '2024' ? 'district' : null;
  return 'commune';
}

export function parseChangeList(cols: Columns, records: TableRecord[], opts: { layout?: Layout }, errors: ErrorList): StagedChange[] {
  const out: StagedChange[] = [];
  const seen = new Map<string, number>();
  for (const r of records) {
    const n0 = errors.count;
    const dateText = cols.get(r, 'effective_date');
    const date = parseDate(dateText);
    if (!date) errors.add(r.row, 'effective_date', dateText ? `ngày "${dateText}" không hợp lệ (YYYY-MM-DD hoặc DD/MM/YYYY).` : 'thiếu ngày hiệu lực.');
    const layoutText = cols.get(r, 'layout');
    const layout: Layout | null = layoutText ? parseLayout(layoutText) : (opts.layout ?? (date && date < REFORM_DATE ? '2024' : '2025'));
    if (!layout) {
      errors.add(r.row, 'layout', `"${layoutText}" không hợp lệ; chỉ nhận 2024 hoặc 2025.`);
      continue;
    }
    if (date && layout === '2025' && date < REFORM_DATE) errors.add(r.row, 'effective_date', `bố cục 2025 chỉ có hiệu lực từ ${REFORM_DATE}.`);
    if (date && layout === '2024' && date >= REFORM_DATE) errors.add(r.row, 'effective_date', `bố cục 2024 hết hiệu lực từ ${REFORM_DATE}; thay đổi sau ngày đó thuộc bố cục 2025.`);

    const codeText = cols.get(r, 'code');
    const levelText = cols.get(r, 'level');
    let tier: Tier | null;
    if (levelText) {
      const level = parseLevel(levelText);
      tier = level === null ? null : tierOfLevel(layout, level);
      if (!tier) errors.add(r.row, 'level', `"${levelText}" không hợp lệ cho bố cục ${layout}.`);
    } else tier = tierOfCode(layout, codeText);
    const code = tier ? parseCode(codeText, CODE_LENGTH[tier]) : null;
    if (!codeText) errors.add(r.row, 'code', 'thiếu mã đơn vị.');
    else if (tier && !code) errors.add(r.row, 'code', `mã "${codeText}" không hợp lệ (${CODE_LENGTH[tier]} chữ số).`);
    else if (!tier && !levelText) errors.add(r.row, 'code', `không suy ra được cấp từ mã "${codeText}"; hãy thêm cột level.`);

    const field = cols.get(r, 'field').toLowerCase();
    if (!(CHANGE_FIELDS as readonly string[]).includes(field)) {
      errors.add(r.row, 'field', `"${field}" không hợp lệ; chỉ nhận ${CHANGE_FIELDS.join(', ')}.`);
    }
    let before = cleanText(cols.get(r, 'value_before'));
    let after = cleanText(cols.get(r, 'value_after'));
    if (!before) errors.add(r.row, 'value_before', 'thiếu giá trị trước khi thay đổi (để kiểm tra với danh mục hiện có).');
    if (!after) errors.add(r.row, 'value_after', 'thiếu giá trị sau khi thay đổi.');
    let nameAscii: string | null = null;
    let typeEn: string | null = null;
    if (field === 'name' && after) nameAscii = toAscii(after);
    if (field === 'type' && tier && after) {
      const t = resolveType(layout, tier, after);
      if (!t) errors.add(r.row, 'value_after', `loại "${after}" không hợp lệ; các loại hợp lệ: ${typeNames(layout, tier).join(', ')}.`);
      else [after, typeEn] = [t.type, t.typeEn];
      const b = before ? resolveType(layout, tier, before) : null;
      if (b) before = b.type;
    }
    if (field === 'urban_rural') {
      if (tier && tier !== 'commune') errors.add(r.row, 'field', 'urban_rural chỉ áp dụng cho đơn vị cấp xã.');
      if (before && !isAreaType(before)) errors.add(r.row, 'value_before', `"${before}" không hợp lệ; chỉ nhận urban, rural hoặc special_zone.`);
      if (after && !isAreaType(after)) errors.add(r.row, 'value_after', `"${after}" không hợp lệ; chỉ nhận urban, rural hoặc special_zone.`);
    }
    if (code && date && field) {
      const k = `${layout}|${code}|${date}|${field}`;
      const first = seen.get(k);
      if (first !== undefined) errors.add(r.row, 'field', `thay đổi trường ${field} của mã ${code} ngày ${date} trùng với dòng ${first}.`);
      else seen.set(k, r.row);
    }
    if (errors.count > n0 || !code || !date || !tier) continue;
    out.push({
      line: r.row,
      layout,
      code,
      level: levelOfTier(layout, tier),
      effective_date: date,
      field,
      value_before: before,
      value_after: after,
      name_ascii: nameAscii,
      type_en: typeEn,
      legal_basis: cols.get(r, 'legal_basis') || null,
      source: cols.get(r, 'source') || null,
    });
  }
  return out;
}
