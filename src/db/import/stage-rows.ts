/**
 * Writes the parsed rows of an upload into the staging tables with bulkCopy, in batches (memory stays
 * flat however large the file): every table of every file is matched to its sheet by the header row,
 * each cell normalised (cell-text.ts), and the rows copied tagged with the job id and their file line.
 */
import type { Database } from '../connect.ts';
import type { ImportSheet } from '../../domain/import/column-types.ts';
import type { SheetId } from '../../domain/import/import-kinds.ts';
import { searchFold } from '../registry/text.ts';
import { cellText } from './cell-text.ts';
import { assertRequiredColumns, matchHeader, type HeaderMap } from './header-map.ts';
import { ImportFileError } from './import-file-error.ts';
import { sourceTables, type SourceRow } from './table-sources.ts';

export const STAGE_TABLES: Readonly<Record<SheetId, string>> = {
  households: 'import_household_stage',
  members: 'import_member_stage',
  surveys: 'import_survey_stage',
};

/** Rows per COPY. */
const BATCH_ROWS = 50_000;
/** Non-empty rows looked at for the header before a table is taken for no import sheet. */
const HEADER_SEARCH_ROWS = 5;

export interface UploadedFile {
  /** Path of the uploaded bytes on disk. */
  path: string;
  /** The name the user gave the file (decides the format). */
  name: string;
}

export type StageProgress = (rowsStaged: number) => void | Promise<void>;

const NEEDS_QUOTES = /[",\r\n]/u;

function csvField(v: string | null): string {
  if (v === null) return '';
  if (v === '') return '""';
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/gu, '""')}"` : v;
}

/** Extra staging columns computed from the row (the folded member name). */
function extraColumns(sheet: ImportSheet): string[] {
  return sheet.id === 'members' ? ['full_name_ascii'] : [];
}

function copyColumns(sheet: ImportSheet): string[] {
  return ['job_id', 'line', ...sheet.columns.map((c) => c.key), ...extraColumns(sheet)];
}

/** One staging CSV line of a source row. */
export function stageLine(jobId: number, map: HeaderMap, row: SourceRow): string {
  const cells: Array<string | null> = map.sheet.columns.map((c, i) => {
    const at = map.indexes[i]!;
    return at < 0 ? null : cellText(c, row.values[at]);
  });
  if (map.sheet.id === 'members') {
    const name = cells[map.sheet.columns.findIndex((c) => c.key === 'full_name')];
    cells.push(name ? searchFold(name) : null);
  }
  let out = `${jobId},${row.line}`;
  for (const c of cells) out += `,${csvField(c)}`;
  return `${out}\n`;
}

function isBlank(row: SourceRow): boolean {
  return row.values.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''));
}

/**
 * Stages every file of an upload; returns the rows staged per sheet. Throws ImportFileError for an
 * unreadable file, a CSV without a known header, a sheet given twice or a missing required column.
 */
export async function stageFiles(database: Pick<Database, 'bulkCopy'>, jobId: number, files: readonly UploadedFile[], progress?: StageProgress): Promise<Partial<Record<SheetId, number>>> {
  const counts: Partial<Record<SheetId, number>> = {};
  let total = 0;
  for (const f of files) {
    let matched = false;
    for await (const table of sourceTables(f.path, f.name)) {
      const it = table.rows[Symbol.asyncIterator]();
      let map: HeaderMap | null = null;
      for (let seen = 0; seen < HEADER_SEARCH_ROWS; ) {
        const r = await it.next();
        if (r.done) break;
        if (isBlank(r.value)) continue;
        seen++;
        map = matchHeader(r.value.values);
        if (map) break;
      }
      if (!map) {
        // Drain the worksheet so the streaming reader moves to the next one.
        for (let r = await it.next(); !r.done; r = await it.next());
        continue;
      }
      matched = true;
      assertRequiredColumns(map);
      if (counts[map.sheet.id] !== undefined) throw new ImportFileError('duplicate_sheet', { sheet: map.sheet.name });
      let n = 0;
      let batch: string[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        await database.bulkCopy({ table: STAGE_TABLES[map.sheet.id], columns: copyColumns(map.sheet) }, batch);
        n += batch.length;
        total += batch.length;
        batch = [];
        await progress?.(total);
      };
      for (let r = await it.next(); !r.done; r = await it.next()) {
        if (isBlank(r.value)) continue;
        batch.push(stageLine(jobId, map, r.value));
        if (batch.length >= BATCH_ROWS) await flush();
      }
      await flush();
      counts[map.sheet.id] = n;
    }
    if (!matched) throw new ImportFileError('no_header', { file: f.name });
  }
  return counts;
}
