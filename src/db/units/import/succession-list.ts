/**
 * Succession-list rows → staged old → new links. Columns: old_code, new_code, and optionally old_level,
 * relation (full | partial; derived when absent: partial if the old code has several new ones in the
 * file), effective_date (default 2025-07-01), old_layout (default 2024), new_layout (default 2025),
 * source — those of admin-units-2025/mapping-from-2024.csv, whose other columns are informative only.
 */
import type { AdminUnitSuccessionStageTable, Layout } from '../../schema.ts';
import { CODE_LENGTH, REFORM_DATE, tierOfLevel } from '../vocabulary.ts';
import { ErrorList } from './errors.ts';
import { parseCode, parseDate, parseLayout, parseLevel } from './fields.ts';
import { Columns, type TableRecord } from './table.ts';

export type StagedSuccession = Omit<AdminUnitSuccessionStageTable, 'batch'>;

export const SUCCESSION_LIST_COLUMNS = [
  'old_code', 'old_level', 'old_name', 'old_type', 'old_district_code', 'old_district_name', 'old_province_code', 'old_province_name',
  'new_code', 'new_level', 'new_name', 'new_type', 'new_province_code', 'new_province_name',
  'relation', 'old_unit_target_count', 'crosscheck_bando', 'effective_date', 'old_layout', 'new_layout', 'source',
] as const;

function code(cols: Columns, r: TableRecord, column: string, layout: Layout, levelColumn: string, errors: ErrorList): string | null {
  const text = cols.get(r, column);
  const levelText = cols.get(r, levelColumn);
  const level = levelText ? parseLevel(levelText) : null;
  const tier = level === null ? null : tierOfLevel(layout, level);
  if (levelText && !tier) {
    errors.add(r.row, levelColumn, `"${levelText}" không hợp lệ cho bố cục ${layout}.`);
    return null;
  }
  const c = parseCode(text, tier ? CODE_LENGTH[tier] : undefined);
  if (!c) errors.add(r.row, column, text ? `mã "${text}" không hợp lệ.` : 'thiếu mã đơn vị.');
  return c;
}

export function parseSuccessionList(cols: Columns, records: TableRecord[], source: string, errors: ErrorList): StagedSuccession[] {
  const out: StagedSuccession[] = [];
  const seen = new Map<string, number>();
  for (const r of records) {
    const n0 = errors.count;
    const oldLayoutText = cols.get(r, 'old_layout');
    const newLayoutText = cols.get(r, 'new_layout');
    const oldLayout = oldLayoutText ? parseLayout(oldLayoutText) : '2024';
    const newLayout = newLayoutText ? parseLayout(newLayoutText) : '2025';
    if (!oldLayout) errors.add(r.row, 'old_layout', `"${oldLayoutText}" không hợp lệ; chỉ nhận 2024 hoặc 2025.`);
    if (!newLayout) errors.add(r.row, 'new_layout', `"${newLayoutText}" không hợp lệ; chỉ nhận 2024 hoặc 2025.`);
    if (!oldLayout || !newLayout) continue;
    const oldCode = code(cols, r, 'old_code', oldLayout, 'old_level', errors);
    const newCode = code(cols, r, 'new_code', newLayout, 'new_level', errors);
    const relText = cols.get(r, 'relation').toLowerCase();
    if (relText && relText !== 'full' && relText !== 'partial') errors.add(r.row, 'relation', `"${relText}" không hợp lệ; chỉ nhận full hoặc partial.`);
    const dateText = cols.get(r, 'effective_date');
    let date: string | null = dateText ? parseDate(dateText) : null;
    if (dateText && !date) errors.add(r.row, 'effective_date', `ngày "${dateText}" không hợp lệ (YYYY-MM-DD hoặc DD/MM/YYYY).`);
    if (!dateText) {
      if (oldLayout === '2024' && newLayout === '2025') date = REFORM_DATE;
      else errors.add(r.row, 'effective_date', 'thiếu ngày hiệu lực (chỉ mặc định 2025-07-01 cho liên kết 2024 → 2025).');
    }
    if (oldCode && newCode && oldLayout === newLayout && oldCode === newCode) errors.add(r.row, 'new_code', 'đơn vị không thể kế thừa chính nó trong cùng bố cục.');
    if (oldCode && newCode) {
      const k = `${oldLayout}|${oldCode}|${newLayout}|${newCode}`;
      const first = seen.get(k);
      if (first !== undefined) errors.add(r.row, 'new_code', `liên kết ${oldCode} → ${newCode} trùng với dòng ${first}.`);
      else seen.set(k, r.row);
    }
    if (errors.count > n0 || !oldCode || !newCode || !date) continue;
    out.push({
      line: r.row,
      old_layout: oldLayout,
      old_code: oldCode,
      new_layout: newLayout,
      new_code: newCode,
      relation: relText === 'full' || relText === 'partial' ? relText : null,
      effective_date: date,
      source: cols.get(r, 'source') || source,
    });
  }
  return out;
}
