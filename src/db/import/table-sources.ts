/**
 * The tables of an uploaded file, each a stream of rows: every worksheet of an .xlsx (exceljs streaming
 * reader: the workbook is never held whole), or the single table of a .csv. Rows carry their line in the
 * file; cell values are raw (exceljs values, or CSV text).
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { csvBatches } from './csv-records.ts';
import { ImportFileError } from './import-file-error.ts';
import type { SourceRow } from './row-stager.ts';

export type { SourceRow } from './row-stager.ts';

export interface SourceTable {
  /** Worksheet name, or the file name for CSV. */
  name: string;
  /** The rows in file order, a batch at a time (one await per batch, not per row). */
  batches: AsyncIterable<SourceRow[]>;
}

/** Rows per batch of an .xlsx worksheet. */
const XLSX_BATCH = 2_000;

export type FileFormat = 'xlsx' | 'csv';

export function formatOf(fileName: string): FileFormat {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv' || ext === '.txt') return 'csv';
  throw new ImportFileError('file_format', { file: fileName });
}

/**
 * 64 KB reads: a batch's records die young (a 1 MB batch outlived minor GCs: the bare parse of 47 MB took
 * about twice the CPU).
 */
const CSV_READ_BYTES = 1 << 16;

function csvRows(file: string): AsyncGenerator<SourceRow[]> {
  return csvBatches(fs.createReadStream(file, { highWaterMark: CSV_READ_BYTES }));
}

async function* xlsxTables(file: string, displayName: string): AsyncGenerator<SourceTable> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  try {
    for await (const sheet of reader) {
      const ws = sheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string; id?: number };
      const batches = (async function* () {
        let batch: SourceRow[] = [];
        for await (const row of ws) {
          const raw = row.values as unknown[];
          batch.push({ line: row.number, values: raw.slice(1) });
          if (batch.length >= XLSX_BATCH) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
      })();
      yield { name: ws.name ?? `Sheet ${ws.id ?? ''}`, batches };
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    throw new ImportFileError('file_unreadable', { file: displayName, reason: e instanceof Error ? e.message : String(e) });
  }
}

/** The tables of `file` (shown to the user as `displayName`). */
export async function* sourceTables(file: string, displayName: string): AsyncGenerator<SourceTable> {
  if (formatOf(displayName) === 'csv') {
    yield { name: displayName, batches: csvRows(file) };
    return;
  }
  yield* xlsxTables(file, displayName);
}
