/**
 * Which import sheet a table is, from its header row: a header cell matches a column by its Vietnamese
 * header, English header or key (case, diacritics and spacing ignored). A data table has the household
 * code column and at least one other column of its sheet; the sheet with most matches wins. Tables that
 * are no import sheet (the instructions, the units list) are skipped.
 */
import type { ImportColumn, ImportSheet } from '../../domain/import/column-types.ts';
import { SHEETS_BY_ID } from '../../domain/import/import-kinds.ts';
import { searchFold } from '../registry/text.ts';
import { cellValue } from './cell-text.ts';
import { ImportFileError } from './import-file-error.ts';

export interface HeaderMap {
  sheet: ImportSheet;
  /** For each column of the sheet (spec order), its index in the row, or -1 when absent. */
  indexes: number[];
}

function foldHeader(v: unknown): string {
  const c = cellValue(v);
  return c === null ? '' : searchFold(String(c)).replace(/\s*\*$/u, '');
}

function indexesOf(sheet: ImportSheet, folded: string[]): number[] {
  return sheet.columns.map((c: ImportColumn) => {
    const names = [searchFold(c.header), searchFold(c.headerEn), c.key];
    return folded.findIndex((h) => names.includes(h));
  });
}

/** The sheet of a header row, or null when the row names no import sheet. */
export function matchHeader(values: readonly unknown[]): HeaderMap | null {
  const folded = values.map(foldHeader);
  let best: HeaderMap | null = null;
  let bestScore = 0;
  for (const sheet of Object.values(SHEETS_BY_ID)) {
    const indexes = indexesOf(sheet, folded);
    if (indexes[0]! < 0) continue;
    const score = indexes.filter((i) => i >= 0).length - 1;
    if (score > bestScore) {
      best = { sheet, indexes };
      bestScore = score;
    }
  }
  return best;
}

/** Refuses a sheet that lacks a required column. */
export function assertRequiredColumns(map: HeaderMap): void {
  map.sheet.columns.forEach((c, i) => {
    if (c.required && map.indexes[i]! < 0) throw new ImportFileError('missing_column', { sheet: map.sheet.name, column: c.header });
  });
}
