/**
 * Writes the parsed rows of an upload into the job's staging tables (created beforehand, detached:
 * stage-partitions.ts): every table of every file is matched to its sheet by the header row, each cell
 * normalised (cell-text.ts) and checked (cell-checks.ts, row-checks.ts), and the rows streamed into ONE
 * bulkCopy per table, tagged with the job id, their file line and their findings (`col:code;…`, null for
 * a clean row). The rows are handled a batch at a time (a CSV chunk, an .xlsx batch), so memory stays
 * flat however large the file, and on PostgreSQL the parsing overlaps the server's COPY. Repeated cells
 * of coded, boolean, number and date columns are normalised and checked once (bounded cache per column).
 */
import type { Database } from '../connect.ts';
import type { SheetId } from '../../domain/import/import-kinds.ts';
import { todayInVietnam } from '../registry/text.ts';
import { assertRequiredColumns, type HeaderMap } from './header-map.ts';
import { ImportFileError } from './import-file-error.ts';
import { copyColumns, findHeaderRow, HEADER_SEARCH_ROWS, rowStager, STAGING_COPY_FORMAT, stageRows } from './row-stager.ts';
import { formatOf, sourceTables, type SourceRow } from './table-sources.ts';
import { stagePartition } from './stage-partitions.ts';
import { parallelCsvTable, stagePool, type ParallelStaging, type StagePool, type StagingTable } from './stage-parallel.ts';

/** Rows between two progress writes. */
const PROGRESS_ROWS = 50_000;

export interface UploadedFile {
  /** Path of the uploaded bytes on disk. */
  path: string;
  /** The name the user gave the file (decides the format). */
  name: string;
}

export type StageProgress = (rowsStaged: number) => void | Promise<void>;

/** Finds the header in the first non-blank rows; returns it with the rows after it (of the batches read so far). */
async function findHeader(it: AsyncIterator<SourceRow[]>): Promise<{ map: HeaderMap; rest: SourceRow[] } | null> {
  let seen = 0;
  for (let r = await it.next(); !r.done; r = await it.next()) {
    const found = findHeaderRow(r.value, seen);
    if ('map' in found) return { map: found.map, rest: r.value.slice(found.at + 1) };
    seen = found.seen;
    if (seen >= HEADER_SEARCH_ROWS) return null;
  }
  return null;
}

/** The tables of a file read on this thread; a table without a known header is drained and left out. */
async function* oneThreadTables(f: UploadedFile, jobId: number, today: string): AsyncGenerator<StagingTable> {
  for await (const table of sourceTables(f.path, f.name)) {
    const it = table.batches[Symbol.asyncIterator]();
    const found = await findHeader(it);
    if (!found) {
      // Drain the worksheet so the streaming reader moves to the next one.
      for (let r = await it.next(); !r.done; r = await it.next());
      continue;
    }
    const { map, rest } = found;
    const stage = rowStager(jobId, map, today);
    const text = (rows: SourceRow[], onRows: (n: number) => void): string => {
      const staged = stageRows(stage, rows);
      onRows(staged.rows);
      return staged.text;
    };
    yield {
      map,
      async *chunks(onRows) {
        const first = text(rest, onRows);
        if (first) yield first;
        for (let r = await it.next(); !r.done; r = await it.next()) {
          const chunk = text(r.value, onRows);
          if (chunk) yield chunk;
        }
      },
    };
  }
}

/** The tables of a file: a large CSV is staged by worker threads (stage-parallel.ts), anything else on this thread. */
async function* fileTables(f: UploadedFile, jobId: number, today: string, pool: StagePool | null, parallel: ParallelStaging): AsyncGenerator<StagingTable> {
  if (pool && formatOf(f.name) === 'csv') {
    const table = await parallelCsvTable(pool, f.path, jobId, today, parallel);
    if (table) {
      yield table;
      return;
    }
  }
  yield* oneThreadTables(f, jobId, today);
}

/** Copies one table into its staging partition; returns its rows. `before`: rows of the upload staged before it. */
async function copyTable(database: Pick<Database, 'bulkCopy'>, jobId: number, table: StagingTable, before: number, progress?: StageProgress): Promise<number> {
  const { map } = table;
  let n = 0;
  let reported = before;
  // A file-level refusal met while reading ends the copy normally and is thrown after it.
  let refused: ImportFileError | null = null;
  const lines = async function* (): AsyncGenerator<string | Uint8Array> {
    try {
      for await (const chunk of table.chunks((k) => (n += k))) {
        yield chunk;
        if (before + n - reported >= PROGRESS_ROWS) {
          reported = before + n;
          await progress?.(reported);
        }
      }
    } catch (e) {
      if (e instanceof ImportFileError) refused = e;
      else throw e;
    }
  };
  await database.bulkCopy({ table: stagePartition(map.sheet.id, jobId), columns: copyColumns(map.sheet), format: STAGING_COPY_FORMAT }, lines());
  if (refused) throw refused;
  return n;
}

/**
 * Stages every file of an upload into the job's staging tables (createStagePartitions); returns the rows
 * staged per sheet. Throws ImportFileError for an unreadable file, a CSV without a known header, a sheet
 * given twice or a missing required column.
 */
export async function stageFiles(database: Pick<Database, 'bulkCopy'>, jobId: number, files: readonly UploadedFile[], progress?: StageProgress, parallel: ParallelStaging = {}): Promise<Partial<Record<SheetId, number>>> {
  const counts: Partial<Record<SheetId, number>> = {};
  const today = todayInVietnam();
  const pool = stagePool(parallel);
  let total = 0;
  try {
    for (const f of files) {
      let matched = false;
      for await (const table of fileTables(f, jobId, today, pool, parallel)) {
        const { map } = table;
        matched = true;
        assertRequiredColumns(map);
        if (counts[map.sheet.id] !== undefined) throw new ImportFileError('duplicate_sheet', { sheet: map.sheet.name });
        const n = await copyTable(database, jobId, table, total, progress);
        total += n;
        counts[map.sheet.id] = n;
        await progress?.(total);
      }
      if (!matched) throw new ImportFileError('no_header', { file: f.name });
    }
  } finally {
    await pool?.close();
  }
  return counts;
}
