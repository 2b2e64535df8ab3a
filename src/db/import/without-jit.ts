/**
 * The import's big set statements run without JIT compilation: they are costed high enough to trigger
 * it, and compiling their wide expressions (facts objects, member lists) took longer than it saved —
 * measured on the import benchmark (docs/benchmarks.md "## import").
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/** Runs `fn` on one connection with `jit` off, restored afterwards. */
export async function withoutJit<T>(db: Kysely<DB>, fn: (conn: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`set jit = off`.execute(conn);
    try {
      return await fn(conn);
    } finally {
      await sql`reset jit`.execute(conn);
    }
  });
}

/** `jit` off until the end of the current transaction. */
export async function jitOffInTransaction(db: Kysely<DB>): Promise<void> {
  await sql`set local jit = off`.execute(db);
}
