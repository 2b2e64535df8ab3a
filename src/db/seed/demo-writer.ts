/**
 * Writes the demo rows with `database.bulkCopy`: each table's rows are encoded as CSV into a temporary
 * file as they are generated, and the files are copied in chunks (`COPY … FROM '/dev/blob'` on PGlite,
 * `COPY … FROM STDIN` on PostgreSQL). A chunk can be copied while the generator produces the next one:
 * PGlite runs in its worker thread, PostgreSQL in its own process.
 *
 * Ids of bigserial tables are given explicitly (so rows can refer to each other without reading back)
 * from a value taken from each sequence, and the sequences are moved past them at the end.
 * Columns that only some schema versions have (added by later migrations) are written when present.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { Database } from '../connect.ts';
import type { DemoSink, DemoTable, IdBases } from './demo-reviews.ts';

/** Columns per table; a trailing "?" marks a column written only when the table has it. */
export const DEMO_COLUMNS: Readonly<Record<DemoTable, readonly string[]>> = {
  review_campaign: ['id', 'province_code', 'year', 'kind', 'standard_id', 'local_standard_id', 'policy_year', 'reference_date', 'plan_start', 'plan_end', 'title', 'status', 'closed_at', 'created_by', 'created_at', 'version'],
  commune_review: ['province_code', 'id', 'campaign_id', 'commune_code', 'state', 'state_changed_at', 'posting_start', 'posting_end', 'decision_number', 'decision_date', 'decision_signer', 'submitted_at', 'accepted_at', 'accepted_by', 'version'],
  commune_review_event: ['province_code', 'id', 'review_id', 'at', 'actor_id', 'action', 'from_state', 'to_state', 'reason', 'payload'],
  village: ['province_code', 'commune_code', 'code', 'name', 'name_ascii', 'valid_from', 'valid_to'],
  household: ['province_code', 'id', 'code', 'commune_code', 'village_code', 'address', 'head_name', 'head_name_ascii', 'head_citizen_id', 'ethnicity', 'phone', 'status', 'status_date', 'status_reason?', 'facts?', 'version', 'created_at', 'updated_at'],
  household_residence: ['province_code', 'household_id', 'commune_code', 'village_code', 'valid_from', 'valid_to'],
  member: ['province_code', 'id', 'household_id', 'line_no', 'full_name', 'full_name_ascii', 'date_of_birth', 'birth_year', 'sex', 'ethnicity', 'citizen_id', 'relation', 'facts', 'active', 'left_reason', 'left_date'],
  review_household: ['province_code', 'review_id', 'household_id', 'listing_reason', 'stage', 'meeting_agree', 'meeting_attendees', 'proposed_class', 'final_class', 'returned_at?'],
  survey: ['province_code', 'id', 'review_id', 'household_id', 'form_a', 'excluded_by_form_a', 'score_a', 'score_a_items', 'income', 'facts', 'causes', 'needs', 'surveyed_by', 'surveyed_on', 'superseded_by', 'created_at'],
  classification: ['province_code', 'review_id', 'household_id', 'standard_id', 'survey_id', 'area_type', 'class', 'subtype', 'deprivation_count', 'deprivations', 'explanation', 'computed_at'],
  village_meeting: ['province_code', 'review_id', 'village_code', 'held_on', 'attendees', 'chair', 'secretary', 'minutes_file', 'minutes_name', 'recorded_by', 'meeting_no?'],
  meeting_vote: ['province_code', 'review_id', 'household_id', 'village_code', 'agree', 'attendees', 'disagree?', 'meeting_no?'],
  complaint: ['province_code', 'id', 'review_id', 'household_id', 'received_on', 'complainant', 'content', 'recheck_note', 'outcome', 'resolved_on', 'recorded_by'],
  list_status: ['province_code', 'household_id', 'list_year', 'status', 'standard_id', 'review_id', 'application_id', 'decision_number', 'decision_date', 'effective_from'],
  certificate: ['province_code', 'id', 'household_id', 'number', 'status', 'list_year', 'issued_on', 'decision_number'],
  review_file: ['province_code', 'id', 'commune_code', 'name', 'content_type', 'size', 'sha256', 'content', 'uploaded_by', 'uploaded_at'],
};

/** Tables in copy order (campaigns before the commune reviews that reference them). */
export const DEMO_TABLES: readonly DemoTable[] = Object.keys(DEMO_COLUMNS) as DemoTable[];

/** Tables whose `id` comes from a sequence. */
export const SERIAL_TABLES = ['household', 'member', 'review_campaign', 'commune_review', 'commune_review_event', 'survey', 'complaint', 'certificate', 'review_file'] as const;

const QUOTE_NEEDED = /[",\n\r]/;
const QUOTES = /"/g;

/** A JSON value as a quoted CSV field (a global regex replace is the cheapest way to double the quotes). */
function jsonField(v: unknown): string {
  return `"${JSON.stringify(v).replace(QUOTES, '""')}"`;
}

function quote(s: string): string {
  if (s !== '' && !QUOTE_NEEDED.test(s)) return s;
  return s.includes('"') ? `"${s.replace(QUOTES, '""')}"` : `"${s}"`;
}

/** A PostgreSQL array literal of text values: {"a","b"}. */
function textArray(items: readonly unknown[]): string {
  return `{${items.map((x) => `"${String(x).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/** How a column's values are written: jsonb as JSON text, arrays as a text[] literal, bytea as hex. */
export type ColumnKind = 'plain' | 'json' | 'array' | 'bytea';

/**
 * One CSV field: null → NULL (empty, unquoted); booleans t/f; jsonb → JSON; arrays → text[] literal;
 * bytes → bytea hex.
 */
export function csvField(v: unknown, kind: ColumnKind = 'plain'): string {
  if (v === null || v === undefined) return '';
  if (kind === 'json') return jsonField(v);
  switch (typeof v) {
    case 'number':
      return String(v);
    case 'boolean':
      return v ? 't' : 'f';
    case 'string':
      return quote(v);
    case 'object':
      if (Array.isArray(v)) return quote(textArray(v));
      if (v instanceof Uint8Array) return `\\x${Buffer.from(v).toString('hex')}`;
      if (v instanceof Date) return v.toISOString();
      return jsonField(v);
    default:
      return quote(String(v));
  }
}

/** Columns of the tables in the current schema, with how each is written. */
export async function tableColumns(database: Database): Promise<Map<string, Map<string, ColumnKind>>> {
  const r = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select table_name, column_name, data_type from information_schema.columns where table_schema = current_schema()`.execute(database.db);
  const out = new Map<string, Map<string, ColumnKind>>();
  for (const row of r.rows) {
    let cols = out.get(row.table_name);
    if (!cols) out.set(row.table_name, (cols = new Map()));
    const t = row.data_type.toLowerCase();
    cols.set(row.column_name, t === 'jsonb' || t === 'json' ? 'json' : t === 'array' ? 'array' : t === 'bytea' ? 'bytea' : 'plain');
  }
  return out;
}

/** A fresh value of each table's id sequence: the first id the seed uses. */
export async function idBases(database: Database, tables: readonly string[]): Promise<IdBases> {
  const bases: Record<string, number> = {};
  for (const t of tables) {
    const r = await sql<{ v: string | number }>`select nextval(pg_get_serial_sequence(${t}, 'id')) as v`.execute(database.db);
    bases[t] = Number(r.rows[0]!.v);
  }
  return bases as IdBases;
}

/** Moves each sequence to the largest id of its table. */
export async function syncSequences(database: Database, tables: readonly string[]): Promise<void> {
  for (const t of tables) {
    await sql`select setval(pg_get_serial_sequence(${t}, 'id'), m) from (select max(id) as m from ${sql.table(t)}) x where m is not null`.execute(database.db);
  }
}

export interface IndexDefinition {
  name: string;
  table: string;
  definition: string;
}

/**
 * Secondary indexes of the given tables (those not backing a primary-key or unique constraint). Loading
 * into empty tables and building these indexes afterwards is much faster than maintaining them row by
 * row; their definitions are kept (also in the seed marker) so they are always rebuilt exactly.
 */
export async function secondaryIndexes(database: Database, tables: readonly string[]): Promise<IndexDefinition[]> {
  const r = await sql<{ name: string; table: string; definition: string }>`
    select ci.relname as name, ct.relname as table, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i
    join pg_class ci on ci.oid = i.indexrelid
    join pg_class ct on ct.oid = i.indrelid
    join pg_namespace n on n.oid = ct.relnamespace
    where n.nspname = current_schema() and ct.relname in (${sql.join(tables)})
      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
    order by ct.relname, ci.relname`.execute(database.db);
  return r.rows;
}

export async function dropIndexes(database: Database, indexes: readonly IndexDefinition[]): Promise<void> {
  for (const ix of indexes) await sql`drop index if exists ${sql.id(ix.name)}`.execute(database.db);
}

/** Recreates the indexes that are missing (all of them after dropIndexes). */
export async function restoreIndexes(database: Database, indexes: readonly IndexDefinition[]): Promise<void> {
  const r = await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema()`.execute(database.db);
  const present = new Set(r.rows.map((x) => x.name));
  for (const ix of indexes) if (!present.has(ix.name)) await sql.raw(ix.definition).execute(database.db);
}

/** Column names and how each is written, per table (the tables the database has). */
export type TableLayout = Partial<Record<DemoTable, { names: string[]; kinds: ColumnKind[] }>>;

/** The columns to write per table: DEMO_COLUMNS intersected with the database's tables and columns. */
export function tableLayout(existing: ReadonlyMap<string, ReadonlyMap<string, ColumnKind>>): TableLayout {
  const out: TableLayout = {};
  for (const table of DEMO_TABLES) {
    const have = existing.get(table);
    if (!have) continue;
    const names: string[] = [];
    const kinds: ColumnKind[] = [];
    for (const spec of DEMO_COLUMNS[table]) {
      const optional = spec.endsWith('?');
      const name = optional ? spec.slice(0, -1) : spec;
      const kind = have.get(name);
      if (kind !== undefined) {
        names.push(name);
        kinds.push(kind);
      } else if (!optional) {
        throw new Error(`Bảng ${table} thiếu cột ${name}: hãy chạy migration trước khi tạo dữ liệu mẫu`);
      }
    }
    out[table] = { names, kinds };
  }
  return out;
}

/** A finished CSV file: one table's rows of one chunk. */
export interface ChunkFile {
  table: DemoTable;
  columns: string[];
  file: string;
  rows: number;
}

interface TableFile extends ChunkFile {
  kinds: ColumnKind[];
  fd: number;
  /** UTF-8 bytes not yet written (rows are encoded straight into it: no long-lived strings). */
  buffer: Buffer;
  used: number;
}

const BUFFER_BYTES = 1 << 20;

/**
 * Encodes rows as CSV into one file per table; `cut()` closes the current files (a chunk) and later
 * rows go to new ones. No database access, so it also runs in the generator's worker thread.
 */
export class CsvChunkWriter implements DemoSink {
  private readonly files = new Map<DemoTable, TableFile>();
  private chunk = 0;
  readonly rows: Partial<Record<DemoTable, number>> = {};

  constructor(
    private readonly dir: string,
    private readonly layout: TableLayout,
  ) {}

  row(table: DemoTable, record: Record<string, unknown>): void {
    let f = this.files.get(table);
    if (!f) {
      const columns = this.layout[table];
      if (!columns) return;
      const file = path.join(this.dir, `${table}.${this.chunk}.csv`);
      f = { table, columns: columns.names, kinds: columns.kinds, fd: fs.openSync(file, 'w'), file, buffer: Buffer.allocUnsafe(BUFFER_BYTES), used: 0, rows: 0 };
      this.files.set(table, f);
    }
    // One line per row, encoded straight into the buffer (at most 3 UTF-8 bytes per UTF-16 unit).
    const cols = f.columns;
    const kinds = f.kinds;
    let line = csvField(record[cols[0]!], kinds[0]);
    for (let i = 1; i < cols.length; i++) line += `,${csvField(record[cols[i]!], kinds[i])}`;
    line += '\n';
    if (f.used + line.length * 3 > f.buffer.length) this.flush(f);
    if (line.length * 3 > f.buffer.length) fs.writeSync(f.fd, line);
    else f.used += f.buffer.write(line, f.used);
    f.rows++;
    this.rows[table] = (this.rows[table] ?? 0) + 1;
  }

  private flush(f: TableFile): void {
    if (f.used === 0) return;
    fs.writeSync(f.fd, f.buffer, 0, f.used);
    f.used = 0;
  }

  /** Closes the current files and returns them in copy order (campaigns before commune reviews). */
  cut(): ChunkFile[] {
    const done = [...this.files.values()].toSorted((a, b) => DEMO_TABLES.indexOf(a.table) - DEMO_TABLES.indexOf(b.table));
    this.files.clear();
    this.chunk++;
    for (const f of done) {
      this.flush(f);
      fs.closeSync(f.fd);
    }
    return done.map((f) => ({ table: f.table, columns: f.columns, file: f.file, rows: f.rows }));
  }

  /** Closes files left open after a failure. */
  abandon(): void {
    for (const f of this.files.values()) {
      try {
        fs.closeSync(f.fd);
      } catch {
        // already closed
      }
    }
    this.files.clear();
  }
}

/** Copies chunk files one after the other with `database.bulkCopy`, removing each file once copied. */
export class CopyQueue {
  private tail: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  /** Seconds spent inside COPY. */
  seconds = 0;

  constructor(private readonly database: Database) {}

  enqueue(files: readonly ChunkFile[]): void {
    this.tail = this.tail.then(async () => {
      if (this.failure !== null) return;
      for (const f of files) {
        const t0 = performance.now();
        try {
          await this.database.bulkCopy({ table: f.table, columns: f.columns }, { file: f.file });
        } catch (e) {
          this.failure = e;
          return;
        }
        this.seconds += (performance.now() - t0) / 1000;
        await fs.promises.rm(f.file, { force: true });
      }
    });
  }

  /** Waits for every copy; throws the first failure. */
  async settle(): Promise<void> {
    await this.tail;
    if (this.failure !== null) throw this.failure;
  }
}

export async function makeChunkDir(): Promise<string> {
  return fs.promises.mkdtemp(path.join(os.tmpdir(), 'giamngheo-demo-'));
}
