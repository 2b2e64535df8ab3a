/**
 * A table to export, independent of the file format: its sheet name, columns (Vietnamese header and
 * Excel width) and its rows as pages of cells, read lazily. The CSV writer (../csv/csv-writer.ts) and
 * the Excel writer (export-workbook.ts) both stream it page by page.
 */
import type { Cell } from '../documents/table-layout.ts';

export interface ExportColumn<T> {
  header: string;
  width: number;
  value(row: T): Cell;
}

export interface ExportSheet {
  /** Sheet tab (at most 31 characters). */
  name: string;
  headers: string[];
  widths: number[];
  pages: AsyncIterable<Cell[][]>;
}

/** A sheet whose rows are `columns` applied to each item of `pages`. */
export function sheetOf<T>(name: string, columns: readonly ExportColumn<T>[], pages: AsyncIterable<readonly T[]>): ExportSheet {
  return {
    name,
    headers: columns.map((c) => c.header),
    widths: columns.map((c) => c.width),
    pages: mapPages(pages, (row) => [columns.map((c) => c.value(row))]),
  };
}

/** Pages of items turned into pages of rows (an item may give several rows, e.g. one per person). */
export async function* mapPages<T>(pages: AsyncIterable<readonly T[]>, rows: (item: T) => Cell[][]): AsyncGenerator<Cell[][]> {
  for await (const page of pages) {
    const out: Cell[][] = [];
    for (const item of page) for (const r of rows(item)) out.push(r);
    yield out;
  }
}

/** "Có" / "Không" for a known yes/no fact, empty when unknown. */
export function yesNo(v: unknown): Cell {
  return v === true ? 'Có' : v === false ? 'Không' : null;
}

/**
 * The pages with the first one already read, so a failing query becomes an error response instead of
 * a broken download (once streaming starts, the status line has been sent).
 */
export async function primed<T>(pages: AsyncGenerator<T>): Promise<AsyncGenerator<T>> {
  const first = await pages.next();
  return (async function* () {
    if (first.done) return;
    yield first.value;
    yield* pages;
  })();
}
