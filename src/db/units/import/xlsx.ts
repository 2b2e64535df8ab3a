/**
 * Excel (.xlsx) reader for unit files, with exceljs's streaming reader so a large workbook is never held
 * whole: the first worksheet, each row's cells as text. Dates become YYYY-MM-DD, numbers their plain
 * text (codes that lost leading zeros are padded later), rich text and formulas their visible text.
 */
import ExcelJS from 'exceljs';
import type { TableRecord } from './table.ts';

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error !== undefined) return '';
  }
  return String(v);
}

export async function readXlsx(file: string): Promise<TableRecord[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const out: TableRecord[] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const raw = row.values as unknown[];
      const values: string[] = [];
      for (let i = 1; i < raw.length; i++) values.push(cellText(raw[i]));
      while (values.length && values[values.length - 1] === '') values.pop();
      if (values.length) out.push({ row: row.number, values });
    }
    break; // first worksheet only
  }
  return out;
}
