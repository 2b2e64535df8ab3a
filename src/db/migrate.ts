/**
 * Versioned SQL migrations (`src/db/migrations/NNNN_name.sql`), applied in order at start-up inside one
 * transaction under an advisory lock. Each applied file's SHA-256 is recorded; a file edited after it was
 * applied, or removed, stops start-up: fix forward with a new migration instead.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const FILE_RE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => FILE_RE.test(f))
    .sort()
    .map((f) => {
      const [, v, name] = FILE_RE.exec(f)!;
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      return { version: Number(v), name: name!, sql: text, checksum: crypto.createHash('sha256').update(text).digest('hex') };
    });
}

export interface MigrationOutcome {
  applied: number[];
  version: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrate(db: Kysely<any>, files = readMigrations()): Promise<MigrationOutcome> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7305001)`.execute(trx);
    await sql`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`.execute(trx);
    const done = await sql<{ version: number; name: string; checksum: string }>`
      select version, name, checksum from schema_migrations order by version`.execute(trx);
    const byVersion = new Map(files.map((f) => [f.version, f]));
    for (const row of done.rows) {
      const file = byVersion.get(row.version);
      if (!file) {
        throw new MigrationError(
          `Migration ${row.version} (${row.name}) đã áp dụng nhưng không còn tệp — cơ sở dữ liệu mới hơn mã nguồn. ` +
            `(applied migration ${row.version} is missing from the source tree)`,
        );
      }
      if (file.checksum !== row.checksum) {
        throw new MigrationError(
          `Migration ${row.version}_${row.name}.sql đã bị sửa sau khi áp dụng; hãy tạo migration mới thay vì sửa tệp cũ. ` +
            `(migration ${row.version} was edited after it was applied)`,
        );
      }
    }
    const appliedSet = new Set(done.rows.map((r) => r.version));
    const applied: number[] = [];
    for (const f of files) {
      if (appliedSet.has(f.version)) continue;
      await sql.raw(f.sql).execute(trx);
      await sql`insert into schema_migrations (version, name, checksum) values (${f.version}, ${f.name}, ${f.checksum})`.execute(trx);
      applied.push(f.version);
    }
    const version = files.length ? files[files.length - 1]!.version : 0;
    return { applied, version };
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function currentMigrationVersion(db: Kysely<any>): Promise<number> {
  const r = await sql<{ v: number | null }>`select max(version) as v from schema_migrations`.execute(db);
  return r.rows[0]?.v ?? 0;
}
