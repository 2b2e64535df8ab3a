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
import type { ImportColumn, ImportSheet } from '../../domain/import/column-types.ts';
import type { SheetId } from '../../domain/import/import-kinds.ts';
import { searchFold, todayInVietnam } from '../registry/text.ts';
import { cellCheck } from './cell-checks.ts';
import { cellText } from './cell-text.ts';
import { doubledJsonString, factsJson } from './fact-json.ts';
import { assertRequiredColumns, matchHeader, type HeaderMap } from './header-map.ts';
import { ImportFileError } from './import-file-error.ts';
import { birthYearOf, lineNumberOf, rowFindings, type RowFinding } from './row-checks.ts';
import { sourceTables, type SourceRow } from './table-sources.ts';
import { stagePartition } from './stage-partitions.ts';

/** Rows between two progress writes. */
const PROGRESS_ROWS = 50_000;
/** Non-empty rows looked at for the header before a table is taken for no import sheet. */
const HEADER_SEARCH_ROWS = 5;
/** Distinct cells remembered per cached column. */
const MAX_CACHED = 20_000;
/** Column kinds whose cells repeat (codes, flags, numbers, dates): normalised and checked once per distinct cell. */
const CACHED_KINDS = new Set(['code', 'codes', 'boolean', 'integer', 'number', 'date', 'commune_code', 'village_code']);

export interface UploadedFile {
  /** Path of the uploaded bytes on disk. */
  path: string;
  /** The name the user gave the file (decides the format). */
  name: string;
}

export type StageProgress = (rowsStaged: number) => void | Promise<void>;

/** A staged text as a CSV field: quoted when it holds a quote, comma or line break (scanned, no regex). */
function csvField(v: string | null): string {
  if (v === null) return '';
  if (v === '') return '""';
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 34 || c === 44 || c === 10 || c === 13) return `"${v.replaceAll('"', '""')}"`;
  }
  return v;
}

/**
 * A facts JSON built with its quotes doubled, as a CSV field: an object with a key holds a quote,
 * so it is quoted; the empty object is not (as csvField would write them).
 */
function jsonField(doubled: string): string {
  return doubled === '{}' ? doubled : `"${doubled}"`;
}

/**
 * Extra staging columns computed from the row: members' folded name, numeric STT and birth year, and
 * the facts JSON of households and members (fact-json.ts).
 */
function extraColumns(sheet: ImportSheet): string[] {
  if (sheet.id === 'members') return ['full_name_ascii', 'line_int', 'born', 'facts'];
  return sheet.id === 'households' ? ['facts'] : [];
}

/** The staging table columns a sheet's rows are copied into, in order. */
export function copyColumns(sheet: ImportSheet): string[] {
  return ['job_id', 'line', ...sheet.columns.map((c) => c.key), ...extraColumns(sheet), 'findings'];
}

interface Cell {
  text: string | null;
  finding: string | null;
  /** ',' and the text as a CSV field (built once per distinct cell of a cached column). */
  field: string;
}

/** Raw cell → staged text and its finding, remembering repeated string cells of the cached kinds. */
function cellStager(col: ImportColumn, today: string): (raw: unknown) => Cell {
  const check = cellCheck(col, today);
  const stage = (raw: unknown): Cell => {
    const text = cellText(col, raw);
    return { text, finding: check(text), field: `,${csvField(text)}` };
  };
  if (!CACHED_KINDS.has(col.type.kind)) return stage;
  const seen = new Map<string, Cell>();
  return (raw) => {
    if (typeof raw !== 'string') return stage(raw);
    let c = seen.get(raw);
    if (c === undefined) {
      c = stage(raw);
      if (seen.size < MAX_CACHED) seen.set(raw, c);
    }
    return c;
  };
}

/** Source row → one staging CSV line (job, line, the sheet's columns, extras, findings). */
export type RowStager = (row: SourceRow) => string;

/** The stager of the rows of a table with header `map`; `today` (yyyy-mm-dd) bounds dates. */
export function rowStager(jobId: number, map: HeaderMap, today: string = todayInVietnam()): RowStager {
  const columns = map.sheet.columns;
  const stagers = columns.map((c) => cellStager(c, today));
  const keyIndex = new Map(columns.map((c, i) => [c.key, i]));
  const nameAt = map.sheet.id === 'members' ? keyIndex.get('full_name')! : -1;
  const texts: Array<string | null> = Array.from({ length: columns.length }, () => null);
  const cell = (key: string) => texts[keyIndex.get(key)!] ?? null;
  const prefix = `${jobId},`;
  // The JSON is built with its quotes already doubled (no escaping pass over it).
  const facts = map.sheet.id === 'surveys' ? null : factsJson(map.sheet, doubledJsonString);
  return (row) => {
    let out = `${prefix}${row.line}`;
    let findings = '';
    for (let i = 0; i < columns.length; i++) {
      const at = map.indexes[i]!;
      const c = at < 0 ? null : stagers[i]!(row.values[at]);
      const text = c === null ? null : c.text;
      texts[i] = text;
      const finding = c === null ? (columns[i]!.required ? 'required' : null) : c.finding;
      if (finding !== null) findings += `${findings ? ';' : ''}${columns[i]!.key}:${finding}`;
      out += c === null ? ',' : c.field;
    }
    let born: number | null = null;
    if (nameAt >= 0) {
      const name = texts[nameAt];
      born = birthYearOf(cell('date_of_birth'), cell('birth_year'));
      out += `,${name ? csvField(searchFold(name)) : ''},${lineNumberOf(cell('line_no')) ?? ''},${born ?? ''}`;
    }
    const rowLevel: RowFinding[] = [];
    rowFindings(map.sheet.id, cell, rowLevel);
    for (const [key, code] of rowLevel) findings += `${findings ? ';' : ''}${key}:${code}`;
    // A row with findings is never committed: its JSON is not built.
    if (facts) out += `,${findings ? '' : jsonField(facts(texts))}`;
    return `${out},${findings}\n`;
  };
}

/** One staging CSV line of a source row (tests and one-off use; a table uses one `rowStager`). */
export function stageLine(jobId: number, map: HeaderMap, row: SourceRow): string {
  return rowStager(jobId, map)(row);
}

function isBlank(row: SourceRow): boolean {
  return row.values.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''));
}

/** Finds the header in the first non-blank rows; returns it with the rows after it (of the batches read so far). */
async function findHeader(it: AsyncIterator<SourceRow[]>): Promise<{ map: HeaderMap; rest: SourceRow[] } | null> {
  let seen = 0;
  for (let r = await it.next(); !r.done; r = await it.next()) {
    const rows = r.value;
    for (let i = 0; i < rows.length; i++) {
      if (isBlank(rows[i]!)) continue;
      const map = matchHeader(rows[i]!.values);
      if (map) return { map, rest: rows.slice(i + 1) };
      if (++seen >= HEADER_SEARCH_ROWS) return null;
    }
  }
  return null;
}

/**
 * Stages every file of an upload into the job's staging tables (createStagePartitions); returns the rows
 * staged per sheet. Throws ImportFileError for an unreadable file, a CSV without a known header, a sheet
 * given twice or a missing required column.
 */
export async function stageFiles(database: Pick<Database, 'bulkCopy'>, jobId: number, files: readonly UploadedFile[], progress?: StageProgress): Promise<Partial<Record<SheetId, number>>> {
  const counts: Partial<Record<SheetId, number>> = {};
  let total = 0;
  for (const f of files) {
    let matched = false;
    for await (const table of sourceTables(f.path, f.name)) {
      const it = table.batches[Symbol.asyncIterator]();
      const found = await findHeader(it);
      if (!found) {
        // Drain the worksheet so the streaming reader moves to the next one.
        for (let r = await it.next(); !r.done; r = await it.next());
        continue;
      }
      const { map, rest } = found;
      matched = true;
      assertRequiredColumns(map);
      if (counts[map.sheet.id] !== undefined) throw new ImportFileError('duplicate_sheet', { sheet: map.sheet.name });
      const stage = rowStager(jobId, map);
      let n = 0;
      let reported = total;
      // A file-level refusal met while reading ends the copy normally and is thrown after it.
      let refused: ImportFileError | null = null;
      const text = (rows: SourceRow[]): string => {
        let out = '';
        for (const row of rows) {
          if (isBlank(row)) continue;
          out += stage(row);
          n++;
        }
        return out;
      };
      const lines = async function* (): AsyncGenerator<string> {
        try {
          const first = text(rest);
          if (first) yield first;
          for (let r = await it.next(); !r.done; r = await it.next()) {
            const chunk = text(r.value);
            if (chunk) yield chunk;
            if (total + n - reported >= PROGRESS_ROWS) {
              reported = total + n;
              await progress?.(reported);
            }
          }
        } catch (e) {
          if (e instanceof ImportFileError) refused = e;
          else throw e;
        }
      };
      await database.bulkCopy({ table: stagePartition(map.sheet.id, jobId), columns: copyColumns(map.sheet) }, lines());
      if (refused) throw refused;
      total += n;
      counts[map.sheet.id] = n;
      await progress?.(total);
    }
    if (!matched) throw new ImportFileError('no_header', { file: f.name });
  }
  return counts;
}
