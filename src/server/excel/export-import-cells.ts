/**
 * A value of the registry as the cell an import column expects (src/domain/import): codes as their
 * Vietnamese labels (the importer takes a code or its label), several codes joined by "; ", yes/no as
 * "Có"/"Không", dates as dd/mm/yyyy, numbers as numbers. Columns made from the import specification
 * this way give an export that can be uploaded again unchanged.
 */
import type { ImportColumn } from '../../domain/import/column-types.ts';
import { formatIsoDateVi, isIsoDate } from '../../domain/calendar/iso-date.ts';
import { CODE_LISTS } from '../../db/import/code-lists.ts';
import type { Cell } from '../documents/table-layout.ts';
import { yesNo, type ExportColumn } from './export-table.ts';

/** The value at a dotted path of a facts object (`housing.floorArea`). */
export function factAt(facts: Record<string, unknown> | null | undefined, path: string): unknown {
  let v: unknown = facts ?? undefined;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

export function importCell(column: ImportColumn, value: unknown): Cell {
  if (value === null || value === undefined || value === '') return null;
  const t = column.type;
  switch (t.kind) {
    case 'boolean':
      return yesNo(value);
    case 'code':
      return CODE_LISTS[t.list][String(value)] ?? String(value);
    case 'codes':
      return Array.isArray(value) ? value.map((v) => CODE_LISTS[t.list][String(v)] ?? String(v)).join('; ') : String(value);
    case 'date':
      return typeof value === 'string' && isIsoDate(value) ? formatIsoDateVi(value) : String(value);
    case 'integer':
    case 'number':
      return typeof value === 'number' ? value : Number.isFinite(Number(value)) ? Number(value) : String(value);
    default:
      return String(value).normalize('NFC');
  }
}

/** Width of a column on the sheet, from its header and type. */
function widthOf(c: ImportColumn): number {
  const byType = c.type.kind === 'text' ? 28 : c.type.kind === 'codes' ? 30 : c.type.kind === 'citizen_id' ? 16 : 12;
  return Math.max(byType, Math.min(30, Math.ceil(c.header.length * 0.6)));
}

/**
 * Export columns for an import sheet's columns: `direct` gives a column's value from the row's own
 * fields (codes, names, dates), else the column's `fact` path is read from `facts(row)`.
 */
export function importColumns<T>(
  columns: readonly ImportColumn[],
  direct: (row: T, key: string) => unknown,
  facts: (row: T) => Record<string, unknown> | null,
): ExportColumn<T>[] {
  return columns.map((c) => ({
    header: c.header,
    width: widthOf(c),
    value: (row: T) => importCell(c, c.fact ? factAt(facts(row), c.fact) : direct(row, c.key)),
  }));
}
