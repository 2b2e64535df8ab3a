/**
 * Opens the database named by the configuration: embedded PGlite in a worker thread, or a PostgreSQL
 * server through a `pg` pool. Both give the same Kysely API, the same result types and one bulkCopy().
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { DatabaseConfig } from './config.ts';
import type { DB } from './schema.ts';
import { PgliteWorkerClient } from './pglite/client.ts';
import { PgliteWorkerDialect } from './pglite/dialect.ts';
import { OID_DATE, OID_INT8, parseDate, parseInt8 } from './pglite/type-parsers.ts';
import { copySql, isFileSource, removeTempFile, sourceStream, spoolToTempFile, type BulkCopy } from './bulk-copy.ts';

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Kysely<DB>;
  bulkCopy: BulkCopy;
  /** PGlite only: writes the whole database as a gzip tarball (used to clone a migrated test template). */
  dumpTo?: (file: string) => Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === 'pglite' ? openPglite(config.dataDir, config.loadFrom) : openPostgres(config.connectionString, config.poolSize);
}

async function openPglite(dataDir: string | null, loadFrom?: string): Promise<Database> {
  const client = new PgliteWorkerClient({ dataDir, loadFrom });
  await client.waitReady();
  const db = new Kysely<DB>({ dialect: new PgliteWorkerDialect(client) });
  const bulkCopy: BulkCopy = async (spec, source) => {
    const file = isFileSource(source) ? source.file : await spoolToTempFile(source);
    await client.acquire();
    try {
      const r = await client.send({ op: 'copyFromFile', sql: copySql(spec, "'/dev/blob'"), file });
      return r.affectedRows ?? 0;
    } finally {
      client.release();
      if (!isFileSource(source)) await removeTempFile(file);
    }
  };
  const dumpTo = async (file: string) => {
    await client.acquire();
    try {
      await client.send({ op: 'dumpToFile', file });
    } finally {
      client.release();
    }
  };
  // Kysely only destroys a driver it has initialised (i.e. after a first query), so close the worker too.
  const close = async () => {
    await db.destroy();
    await client.close();
  };
  return { kind: 'pglite', db, bulkCopy, dumpTo, close };
}

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID_INT8) return parseInt8;
    if (oid === OID_DATE) return parseDate;
    return pg.types.getTypeParser(oid, format);
  },
};

async function openPostgres(connectionString: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: poolSize, types: pgTypes as pg.CustomTypesConfig });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const bulkCopy: BulkCopy = async (spec, source) => {
    const client = await pool.connect();
    try {
      const stream = client.query(copyFrom(copySql(spec, 'stdin')));
      const input = isFileSource(source) ? fs.createReadStream(source.file) : sourceStream(source);
      await pipeline(input, stream);
      return Number(stream.rowCount ?? 0);
    } finally {
      client.release();
    }
  };
  return { kind: 'postgres', db, bulkCopy, close: () => db.destroy() };
}
