/** A file read as rows of text cells, whatever its format; the header is the first record. */
import path from 'node:path';
import { readCsv } from './csv.ts';
import { readXlsx } from './xlsx.ts';

export interface TableRecord {
  /** Row number as a spreadsheet shows it (CSV: the line where the record starts). */
  row: number;
  values: string[];
}

export type FileFormat = 'csv' | 'xlsx';

export function formatOf(file: string, explicit?: FileFormat): FileFormat {
  if (explicit) return explicit;
  return path.extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
}

export function readTable(file: string, format: FileFormat): Promise<TableRecord[]> {
  return format === 'xlsx' ? readXlsx(file) : readCsv(file);
}

/** Header cell → column key: trimmed, lower case, spaces and hyphens as underscores, BOM dropped. */
export function columnKey(h: string): string {
  return h.replace(/^\uFEFF/u, '').normalize('NFC').trim().toLowerCase().replace(/[\s-]+/gu, '_');
}

/** Column access by key for one file: `get(record, 'code')` is '' when the column is absent or the cell empty. */
export class Columns {
  private readonly index = new Map<string, number>();
  constructor(readonly keys: string[]) {
    keys.forEach((k, i) => {
      if (k && !this.index.has(k)) this.index.set(k, i);
    });
  }
  has(key: string): boolean {
    return this.index.has(key);
  }
  get(r: TableRecord, key: string): string {
    const i = this.index.get(key);
    return i === undefined ? '' : (r.values[i] ?? '').trim();
  }
  /** Header keys not in `known` (reported as ignored). */
  unknown(known: readonly string[]): string[] {
    return this.keys.filter((k) => k && !known.includes(k));
  }
}
