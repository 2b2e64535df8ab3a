/**
 * Settings of the connection an import step runs on. Its big set statements run without JIT compilation:
 * they are costed high enough to trigger it, and compiling their wide expressions (facts objects, member
 * lists) took longer than it saved; the validation also gets more memory for its sorts and hash tables
 * (validate.ts, VALIDATION_WORK_MEM) — both measured on the import benchmark (docs/benchmarks.md "## import").
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/** Runtime settings by name (`jit`, `work_mem`, …) and their values. */
export type ImportSettings = Readonly<Record<string, string>>;

/** Runs `fn` on one connection with `settings` set, each reset afterwards. */
export async function withImportSettings<T>(db: Kysely<DB>, settings: ImportSettings, fn: (conn: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    for (const [name, value] of Object.entries(settings)) await sql`select set_config(${name}, ${value}, false)`.execute(conn);
    try {
      return await fn(conn);
    } finally {
      for (const name of Object.keys(settings)) await sql`reset ${sql.id(name)}`.execute(conn);
    }
  });
}

/**
 * Runs `fn` on `lanes` connections side by side, each with `settings` (withImportSettings): the independent
 * statements of an import step spread over the machine's cores.
 */
export async function withImportLanes<T>(db: Kysely<DB>, lanes: number, settings: ImportSettings, fn: (conns: Array<Kysely<DB>>) => Promise<T>): Promise<T> {
  const open = (conns: Array<Kysely<DB>>): Promise<T> =>
    conns.length >= lanes ? fn(conns) : withImportSettings(db, settings, (conn) => open([...conns, conn]));
  return open([]);
}

/** Memory for a commit chunk's sorts (its members by household and line, 76,000 rows of ~200 bytes at 20,000 households). */
export const COMMIT_WORK_MEM = '64MB';

/** Until the end of the current transaction (a commit chunk's): `jit` off and COMMIT_WORK_MEM. */
export async function commitSettingsInTransaction(db: Kysely<DB>): Promise<void> {
  await sql`select set_config('jit', 'off', true), set_config('work_mem', ${COMMIT_WORK_MEM}, true)`.execute(db);
}
