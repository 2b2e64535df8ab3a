/**
 * One bulk-load seam with two implementations: PGlite reads `COPY … FROM '/dev/blob'` from a file
 * opened as a Blob; PostgreSQL streams `COPY … FROM STDIN` through pg-copy-streams.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface BulkCopySpec {
  /** Target table, optionally schema-qualified (`staging.household_rows`). */
  table: string;
  columns: string[];
  /** CSV with a header line to skip. Default false. */
  header?: boolean;
  /** The source's COPY format: CSV (default), or PostgreSQL's text format (tab-separated, `\N` for null, backslash escapes). */
  format?: 'csv' | 'text';
}

/** A file on disk, or text produced chunk by chunk (a generator never holds the whole file). */
export type BulkSource = { file: string } | AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;

export type BulkCopy = (spec: BulkCopySpec, source: BulkSource) => Promise<number>;

const IDENT = /^[a-z_][a-z0-9_]*$/;

function quoteIdent(name: string): string {
  if (!IDENT.test(name)) throw new Error(`Tên bảng/cột không hợp lệ cho COPY: ${name}`);
  return `"${name}"`;
}

export function copySql(spec: BulkCopySpec, from: "'/dev/blob'" | 'stdin'): string {
  const table = spec.table.split('.').map(quoteIdent).join('.');
  const cols = spec.columns.map(quoteIdent).join(', ');
  if (spec.format === 'text') {
    if (spec.header) throw new Error('COPY text format: no header line');
    return `copy ${table} (${cols}) from ${from} with (format text)`;
  }
  return `copy ${table} (${cols}) from ${from} with (format csv, header ${spec.header ? 'true' : 'false'})`;
}

export function isFileSource(s: BulkSource): s is { file: string } {
  return typeof (s as { file?: unknown }).file === 'string';
}

export function sourceStream(s: Exclude<BulkSource, { file: string }>): Readable {
  return Readable.from(s as AsyncIterable<string | Uint8Array>, { objectMode: false });
}

/** Writes a streamed source to a temporary file (PGlite needs a Blob); the caller removes it. */
export async function spoolToTempFile(s: Exclude<BulkSource, { file: string }>): Promise<string> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'giamngheo-copy-'));
  const file = path.join(dir, 'data.csv');
  await pipeline(sourceStream(s), fs.createWriteStream(file));
  return file;
}

export async function removeTempFile(file: string): Promise<void> {
  await fs.promises.rm(path.dirname(file), { recursive: true, force: true });
}
