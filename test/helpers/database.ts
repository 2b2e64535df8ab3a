/**
 * Test databases: in-memory PGlite by default, cloned from a migrated template tarball that is built
 * once per migration set (initdb costs seconds, a clone well under one); with TEST_DATABASE_URL set,
 * a fresh schema on that PostgreSQL server per call (dropped on close), so the same tests run on both.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/connect.ts';
import { migrate, readMigrations } from '../../src/db/migrate.ts';

async function pgliteTemplate(): Promise<string> {
  const hash = crypto.createHash('sha256');
  for (const f of readMigrations()) hash.update(f.checksum);
  const file = path.join(os.tmpdir(), `giamngheo-pglite-template-${hash.digest('hex').slice(0, 16)}.tar.gz`);
  if (fs.existsSync(file)) return file;
  const d = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    await migrate(d.db);
    const tmp = `${file}.${process.pid}.tmp`;
    await d.dumpTo!(tmp);
    fs.renameSync(tmp, file);
  } finally {
    await d.close();
  }
  return file;
}

export async function openTestDatabase(opts: { migrate?: boolean } = {}): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    if (opts.migrate === false) return openDatabase({ kind: 'pglite', dataDir: null });
    return openDatabase({ kind: 'pglite', dataDir: null, loadFrom: await pgliteTemplate() });
  }
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  const database = await openDatabase({ kind: 'postgres', connectionString: u.toString(), poolSize: 4 });
  const close = database.close;
  database.close = async () => {
    await close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop schema ${schema} cascade`);
    await c.end();
  };
  if (opts.migrate !== false) await migrate(database.db);
  return database;
}
