/**
 * Staging seam: rows to apply are written with the database's bulkCopy (COPY, one call per batch) into
 * the 0002 staging tables under a fresh batch id, applied set-based by SQL, and removed afterwards.
 * COPY cannot run inside the applying transaction (PGlite has one connection, PostgreSQL's COPY uses
 * its own pooled connection), hence permanent tables keyed by batch rather than temporary tables.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../connect.ts';
import type { DB } from '../schema.ts';

export type StageTable = 'admin_unit_stage' | 'admin_unit_change_stage' | 'admin_unit_succession_stage';

type Row<T extends StageTable> = Omit<{ [K in keyof DB[T]]: DB[T][K] }, 'batch'>;

/** One CSV field for COPY … (format csv): null is an unquoted empty field, '' a quoted one. */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  if (s === '') return '""';
  return /[",\r\n]/u.test(s) || s.trim() !== s ? `"${s.replace(/"/gu, '""')}"` : s;
}

export function newBatchId(): string {
  return crypto.randomUUID();
}

/** Copies `rows` into `table` under `batch`; returns the number of rows copied. */
export async function stageRows<T extends StageTable>(database: Database, table: T, batch: string, columns: Array<keyof Row<T> & string>, rows: Iterable<Row<T>>): Promise<number> {
  function* csv(): Generator<string> {
    let chunk = '';
    for (const r of rows) {
      const rec = r as Record<string, string | number | null>;
      chunk += `${csvField(batch)},${columns.map((c) => csvField(rec[c])).join(',')}\n`;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  return database.bulkCopy({ table, columns: ['batch', ...columns] }, csv());
}

export async function clearStage(database: Database, table: StageTable, batch: string): Promise<void> {
  await sql`delete from ${sql.table(table)} where batch = ${batch}`.execute(database.db);
}
