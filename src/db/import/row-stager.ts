/**
 * A staged row: a source row's cells normalised (cell-text.ts) and checked (cell-checks.ts, row-checks.ts)
 * and written as one staging line of COPY's text format — job id, file line, the sheet's columns, the extra columns
 * (folded name, STT, birth year, facts JSON) and the findings (`col:code;…`, empty for a clean row).
 * Repeated cells of coded, boolean, number and date columns are normalised and checked once (bounded
 * cache per column). Kept apart from the reading and copying (stage-rows.ts) so that the staging threads
 * (stage-worker.ts) load only this.
 */
import type { ImportColumn, ImportSheet } from '../../domain/import/column-types.ts';
import { searchFold, todayInVietnam } from '../registry/text.ts';
import { cellCheck } from './cell-checks.ts';
import { cellText } from './cell-text.ts';
import { copyJsonString, factsJson } from './fact-json.ts';
import { matchHeader, type HeaderMap } from './header-map.ts';
import { birthYearOf, lineNumberOf, rowFindings, type RowFinding } from './row-checks.ts';

/** A row of a table: its line in the file and its raw cells (exceljs values, or CSV text). */
export interface SourceRow {
  line: number;
  values: unknown[];
}

/** Distinct cells remembered per cached column. */
const MAX_CACHED = 20_000;
/** Column kinds whose cells repeat (codes, flags, numbers, dates): normalised and checked once per distinct cell. */
const CACHED_KINDS = new Set(['code', 'codes', 'boolean', 'integer', 'number', 'date', 'commune_code', 'village_code']);

/** The COPY format of staging lines: PostgreSQL reads text format with less work than CSV (docs/benchmarks.md, import). */
export const STAGING_COPY_FORMAT = 'text';

/** A NULL field of COPY's text format. */
const NULL_FIELD = '\\N';

/**
 * A staged text as a field of COPY's text format (tab-separated, `\N` for null): a backslash, tab or
 * line break is escaped with a backslash, and a NUL character, which no PostgreSQL text can hold, becomes
 * U+FFFD (the text is scanned first: most need neither).
 */
function copyField(v: string | null): string {
  if (v === null) return NULL_FIELD;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 92 || c === 9 || c === 10 || c === 13 || c === 0) return v.replace(/[\\\t\n\r\0]/gu, (x) => COPY_ESCAPES[x]!);
  }
  return v;
}

const COPY_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\ufffd' };

/**
 * Extra staging columns computed from the row: members' folded name, numeric STT and birth year, and
 * the facts JSON of households and members (fact-json.ts).
 */
function extraColumns(sheet: ImportSheet): string[] {
  if (sheet.id === 'members') return ['full_name_ascii', 'line_int', 'born', 'facts'];
  return sheet.id === 'households' ? ['facts'] : [];
}

/** The staging table columns a sheet's rows are copied into, in order (COPY's text format: STAGING_COPY_FORMAT). */
export function copyColumns(sheet: ImportSheet): string[] {
  return ['job_id', 'line', ...sheet.columns.map((c) => c.key), ...extraColumns(sheet), 'findings'];
}

const NULL_TAB = `\t${NULL_FIELD}`;

interface Cell {
  text: string | null;
  finding: string | null;
  /** A tab and the text as a COPY field (built once per distinct cell of a cached column). */
  field: string;
}

/** Raw cell → staged text and its finding, remembering repeated string cells of the cached kinds. */
function cellStager(col: ImportColumn, today: string): (raw: unknown) => Cell {
  const check = cellCheck(col, today);
  const stage = (raw: unknown): Cell => {
    const text = cellText(col, raw);
    return { text, finding: check(text), field: `\t${copyField(text)}` };
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

/** Source row → one staging line (job, line, the sheet's columns, extras, findings). */
export type RowStager = (row: SourceRow) => string;

/** The stager of the rows of a table with header `map`; `today` (yyyy-mm-dd) bounds dates. */
export function rowStager(jobId: number, map: HeaderMap, today: string = todayInVietnam()): RowStager {
  const columns = map.sheet.columns;
  const stagers = columns.map((c) => cellStager(c, today));
  const keyIndex = new Map(columns.map((c, i) => [c.key, i]));
  const nameAt = map.sheet.id === 'members' ? keyIndex.get('full_name')! : -1;
  const texts: Array<string | null> = Array.from({ length: columns.length }, () => null);
  const cell = (key: string) => texts[keyIndex.get(key)!] ?? null;
  const prefix = `${jobId}\t`;
  // The JSON is built with its backslashes already doubled (no escaping pass over it).
  const facts = map.sheet.id === 'surveys' ? null : factsJson(map.sheet, copyJsonString);
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
      out += c === null ? NULL_TAB : c.field;
    }
    let born: number | null = null;
    if (nameAt >= 0) {
      const name = texts[nameAt];
      born = birthYearOf(cell('date_of_birth'), cell('birth_year'));
      out += `\t${name ? copyField(searchFold(name)) : NULL_FIELD}\t${lineNumberOf(cell('line_no')) ?? NULL_FIELD}\t${born ?? NULL_FIELD}`;
    }
    const rowLevel: RowFinding[] = [];
    rowFindings(map.sheet.id, cell, rowLevel);
    for (const [key, code] of rowLevel) findings += `${findings ? ';' : ''}${key}:${code}`;
    // A row with findings is never committed: its JSON is not built.
    if (facts) out += `\t${findings ? NULL_FIELD : facts(texts)}`;
    return `${out}\t${findings || NULL_FIELD}\n`;
  };
}

/** One staging line of a source row (tests and one-off use; a table uses one `rowStager`). */
export function stageLine(jobId: number, map: HeaderMap, row: SourceRow): string {
  return rowStager(jobId, map)(row);
}

export function isBlank(row: SourceRow): boolean {
  return row.values.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''));
}

/** Non-blank rows looked at for the header before a table is taken for no import sheet. */
export const HEADER_SEARCH_ROWS = 5;

/**
 * Looks for the header row in `rows`, after `seen` non-blank rows of the table already looked at: its
 * index and sheet, or how many non-blank rows have been looked at so far (HEADER_SEARCH_ROWS ends the search).
 */
export function findHeaderRow(rows: readonly SourceRow[], seen: number): { at: number; map: HeaderMap } | { seen: number } {
  for (let i = 0; i < rows.length && seen < HEADER_SEARCH_ROWS; i++) {
    if (isBlank(rows[i]!)) continue;
    const map = matchHeader(rows[i]!.values);
    if (map) return { at: i, map };
    seen++;
  }
  return { seen };
}

/** The staging lines of the non-blank rows of a batch, and how many rows they are. */
export function stageRows(stage: RowStager, rows: readonly SourceRow[]): { text: string; rows: number } {
  let text = '';
  let n = 0;
  for (const row of rows) {
    if (isBlank(row)) continue;
    text += stage(row);
    n++;
  }
  return { text, rows: n };
}
